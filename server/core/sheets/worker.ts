import { parentPort, workerData } from 'node:worker_threads'
import { closeDatabase, openDatabase } from '../../../db/open'
import type { SheetData } from '../../../db/services/members/import'
import { runSheetRequest } from './run'
import { toWire, type WorkerAsk, type WorkerReply, type WorkerSetup } from './wire'

/**
 * The store server's import worker: its own connection to the database, so a long file is
 * checked and written while the server's thread goes on answering the other desks.
 */
const setup = workerData as WorkerSetup
const port = parentPort!
// The store's clock is the server's (tests move it): each step brings the time it was asked at.
let offsetMs = 0
// Waiting for a short write of the server's thread blocks only this thread, never a desk.
const db = openDatabase(setup.dbFile, {
  ...setup.openOptions,
  busyTimeoutMs: 10_000,
  now: () => new Date(Date.now() + offsetMs),
})
const sheets = new Map<string, SheetData>()
const reply = (m: WorkerReply) => port.postMessage(m)

port.on('message', (ask: WorkerAsk) => {
  if (ask.close) {
    closeDatabase(db)
    port.close()
    return
  }
  offsetMs = ask.nowMs - Date.now()
  runSheetRequest(db, sheets, ask.req, (task) => (p) => reply({ id: ask.id, progress: { task, ...p } })).then(
    (result) => reply({ id: ask.id, result }),
    (e: unknown) => reply({ id: ask.id, error: toWire(e) }),
  )
})
