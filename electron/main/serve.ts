import type { App } from 'electron'
import { parseServeArgs, startServer } from '../../server/http/main'
import { electronNativeBinding, migrationsFolder } from './paths'
import { rendererPaths } from './window'

const USAGE = '用法：vipdesk --serve --db 数据库文件 [--port 8443] [--host 0.0.0.0]'

/** `vipdesk --serve …`: the installed app runs the store server instead of opening a window. */
export const serveRequested = (argv: readonly string[]) => argv.includes('--serve')

/**
 * The same options as `npm run serve`, after `--serve`; the renderer is the one inside the app.
 * A wrong command line prints the usage in Chinese and ends with exit code 2, as the CLI does.
 */
export async function runServe(app: App, argv: readonly string[], mainDir: string): Promise<void> {
  let options: ReturnType<typeof parseServeArgs>
  try {
    options = parseServeArgs(argv.slice(argv.indexOf('--serve') + 1))
  } catch (e) {
    const message = (e as Error).message
    // parseArgs' own refusals are English: say it in the store's words.
    const option = /'([^']+)'/.exec(message)?.[1]
    console.error(/[\u4e00-\u9fff]/.test(message) ? message : `无法识别的参数：${option ?? message}`)
    console.error(USAGE)
    app.exit(2)
    return
  }
  await app.whenReady()
  const appRoot = app.getAppPath()
  const server = await startServer({
    ...options,
    rendererRoot: rendererPaths(mainDir).root,
    open: {
      migrationsFolder: migrationsFolder(appRoot, process.resourcesPath, app.isPackaged),
      nativeBinding: electronNativeBinding(appRoot, process.versions),
    },
  }).catch((e: unknown) => {
    console.error(`门店服务器无法启动：${e instanceof Error ? e.message : String(e)}`)
    app.exit(1)
    return null
  })
  if (!server) return
  // No window keeps the app alive; it runs until it is told to quit (Ctrl+C, the service stopping).
  app.on('window-all-closed', () => undefined)
  app.on('quit', () => void server.close())
}
