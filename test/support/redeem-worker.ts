/**
 * A second desk in its own thread: opens the database file on its own connection, waits for the
 * start signal so that both desks run at the same moment, redeems, and reports the outcome.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { SYSTEM_ACTOR } from '../../db/actor'
import { isAppError } from '../../db/errors'
import { closeDatabase, openDatabase } from '../../db/open'
import { redeemGifts } from '../../db/services/gifts'

const { file, memberId, code, signal } = workerData as {
  file: string
  memberId: number
  code: string
  signal: SharedArrayBuffer
}
const db = openDatabase(file)
const flag = new Int32Array(signal)
Atomics.add(flag, 1, 1)
Atomics.wait(flag, 0, 0)
try {
  const r = redeemGifts(db, { memberId, lines: [{ code, qty: 1 }] }, SYSTEM_ACTOR)
  parentPort!.postMessage({ ok: true, redemptionId: r.redemptionId })
} catch (e) {
  parentPort!.postMessage({ ok: false, kind: isAppError(e) ? e.kind : 'internal', message: (e as Error).message })
} finally {
  closeDatabase(db)
}
