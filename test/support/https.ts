import { request } from 'node:https'

export interface HttpsReply {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
  /** The body's bytes (a download). */
  raw: Buffer
  json(): {
    ok: boolean
    data?: unknown
    error?: { kind: string; message: string }
    downloads?: { id: string; name: string; inline: boolean }[]
  }
}

/** One HTTPS request as a desk's browser would make it; `ca` is what the desk trusts. */
export function httpsRequest(
  url: string,
  o: {
    method?: string
    headers?: Record<string, string>
    body?: string | Buffer | Buffer[]
    ca?: string
    servername?: string
  } = {},
): Promise<HttpsReply> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: o.method ?? 'GET', headers: o.headers, ca: o.ca, servername: o.servername },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          const raw = Buffer.concat(chunks)
          const body = raw.toString('utf8')
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, raw, json: () => JSON.parse(body) })
        })
      },
    )
    req.on('error', reject)
    // An array is sent chunk by chunk without a length (chunked), as a stream of unknown size is.
    if (Array.isArray(o.body)) for (const chunk of o.body) req.write(chunk)
    else if (o.body !== undefined) req.write(o.body)
    req.end()
  })
}

/** A browser tab of one desk: keeps its cookies and CSRF token like the page's bridge does. */
export class Desk {
  private readonly cookies = new Map<string, string>()
  csrf = ''

  constructor(
    readonly base: string,
    private readonly ca: string,
    readonly origin = base,
  ) {}

  async call(name: string, input: unknown = null, extra: { headers?: Record<string, string> } = {}) {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
    const r = await httpsRequest(`${this.base}/api/${name}`, {
      method: 'POST',
      ca: this.ca,
      headers: {
        'content-type': 'application/json',
        origin: this.origin,
        ...(this.csrf ? { 'x-csrf-token': this.csrf } : {}),
        ...(cookie ? { cookie } : {}),
        ...extra.headers,
      },
      body: JSON.stringify(input),
    })
    this.take(r)
    return r
  }

  /** `POST /api/upload` as the page's bridge sends a chosen file: raw bytes, the name encoded. */
  async upload(name: string, body: Buffer | Buffer[], extra: { headers?: Record<string, string> } = {}) {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
    const r = await httpsRequest(`${this.base}/api/upload`, {
      method: 'POST',
      ca: this.ca,
      headers: {
        'content-type': 'application/octet-stream',
        'x-file-name': encodeURIComponent(name),
        origin: this.origin,
        ...(Array.isArray(body) ? {} : { 'content-length': String(body.length) }),
        ...(this.csrf ? { 'x-csrf-token': this.csrf } : {}),
        ...(cookie ? { cookie } : {}),
        ...extra.headers,
      },
      body,
    })
    this.take(r)
    return r
  }

  /** A GET with this desk's cookies (a download link opened in the tab). */
  get(path: string) {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
    return httpsRequest(`${this.base}${path}`, { ca: this.ca, headers: cookie ? { cookie } : {} })
  }

  /** The cookie a test wants to reuse or drop. */
  cookie(name: string): string | undefined {
    return this.cookies.get(name)
  }

  setCookie(name: string, value: string | null): void {
    if (value === null) this.cookies.delete(name)
    else this.cookies.set(name, value)
  }

  private take(r: HttpsReply): void {
    const token = r.headers['x-csrf-token']
    if (typeof token === 'string') this.csrf = token
    const set = r.headers['set-cookie'] ?? []
    for (const line of set) {
      const [pair] = line.split(';')
      const eq = pair!.indexOf('=')
      const name = pair!.slice(0, eq)
      const value = pair!.slice(eq + 1)
      if (value === '' || /Expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name)
      else this.cookies.set(name, value)
    }
  }
}
