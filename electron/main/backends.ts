import { app, shell, webContents } from 'electron'
import { extname, join } from 'node:path'
import { fileLogger, logDirOf, type Logger } from '../../db/log'
import { createJobRunner, type JobRunner } from '../../db/jobs/runner'
import { closeDatabase, openDatabase } from '../../db/open'
import { EventRelay } from '../../server/client/events'
import { callWithFiles, opensOf, type FileUi } from '../../server/client/files'
import { StoreClient } from '../../server/client/storeClient'
import type { ServerIdentity } from '../../server/client/tlsPin'
import { contract, EVENT_CHANNEL, type CallName, type Envelope } from '../../server/contract/contract'
import type { AppState } from '../../server/core/context'
import { createDispatcher, windowCaller } from '../../server/core/dispatch'
import { handlers } from '../../server/core/handlers'
import { WindowSessions } from '../../server/core/sessions'
import { InProcessJobs } from '../../server/core/sheets/jobs'
import { electronNativeBinding, migrationsFolder, resolveDbFile } from './paths'
import { electronShell } from './shell'

/** Where the windows' calls go: this PC's database, or the store server (设置 → 连接). */
export interface Backend {
  dispatch(name: CallName, input: unknown, senderId: number): Promise<Envelope<unknown>>
  close(): void
}

/** Main's state, with the job runner the host starts and stops. */
type MainState = AppState & { readonly jobs: JobRunner }

/** This PC's own database, its daily jobs and its log beside it. Throws when it cannot be opened. */
export function localBackend(toStderr: Logger): Backend {
  let log: Logger = toStderr
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
  log = fileLogger(logDirOf(state.dbFile), { echo: toStderr })
  state.jobs.start()
  const dispatcher = createDispatcher(handlers, state, electronShell, log)
  return {
    dispatch: (name, input, senderId) => dispatcher.dispatch(name, input, senderId),
    close() {
      state.jobs.stop()
      closeDatabase(state.db)
    },
  }
}

/** Every window hears the server's events, as in local mode they hear main's. */
function toWindows(event: string, payload: unknown): void {
  for (const wc of webContents.getAllWebContents()) if (!wc.isDestroyed()) wc.send(EVENT_CHANNEL, event, payload)
}

/** The dialogs and viewer for a call's files, modal to the window that made it. */
function fileUi(senderId: number): FileUi {
  return {
    pickOpen: (extensions) =>
      electronShell.pickOpenFile(
        { title: '选择文件', filters: [{ name: extensions.join(' / ').toUpperCase(), extensions: [...extensions] }] },
        windowCaller(senderId),
      ),
    pickSave: (name) => {
      const ext = extname(name).slice(1)
      const filters = ext ? [{ name: `${ext.toUpperCase()} 文件`, extensions: [ext] }] : []
      return electronShell.pickSaveFile({ title: '保存文件', defaultName: name, filters }, windowCaller(senderId))
    },
    async openFile(file) {
      const problem = await shell.openPath(file)
      if (problem) throw new Error(problem)
    },
    tempDir: app.getPath('temp'),
  }
}

/**
 * A desk of the store server: every call is forwarded over HTTPS to the pinned server, and its
 * event stream is relayed to the windows while someone is logged in. No local database is opened.
 */
export function remoteBackend(server: ServerIdentity, log: Logger): Backend {
  const client = new StoreClient(server)
  const relay = new EventRelay(client, toWindows, 3000, log)
  return {
    async dispatch(name, input, senderId) {
      const { downloads: _files, ...envelope } = await callWithFiles(
        client,
        name,
        input,
        opensOf(contract[name]),
        fileUi(senderId),
      )
      if (StoreClient.loggedIn(name, envelope)) relay.start()
      if (name === 'session:logout' || (!envelope.ok && envelope.error.kind === 'unauthenticated')) relay.stop()
      return envelope
    },
    close() {
      relay.stop()
      client.close()
    },
  }
}
