/** The streams the CLI writes to; tests pass string collectors, main.ts passes process's. */
export interface CliStream {
  write(chunk: string): boolean
  isTTY?: boolean
  once?(event: 'drain', listener: () => void): unknown
}

/**
 * Where the CLI reads from (process.stdin, or a test's stream). Only commands that take a password
 * read it: a line with --password-stdin, otherwise keystrokes from a terminal in raw mode (no echo).
 */
export interface CliInput extends NodeJS.ReadableStream {
  isTTY?: boolean
  setRawMode?(mode: boolean): unknown
}

export interface CliIo {
  stdout: CliStream
  stderr: CliStream
  /** Absent when nothing can be read (treated as an empty, non-terminal input) */
  stdin?: CliInput
  env: Record<string, string | undefined>
  /** Working directory that relative paths are resolved against. */
  cwd?: string
}

/** Writes and, when the stream's buffer is full, waits for it to drain (100k members of JSON). */
export async function emit(out: CliStream, chunk: string): Promise<void> {
  if (!out.write(chunk) && out.once) await new Promise<void>((resolve) => out.once!('drain', resolve))
}

/** A problem with how the command was typed: exit code 2, usage hint. */
export class UsageError extends Error {
  override name = 'UsageError'
}

export { redact } from '../rules/redact'

/** Display width in a terminal: CJK characters take two columns. */
export function displayWidth(s: string): number {
  let w = 0
  for (const ch of s)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch)
      ? 2
      : 1
  return w
}

export const padCell = (s: string, width: number, right = false) => {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(s)))
  return right ? fill + s : s + fill
}

/** Progress on one line, only for a person watching a terminal, at most ten times a second. */
export function progressLine(err: CliStream): ((label: string, done: number, total: number) => void) & { end(): void } {
  let last = 0
  let shown = false
  const fn = (label: string, done: number, total: number) => {
    if (!err.isTTY) return
    const now = Date.now()
    if (now - last < 100 && done < total) return
    last = now
    shown = true
    const pct = total > 0 ? Math.floor((done / total) * 100) : 0
    err.write(`\r${label} ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')}（${pct}%）   `)
  }
  return Object.assign(fn, {
    end: () => {
      if (shown) err.write('\n')
    },
  })
}
