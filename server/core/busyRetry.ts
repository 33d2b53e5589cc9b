import { AppError, busyError, isSqliteBusy } from '../../db/errors'
import type { Db } from '../../db/handle'
import { statements } from '../../db/statements'
import type { Shell } from './context'

/** How long a call waits in all for another program's write lock before the user is told. */
export const BUSY_WAIT_MS = 3000
const FIRST_DELAY_MS = 25
const MAX_DELAY_MS = 400

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

const changesStatement = statements((s) => s.prepare('SELECT total_changes()').pluck())
const totalChanges = (db: Db) => changesStatement(db).get() as number

/**
 * The shell as the handler sees it, noting whether it asked the user anything or printed: such a
 * call is never run twice, the dialog or the paper would come again.
 */
function watched(shell: Shell, touched: () => void): Shell {
  return {
    ...shell,
    pickOpenFile: (o) => (touched(), shell.pickOpenFile(o)),
    pickSaveFile: (o) => (touched(), shell.pickSaveFile(o)),
    printer: { pdf: (html) => shell.printer.pdf(html), print: (html) => (touched(), shell.printer.print(html)) },
  }
}

/**
 * Runs a handler; when another program (say a command-line import) holds the write lock, waits
 * and runs it again, up to `boundMs` in all, with setTimeout between tries so the event loop keeps
 * serving the windows (the app's connection has busy_timeout 0: SQLite's own wait would block
 * the whole main process). A call is only run again when the failed try left nothing behind: the
 * transaction rolled back, no row changed on this connection (SQLite's total_changes) and no
 * dialog or print was shown. Otherwise, or once the time is up, the user gets a 'busy' AppError;
 * at once when `holder` names a long job of ours that holds the lock (the server's import worker).
 */
export async function withBusyRetry<T>(
  db: () => Db,
  shell: Shell,
  call: (shell: Shell) => T | Promise<T>,
  { boundMs = BUSY_WAIT_MS, holder = () => null }: { boundMs?: number; holder?: () => string | null } = {},
): Promise<T> {
  const started = Date.now()
  let delay = FIRST_DELAY_MS
  for (;;) {
    const conn = db()
    const before = totalChanges(conn)
    let touched = false
    try {
      return await call(watched(shell, () => (touched = true)))
    } catch (e) {
      if (!isSqliteBusy(e)) throw e
      const nothingLeft = !touched && !conn.sqlite.inTransaction && totalChanges(conn) === before
      if (!nothingLeft) throw busyError(false)
      // Our own import worker will hold the lock for a while yet: say so now rather than wait.
      const importing = holder()
      if (importing) throw new AppError('busy', `${importing}，请稍候再保存。本次操作未保存。`)
      const left = boundMs - (Date.now() - started)
      if (left <= 0) throw busyError()
      await sleep(Math.min(delay, left))
      delay = Math.min(delay * 2, MAX_DELAY_MS)
    }
  }
}
