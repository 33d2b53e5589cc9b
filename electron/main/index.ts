import { app, BrowserWindow, dialog, ipcMain, webContents } from 'electron'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { rotateDailyBackup } from '../../db/backup'
import { fileLogger, logDirOf, type Logger } from '../../db/log'
import { closeDatabase, openDatabase } from '../../db/open'
import { refreshAddressFlags } from '../../db/services/birthdays/addressFlags'
import { warmCare } from '../../db/services/care'
import { expirePointsAtStartup } from '../../db/services/points/expiry'
import { getSettings } from '../../db/services/settings'
import { tierJobsAtStartup } from '../../db/services/tiers'
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

function openState(): AppState {
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
  const state: AppState = {
    db: openDatabase(dbFile, options),
    dbFile,
    backupDir,
    openOptions: options,
    sessions: new Map(),
    imports: new Map(),
    reopen() {
      closeDatabase(state.db)
      state.db = openDatabase(dbFile, options)
    },
  }
  return state
}

function dailyBackup(state: AppState): void {
  try {
    rotateDailyBackup(state.db, state.backupDir, getSettings(state.db).dailyBackupsKept)
  } catch (e) {
    log(`daily backup failed: ${(e as Error).message}`)
  }
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
  let state: AppState
  try {
    state = openState()
  } catch (e) {
    dialog.showErrorBox('无法打开数据库', (e as Error).message)
    app.quit()
    return
  }
  log = fileLogger(logDirOf(state.dbFile), { echo: toStderr })
  dailyBackup(state)
  try {
    // Idempotent: points already lapsed are not posted again.
    expirePointsAtStartup(state.db)
  } catch (e) {
    log(`points expiry failed: ${(e as Error).message}`)
  }
  // Idempotent too: the yearly tier review, card validity and automatic card renewals.
  tierJobsAtStartup(state.db, log)
  // The high-value ranking is a full pass over a year of purchases: do it once a day ahead of the
  // planner (with the list's departments), after the window is up, rather than on their first click.
  // Likewise the address flags of members imported since (the birthday list would otherwise pay).
  const warm = () => {
    try {
      warmCare(state.db)
      refreshAddressFlags(state.db)
    } catch (e) {
      log(`background refresh failed: ${(e as Error).message}`)
    }
  }
  const warmTimer = setTimeout(warm, 3000)
  warmTimer.unref()
  const backupTimer = setInterval(
    () => {
      dailyBackup(state)
      warm()
    },
    60 * 60 * 1000,
  )
  backupTimer.unref()

  const paths = rendererPaths(__dirname)
  const devUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined
  const allowed = devUrl ?? pathToFileURL(paths.html).href
  registerIpc(ipcMain, createDispatcher(handlers, state, shell, log), allowed)

  createMainWindow(paths.preload, devUrl, paths.html)
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow(paths.preload, devUrl, paths.html)
  })
  app.on('window-all-closed', () => {
    clearTimeout(warmTimer)
    clearInterval(backupTimer)
    closeDatabase(state.db)
    app.quit()
  })
}

void main()
