import { app, BrowserWindow, dialog, ipcMain, protocol, session } from 'electron'
import { registerIpc } from './ipc'
import { localBackend, remoteBackend, type Backend } from './backends'
import { connectionFileIn, readConnection, type ConnectionSetting } from './connection'
import { registerConnectionIpc } from './connectionIpc'
import { APP_ENTRY, APP_ORIGIN, registerAppScheme, serveApp } from './protocol'
import { claimSingleInstance, secureSessions } from './security'
import { runServe, serveRequested } from './serve'
import { createMainWindow, rendererPaths } from './window'

const toStderr = (message: string) => console.error(`[vipdesk] ${message}`)

/** This PC's database, or the store server it was connected to in 设置 → 连接. */
const open = (setting: ConnectionSetting): Backend =>
  setting.mode === 'server' ? remoteBackend(setting, toStderr) : localBackend(toStderr)

async function main(): Promise<void> {
  if (serveRequested(process.argv)) return runServe(app, process.argv, __dirname)
  if (!claimSingleInstance(app, () => BrowserWindow.getAllWindows())) return
  registerAppScheme(protocol)
  await app.whenReady()
  const paths = rendererPaths(__dirname)
  const devUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined
  secureSessions(app, session.defaultSession, devUrl ?? APP_ORIGIN)
  if (!devUrl) serveApp(protocol, paths.root)
  const file = connectionFileIn(app.getPath('userData'))
  let setting = readConnection(file)
  let backend: Backend
  try {
    backend = open(setting)
  } catch (e) {
    dialog.showErrorBox('无法打开数据库', (e as Error).message)
    app.quit()
    return
  }

  // Calls are taken only from the app's own origin (the trailing slash keeps app://vipdesk.evil out).
  const allowed = devUrl ?? `${APP_ORIGIN}/`
  registerIpc(ipcMain, { dispatch: (name, input, senderId) => backend.dispatch(name, input, senderId) }, allowed)
  registerConnectionIpc(ipcMain, allowed, {
    file,
    current: () => setting,
    open,
    switchTo(next, nextBackend) {
      backend.close()
      backend = nextBackend
      setting = next
    },
  })

  const url = devUrl ?? APP_ENTRY
  createMainWindow(paths.preload, url)
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow(paths.preload, url)
  })
  app.on('window-all-closed', () => {
    backend.close()
    app.quit()
  })
}

void main()
