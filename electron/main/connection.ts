import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { ServerIdentity } from '../../server/client/tlsPin'

/**
 * This PC's connection (设置 → 连接), kept in the app's user-data folder, not in a database: in
 * server mode no local database is opened at all. The pinned CA is stored whole (it is the only
 * trust anchor of later connections) beside the fingerprint the user confirmed.
 */
export type ConnectionSetting = { mode: 'local' } | ({ mode: 'server' } & ServerIdentity)

export const connectionFileIn = (userData: string) => join(userData, 'connection.json')

/** A missing or unreadable file is the default: this PC's own database. */
export function readConnection(file: string): ConnectionSetting {
  try {
    const s = JSON.parse(readFileSync(file, 'utf8')) as Partial<ServerIdentity> & { mode?: string }
    if (s.mode === 'server' && s.url && s.caCert && s.caFingerprint) {
      return { mode: 'server', url: s.url, caCert: s.caCert, caFingerprint: s.caFingerprint }
    }
  } catch {
    // No file yet (or a damaged one): local, as on any new PC.
  }
  return { mode: 'local' }
}

/** Written whole or not at all (a temporary file renamed over the old one). */
export function writeConnection(file: string, setting: ConnectionSetting): void {
  mkdirSync(dirname(file), { recursive: true })
  const tmp = `${file}.${process.pid}.tmp`
  writeFileSync(tmp, `${JSON.stringify(setting, null, 2)}\n`, { mode: 0o600 })
  renameSync(tmp, file)
}
