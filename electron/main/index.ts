import { app, BrowserWindow, dialog, ipcMain, protocol, session } from 'electron'
import { join } from 'node:path'
import { rotateDailyBackup } from '../../db/backup'
import { closeDatabase, openDatabase } from '../../db/open'
import { refreshAddressFlags } from '../../db/services/birthdays/addressFlags'
import { warmCare } from '../../db/services/care'
import { expirePointsAtStartup } from '../../db/services/points/expiry'
import { getSettings } from '../../db/services/settings'
import { tierJobsAtStartup } from '../../db/services/tiers'
import type { AppState } from './context'
import { createDispatcher } from './dispatch'
import { handlers } from './handlers'
import { registerIpc } from './ipc'
import { electronNativeBinding, migrationsFolder, resolveDbFile } from './paths'
import { APP_ENTRY, APP_ORIGIN, registerAppScheme, serveApp } from './protocol'
import { claimSingleInstance, secureSessions } from './security'
import { electronShell } from './shell'
import { createMainWindow, rendererPaths } from './window'

const log = (message: string) => console.error(`[vipdesk] ${message}`)

function openState(): AppState {
  const appRoot = app.getAppPath()
  const dbFile = resolveDbFile(process.argv, process.env, app.getPath('userData'))
  const backupDir = join(dbFile, '..', 'backups')
  const options = {
    migrationsFolder: migrationsFolder(appRoot, process.resourcesPath, app.isPackaged),
    backupDir,
    nativeBinding: electronNativeBinding(appRoot, process.versions),
  }
  const state: AppState = {
    db: openDatabase(dbFile, options),
    dbFile,
    backupDir,
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

async function main(): Promise<void> {
  if (!claimSingleInstance(app, () => BrowserWindow.getAllWindows())) return
  registerAppScheme(protocol)
  await app.whenReady()
  const paths = rendererPaths(__dirname)
  const devUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined
  secureSessions(app, session.defaultSession, devUrl ?? APP_ORIGIN)
  if (!devUrl) serveApp(protocol, paths.root)
  let state: AppState
  try {
    state = openState()
  } catch (e) {
    dialog.showErrorBox('无法打开数据库', (e as Error).message)
    app.quit()
    return
  }
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

  // Calls are taken only from the app's own origin (the trailing slash keeps app://vipdesk.evil out).
  const allowed = devUrl ?? `${APP_ORIGIN}/`
  registerIpc(ipcMain, createDispatcher(handlers, state, electronShell, log), allowed)

  const url = devUrl ?? APP_ENTRY
  createMainWindow(paths.preload, url)
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow(paths.preload, url)
  })
  app.on('window-all-closed', () => {
    clearTimeout(warmTimer)
    clearInterval(backupTimer)
    closeDatabase(state.db)
    app.quit()
  })
}

void main()
