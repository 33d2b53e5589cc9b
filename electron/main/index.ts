import { app, BrowserWindow, dialog, ipcMain, protocol, session } from 'electron'
import { join } from 'node:path'
import { fileLogger, logDirOf, type Logger } from '../../db/log'
import { createJobRunner, type JobRunner } from '../../db/jobs/runner'
import { closeDatabase, openDatabase } from '../../db/open'
import type { AppState } from '../../server/core/context'
import { createDispatcher } from '../../server/core/dispatch'
import { handlers } from '../../server/core/handlers'
import { WindowSessions } from '../../server/core/sessions'
import { registerIpc } from './ipc'
import { electronNativeBinding, migrationsFolder, resolveDbFile } from './paths'
import { APP_ENTRY, APP_ORIGIN, registerAppScheme, serveApp } from './protocol'
import { claimSingleInstance, secureSessions } from './security'
import { electronShell } from './shell'
import { InProcessJobs } from '../../server/core/sheets/jobs'
import { createMainWindow, rendererPaths } from './window'

const toStderr = (message: string) => console.error(`[vipdesk] ${message}`)
/** stderr until the database's folder is known, then also logs/vipdesk.log beside it (db/log.ts). */
let log: Logger = toStderr

/** Main's state, with the job runner the host starts and stops. */
type MainState = AppState & { readonly jobs: JobRunner }

function openState(): MainState {
  const appRoot = app.getAppPath()
  const dbFile = resolveDbFile(process.argv, process.env, app.getPath('userData'))
  const backupDir = join(dbFile, '..', 'backups')
  const options = {
    migrationsFolder: migrationsFolder(appRoot, process.resourcesPath, app.isPackaged),
    backupDir,
    nativeBinding: electronNativeBinding(appRoot, process.versions),
    // Never let SQLite block the main process waiting for a lock: the dispatcher retries instead.
    busyTimeoutMs: 0,
  }
  const state: MainState = {
    db: openDatabase(dbFile, options),
    dbFile,
    backupDir,
    openOptions: options,
    sessions: new WindowSessions(),
    imports: new Map(),
    sheets: new InProcessJobs(() => state.db),
    // The backup, expiry, tier review and renewals once per store day; the warm-ups hourly.
    jobs: createJobRunner({ db: () => state.db, backupDir, warmUps: true, log: (m) => log(m) }),
    reopen() {
      closeDatabase(state.db)
      state.db = openDatabase(dbFile, options)
    },
  }
  return state
}

async function main(): Promise<void> {
  if (!claimSingleInstance(app, () => BrowserWindow.getAllWindows())) return
  registerAppScheme(protocol)
  await app.whenReady()
  const paths = rendererPaths(__dirname)
  const devUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined
  secureSessions(app, session.defaultSession, devUrl ?? APP_ORIGIN)
  if (!devUrl) serveApp(protocol, paths.root)
  let state: MainState
  try {
    state = openState()
  } catch (e) {
    dialog.showErrorBox('无法打开数据库', (e as Error).message)
    app.quit()
    return
  }
  log = fileLogger(logDirOf(state.dbFile), { echo: toStderr })
  state.jobs.start()

  // Calls are taken only from the app's own origin (the trailing slash keeps app://vipdesk.evil out).
  const allowed = devUrl ?? `${APP_ORIGIN}/`
  registerIpc(ipcMain, createDispatcher(handlers, state, electronShell, log), allowed)

  const url = devUrl ?? APP_ENTRY
  createMainWindow(paths.preload, url)
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow(paths.preload, url)
  })
  app.on('window-all-closed', () => {
    state.jobs.stop()
    closeDatabase(state.db)
    app.quit()
  })
}

void main()
