import { app, BrowserWindow, dialog, ipcMain, webContents } from 'electron'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { fileLogger, logDirOf, type Logger } from '../../db/log'
import { createJobRunner, type JobRunner } from '../../db/jobs/runner'
import { closeDatabase, openDatabase } from '../../db/open'
import { EVENT_CHANNEL } from '../shared/contract'
import type { AppState, Shell } from './context'
import { createDispatcher } from './dispatch'
import { handlers } from './handlers'
import { registerIpc } from './ipc'
import { electronNativeBinding, migrationsFolder, resolveDbFile } from './paths'
import { electronPrinter } from './print'
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
    sessions: new Map(),
    imports: new Map(),
    // The backup, expiry, tier review and renewals once per store day; the warm-ups hourly.
    jobs: createJobRunner({ db: () => state.db, backupDir, warmUps: true, log: (m) => log(m) }),
    reopen() {
      closeDatabase(state.db)
      state.db = openDatabase(dbFile, options)
    },
  }
  return state
}

const shell: Shell = {
  async pickOpenFile({ title, filters }) {
    const r = await dialog.showOpenDialog({ title, filters, properties: ['openFile'] })
    return r.canceled ? null : (r.filePaths[0] ?? null)
  },
  async pickSaveFile({ title, defaultName, filters }) {
    const r = await dialog.showSaveDialog({ title, defaultPath: defaultName, filters })
    return r.canceled ? null : (r.filePath ?? null)
  },
  emit(senderId, event, payload) {
    webContents.fromId(senderId)?.send(EVENT_CHANNEL, event, payload)
  },
  printer: electronPrinter,
}

async function main(): Promise<void> {
  await app.whenReady()
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

  const paths = rendererPaths(__dirname)
  const devUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined
  const allowed = devUrl ?? pathToFileURL(paths.html).href
  registerIpc(ipcMain, createDispatcher(handlers, state, shell, log), allowed)

  createMainWindow(paths.preload, devUrl, paths.html)
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow(paths.preload, devUrl, paths.html)
  })
  app.on('window-all-closed', () => {
    state.jobs.stop()
    closeDatabase(state.db)
    app.quit()
  })
}

void main()
