import { appendFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { redact } from './rules/redact'

/**
 * The error log beside the database (logs/vipdesk.log), for whoever supports the store: stderr
 * is gone once the app is closed. Host-neutral (the Electron host and the CLI both write it).
 * Callers pass only call names and error text, never inputs; phone and ID numbers that an
 * error's own text might quote are masked here as well.
 */
export const LOG_FILE_NAME = 'vipdesk.log'
export const LOG_MAX_BYTES = 1024 * 1024
/** vipdesk.log and vipdesk.log.1 … .4 */
export const LOG_FILES_KEPT = 5

export type Logger = (message: string) => void

/** The log folder of a database file. */
export const logDirOf = (dbFile: string) => join(dirname(dbFile), 'logs')

function rotate(file: string, keep: number): void {
  rmSync(`${file}.${keep - 1}`, { force: true })
  for (let i = keep - 2; i >= 1; i--) if (existsSync(`${file}.${i}`)) renameSync(`${file}.${i}`, `${file}.${i + 1}`)
  renameSync(file, `${file}.1`)
}

/**
 * A logger appending timestamped lines to `dir`/vipdesk.log, moved aside to .1 (and older to .2
 * …) once it would pass `maxBytes`. Logging never throws: a full disk must not turn a handled
 * error into a crash.
 */
export function fileLogger(
  dir: string,
  options: { maxBytes?: number; keep?: number; now?: () => Date; echo?: Logger } = {},
): Logger {
  const file = join(dir, LOG_FILE_NAME)
  const maxBytes = options.maxBytes ?? LOG_MAX_BYTES
  const keep = Math.max(1, options.keep ?? LOG_FILES_KEPT)
  return (message) => {
    const line = `${(options.now?.() ?? new Date()).toISOString()} ${redact(message)}\n`
    options.echo?.(line.trimEnd())
    try {
      mkdirSync(dir, { recursive: true })
      const size = existsSync(file) ? statSync(file).size : 0
      if (size > 0 && size + Buffer.byteLength(line) > maxBytes) {
        if (keep > 1) rotate(file, keep)
        else rmSync(file, { force: true })
      }
      appendFileSync(file, line, 'utf8')
    } catch {
      // Nowhere left to say it; the caller has already answered the user.
    }
  }
}
