import { createReadStream, createWriteStream, statSync } from 'node:fs'
import { unlink } from 'node:fs/promises'
import { Agent, request, type RequestOptions } from 'node:https'
import type { IncomingMessage } from 'node:http'
import { pipeline } from 'node:stream/promises'
import type { CallName, Envelope } from '../contract/contract'
import {
  CERT_CHANGED,
  ConnectionError,
  connectionErrorOf,
  endpointOf,
  fingerprintOf,
  pinnedIdentityCheck,
  type ServerIdentity,
} from './tlsPin'

/** A file the server made for this call: fetched from GET /api/download/<id>. */
export interface DownloadRef {
  id: string
  name: string
  /** A PDF to show (the system viewer), not a file to save. */
  inline?: boolean
}

/** The server's envelope; replies that made files list them (the store server's file protocol). */
export type ServerEnvelope = Envelope<unknown> & { downloads?: DownloadRef[] }

const CSRF_HEADER = 'x-csrf-token'
/** Calls that hand out the CSRF token and may begin a session. */
const LOGIN_CALLS = new Set<string>(['session:login', 'session:setupAdmin'])

/**
 * The desktop app as a desk of the store server: what the page's httpBridge does in a browser,
 * done in Node by the main process. It keeps the session cookie and CSRF token in memory, sends
 * the server's own Origin, and talks only to a server whose chain ends in the pinned CA.
 */
export class StoreClient {
  private readonly cookies = new Map<string, string>()
  private csrf = ''
  private readonly agent: Agent
  /** The stored CA no longer matches the pinned fingerprint (an edited settings file). */
  private readonly broken: boolean

  constructor(readonly server: ServerIdentity) {
    let matches = false
    try {
      matches = fingerprintOf(server.caCert) === server.caFingerprint
    } catch {
      matches = false
    }
    this.broken = !matches
    this.agent = new Agent({ keepAlive: true, maxSockets: 8 })
  }

  get url(): string {
    return this.server.url
  }

  /** `POST /api/<name>`; a failure to reach the server is an envelope of kind `transport`, never a throw. */
  async call(name: CallName | string, input: unknown, extra: { upload?: string } = {}): Promise<ServerEnvelope> {
    try {
      const body = Buffer.from(JSON.stringify(input ?? null))
      const res = await this.send('POST', `/api/${encodeURIComponent(name)}`, {
        headers: {
          'Content-Type': 'application/json',
          'Content-Length': String(body.length),
          ...(extra.upload ? { 'X-Upload': extra.upload } : {}),
        },
        body,
      })
      return await envelopeOf(res)
    } catch (e) {
      return transport(connectionErrorOf(e, this.url).message)
    } finally {
      if (name === 'session:logout') this.cookies.clear()
    }
  }

  /** Whether this reply means a session now exists (the event stream may open). */
  static loggedIn(name: string, envelope: ServerEnvelope): boolean {
    return (
      envelope.ok &&
      (LOGIN_CALLS.has(name) ||
        (name === 'session:state' && !!(envelope.data as { operator?: unknown } | null)?.operator))
    )
  }

  /** `POST /api/upload` with the file as the raw body; the id the next call names in X-Upload. */
  async upload(file: string, name: string): Promise<string> {
    const size = statSync(file).size
    let res: IncomingMessage
    try {
      res = await this.send('POST', '/api/upload', {
        headers: {
          'Content-Type': 'application/octet-stream',
          'Content-Length': String(size),
          'X-File-Name': encodeURIComponent(name),
        },
        body: createReadStream(file),
      })
    } catch (e) {
      throw connectionErrorOf(e, this.url)
    }
    const envelope = await envelopeOf(res)
    if (!envelope.ok) throw new ConnectionError('protocol', envelope.error.message)
    const id = (envelope.data as { upload?: unknown } | null)?.upload
    if (typeof id !== 'string' || !id) throw new ConnectionError('protocol', '门店服务器没有收下文件，请重试。')
    return id
  }

  /** `GET /api/download/<id>` written to `file` (removed again if the transfer fails). */
  async download(id: string, file: string): Promise<void> {
    let res: IncomingMessage
    try {
      res = await this.send('GET', `/api/download/${encodeURIComponent(id)}`, {})
    } catch (e) {
      throw connectionErrorOf(e, this.url)
    }
    if (res.statusCode !== 200) {
      const envelope = await envelopeOf(res)
      throw new ConnectionError('protocol', envelope.ok ? `下载失败（HTTP ${res.statusCode}）` : envelope.error.message)
    }
    try {
      await pipeline(res, createWriteStream(file))
    } catch (e) {
      await unlink(file).catch(() => undefined)
      throw connectionErrorOf(e, this.url)
    }
  }

  /** `GET /api/events` as a raw response (the caller parses the SSE stream). */
  openEvents(): Promise<IncomingMessage> {
    return this.send('GET', '/api/events', { headers: { Accept: 'text/event-stream' }, keepAlive: false })
  }

  close(): void {
    this.agent.destroy()
  }

  private send(
    method: 'GET' | 'POST',
    path: string,
    o: { headers?: Record<string, string>; body?: Buffer | NodeJS.ReadableStream; keepAlive?: boolean },
  ): Promise<IncomingMessage> {
    if (this.broken) return Promise.reject(new ConnectionError('certificate', CERT_CHANGED))
    const { host, port, servername } = endpointOf(this.url)
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
    const options: RequestOptions = {
      method,
      host,
      port,
      path,
      servername,
      // The pinned CA is the only trust anchor, and its fingerprint is checked once more.
      ca: this.server.caCert,
      checkServerIdentity: pinnedIdentityCheck(this.server.caFingerprint),
      rejectUnauthorized: true,
      agent: o.keepAlive === false ? false : this.agent,
      headers: {
        Origin: this.url,
        ...(this.csrf ? { 'X-CSRF-Token': this.csrf } : {}),
        ...(cookie ? { Cookie: cookie } : {}),
        ...o.headers,
      },
    }
    return new Promise((resolve, reject) => {
      const req = request(options, (res) => {
        this.take(res)
        resolve(res)
      })
      req.setTimeout(30_000, () => req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })))
      req.on('error', reject)
      const body = o.body
      if (!body) req.end()
      else if (Buffer.isBuffer(body)) req.end(body)
      else pipeline(body, req).catch(reject)
    })
  }

  /** Cookies and the CSRF token from a reply, as a browser would keep them. */
  private take(res: IncomingMessage): void {
    const token = res.headers[CSRF_HEADER]
    if (typeof token === 'string' && token) this.csrf = token
    for (const line of res.headers['set-cookie'] ?? []) {
      const [pair] = line.split(';')
      const eq = pair!.indexOf('=')
      if (eq < 0) continue
      const name = pair!.slice(0, eq).trim()
      const value = pair!.slice(eq + 1).trim()
      if (value === '' || /Expires=Thu, 01 Jan 1970/i.test(line) || /Max-Age=0\b/i.test(line)) this.cookies.delete(name)
      else this.cookies.set(name, value)
    }
  }
}

export const transport = (message: string): ServerEnvelope => ({ ok: false, error: { kind: 'transport', message } })

async function envelopeOf(res: IncomingMessage): Promise<ServerEnvelope> {
  const chunks: Buffer[] = []
  for await (const chunk of res) chunks.push(chunk as Buffer)
  const text = Buffer.concat(chunks).toString('utf8')
  if (!String(res.headers['content-type'] ?? '').includes('application/json')) {
    return transport(`门店服务器的回答无法识别（HTTP ${res.statusCode}）：请核对地址是否为 VIP 会员管家门店服务器。`)
  }
  try {
    return JSON.parse(text) as ServerEnvelope
  } catch {
    return transport(`门店服务器的回答无法识别（HTTP ${res.statusCode}）`)
  }
}
