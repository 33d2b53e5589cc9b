import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'

/** The bytes of a database file and its WAL, to assert that a refused operation left them alone. */
export function fileHash(file: string): string {
  const h = createHash('sha256').update(readFileSync(file))
  if (existsSync(`${file}-wal`)) h.update(readFileSync(`${file}-wal`))
  return h.digest('hex')
}
