import { Agent, request } from 'node:https'
import type { CallName } from '../../server/contract/contract'

/** What a desk learns from one call: the envelope's verdict and, on a refusal, its kind. */
export interface CallOutcome {
  ok: boolean
  /** HTTP status (200 for envelopes with ok: false that are not 401/403/429) */
  status?: number
  kind?: string
  message?: string
}

/**
 * One desk's browser tab calling the store server: a single kept-alive TLS connection, as Chrome
 * keeps one to a host, the session cookie and the CSRF token the replies hand out. Unlike
 * test/support/https.ts (a new connection per request, for the security tests), this is what a
 * desk's steady traffic looks like.
 */
export class HttpsDesk {
  private readonly agent: Agent
  private readonly cookies = new Map<string, string>()
  private csrf = ''

  constructor(
    private readonly port: number,
    ca: string,
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets: 1, ca })
  }

  call(name: CallName, input: unknown = null): Promise<CallOutcome> {
    const body = JSON.stringify(input)
    const host = `localhost:${this.port}`
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
    return new Promise((resolve, reject) => {
      const req = request(
        {
          // 127.0.0.1 is where the bench's server listens; the name is the certificate's and the origin's.
          host: '127.0.0.1',
          port: this.port,
          servername: 'localhost',
          path: `/api/${name}`,
          method: 'POST',
          agent: this.agent,
          headers: {
            host,
            origin: `https://${host}`,
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            ...(this.csrf ? { 'x-csrf-token': this.csrf } : {}),
            ...(cookie ? { cookie } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = []
          res.on('data', (c: Buffer) => chunks.push(c))
          res.on('error', reject)
          res.on('end', () => {
            this.take(res.headers)
            try {
              const env = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
                ok: boolean
                error?: { kind: string; message: string }
              }
              resolve({ ok: env.ok, status: res.statusCode, kind: env.error?.kind, message: env.error?.message })
            } catch {
              resolve({ ok: false, status: res.statusCode, kind: 'http', message: 'reply was not JSON' })
            }
          })
        },
      )
      req.on('error', reject)
      req.end(body)
    })
  }

  /** As the page does: session:state hands out the pre-login token, session:login the session's. */
  async login(name: string, password: string): Promise<void> {
    await this.call('session:state')
    const r = await this.call('session:login', { name, password })
    if (!r.ok) throw new Error(`login of ${name} over HTTPS failed: ${r.status} ${r.message}`)
  }

  close(): void {
    this.agent.destroy()
  }

  private take(headers: Record<string, string | string[] | undefined>): void {
    const token = headers['x-csrf-token']
    if (typeof token === 'string') this.csrf = token
    const set = headers['set-cookie'] ?? []
    for (const line of Array.isArray(set) ? set : [set]) {
      const pair = line.split(';')[0]!
      const eq = pair.indexOf('=')
      const name = pair.slice(0, eq)
      const value = pair.slice(eq + 1)
      if (value === '' || /Expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name)
      else this.cookies.set(name, value)
    }
  }
}
