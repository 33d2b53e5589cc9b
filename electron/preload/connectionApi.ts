/**
 * 设置 → 连接: whether this PC uses its own database or a store server. Not a call of the store
 * contract (the server has nothing to do with it): a small channel of the desktop app alone,
 * exposed by the preload as window.vipdeskConnection and usable before login.
 */
export const CONNECTION_CHANNELS = {
  get: 'connection:get',
  probe: 'connection:probe',
  useServer: 'connection:useServer',
  useLocal: 'connection:useLocal',
} as const

/** What this PC is connected to (the pinned CA itself stays in main). */
export type ConnectionView = { mode: 'local' } | { mode: 'server'; url: string; caFingerprint: string }

export type ConnectionResult<T = object> = ({ ok: true } & T) | { ok: false; message: string }

export interface ConnectionBridge {
  get(): Promise<ConnectionView>
  /** First contact: the server's address and its CA fingerprint, to compare with what it printed. */
  probe(url: string): Promise<ConnectionResult<{ url: string; caFingerprint: string }>>
  /** Pins the CA the user confirmed and switches this PC to the server (the page then reloads). */
  useServer(url: string, caFingerprint: string): Promise<ConnectionResult>
  /** Back to this PC's own database. */
  useLocal(): Promise<ConnectionResult>
}
