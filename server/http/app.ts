import { createReadStream, existsSync } from 'node:fs'
import type { Readable } from 'node:stream'
import fastifyCookie from '@fastify/cookie'
import fastifyStatic from '@fastify/static'
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify'
import { CALL_NAMES, contract, type CallName, type Download, type Envelope } from '../contract/contract'
import type { Dispatcher } from '../core/dispatch'
import type { AppState } from '../core/context'
import type { Caller, CallerFiles } from '../core/sessions'
import { CookieSession, PRE_COOKIE, PreLoginTokens, SESSION_COOKIE, sameText } from './cookieSessions'
import type { EventHub } from './events'
import { contentDisposition, contentTypeOf, ownerOf, UploadRefused, type FileStore } from './files'
import { securityHeaders } from './headers'

export const CSRF_HEADER = 'x-csrf-token'
/** A call's uploaded file (the id `POST /api/upload` gave): the answer to its open dialog. */
export const UPLOAD_HEADER = 'x-upload'
/** The calls a page makes before it has a token: they hand it out. */
const TOKEN_GIVERS = new Set<CallName>(['session:state', 'session:login'])
const KNOWN = new Set<string>(CALL_NAMES)

export interface HttpHostOptions {
  https: { key: string; cert: string }
  state: AppState
  dispatcher: Dispatcher
  /** Where the desks' event streams are kept (the shell emits into it). */
  events: EventHub
  /** Uploads for the calls that open a file, downloads of what calls saved or printed. */
  files: FileStore
  /** The built renderer (out/renderer); absent in API-only tests. */
  rendererRoot?: string
  log: (message: string) => void
}

/** The envelope's kinds that are HTTP statuses of their own; everything else is 200 with ok: false. */
function statusOf(envelope: Envelope<unknown>): number {
  if (envelope.ok) return 200
  switch (envelope.error.kind) {
    case 'unauthenticated':
      return 401
    case 'forbidden':
      return 403
    case 'locked':
      return 429
    default:
      return 200
  }
}

const refusal = (kind: string, message: string): Envelope<never> => ({ ok: false, error: { kind, message } })

/** Loopback: the server machine itself (IPv4, IPv6 and IPv4-mapped IPv6). */
export const isLoopback = (address: string | undefined) =>
  !!address && (address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.'))

/**
 * The store server's HTTPS host: the built renderer as static files and the one contract as
 * `POST /api/<call name>`, JSON in, the envelope out. It checks what only HTTP has (origin, CSRF,
 * cookies) and hands the call to the same dispatcher the desktop app uses.
 */
export async function buildHttpHost(options: HttpHostOptions): Promise<FastifyInstance> {
  const { state, dispatcher, files } = options
  const app = Fastify({
    https: { key: options.https.key, cert: options.https.cert, minVersion: 'TLSv1.2' },
    // Calls carry JSON inputs; files come through uploads of their own.
    bodyLimit: 2 * 1024 * 1024,
    logger: false,
    trustProxy: false,
  })
  await app.register(fastifyCookie)
  app.addHook('onSend', async (_req, reply, payload) => {
    for (const [name, value] of Object.entries(securityHeaders)) if (!reply.hasHeader(name)) reply.header(name, value)
    return payload
  })

  const preLogin = new PreLoginTokens()
  const senders = new Map<string, number>()
  const senderOf = (key: string | undefined) => {
    if (!key) return 0
    let id = senders.get(key)
    if (id === undefined) senders.set(key, (id = senders.size + 1))
    return id
  }

  const cookieOptions = { path: '/', httpOnly: true, secure: true, sameSite: 'strict' } as const

  app.post<{ Params: { name: string } }>('/api/:name', async (req, reply) => {
    const name = req.params.name
    if (!KNOWN.has(name)) return send(reply, 404, refusal('not_found', '未知的操作'))
    if (!sameOrigin(req)) return send(reply, 403, refusal('forbidden', '拒绝来自其他网站的请求'))
    const call = name as CallName
    const token = req.cookies[SESSION_COOKIE]
    const meta = { address: req.socket.remoteAddress ?? '', userAgent: req.headers['user-agent'] }
    const session = new CookieSession(state.db, token, meta)
    const spec = contract[call]
    if (spec.access !== 'public' && !session.operator) {
      if (token) reply.clearCookie(SESSION_COOKIE, cookieOptions)
      return send(reply, 401, refusal('unauthenticated', token ? '登录已过期，请重新登录' : '请先登录'))
    }
    if (!TOKEN_GIVERS.has(call) && !csrfOk(req, session)) {
      return send(reply, 403, refusal('forbidden', '请求缺少有效的安全令牌，请刷新页面后重试'))
    }
    const owner = token && session.operator ? ownerOf(token) : null
    const upload = req.headers[UPLOAD_HEADER]
    if (upload !== undefined && (!owner || typeof upload !== 'string' || !files.owns(upload, owner))) {
      return send(reply, 200, refusal('validation', '上传的文件已失效，请重新选择文件'))
    }
    const callFiles: CallerFiles = { upload, saved: [] }
    const caller: Caller = {
      senderId: senderOf(token ?? req.cookies[PRE_COOKIE]),
      local: isLoopback(req.socket.remoteAddress),
      address: meta.address,
      files: owner ? callFiles : undefined,
    }
    let envelope = await dispatcher.call(call, req.body ?? undefined, caller, session)
    if (owner) envelope = withDownloads(envelope, files.finishCall(callFiles, owner, envelope.ok))
    if (session.issued) reply.setCookie(SESSION_COOKIE, session.issued.token, cookieOptions)
    if (session.ended) reply.clearCookie(SESSION_COOKIE, cookieOptions)
    giveToken(req, reply, session)
    return send(reply, statusOf(envelope), envelope)
  })

  // A file for the next call: streamed to disk, never buffered, checked for size and type.
  await app.register(async (scope) => {
    scope.addContentTypeParser('application/octet-stream', (_req, payload, done) => done(null, payload))
    scope.post('/api/upload', async (req, reply) => {
      if (!sameOrigin(req)) return send(reply, 403, refusal('forbidden', '拒绝来自其他网站的请求'))
      const token = req.cookies[SESSION_COOKIE]
      const session = new CookieSession(state.db, token, { address: req.socket.remoteAddress ?? '' })
      if (!token || !session.operator) return send(reply, 401, refusal('unauthenticated', '请先登录'))
      if (!csrfOk(req, session)) {
        return send(reply, 403, refusal('forbidden', '请求缺少有效的安全令牌，请刷新页面后重试'))
      }
      const declared = Number(req.headers['content-length'] ?? 0)
      if (declared > files.limit) return send(reply, 413, refusal('validation', tooBig(files.limit)))
      let name: string
      try {
        name = decodeURIComponent(String(req.headers['x-file-name'] ?? ''))
      } catch {
        return send(reply, 400, refusal('validation', '文件名不正确'))
      }
      try {
        const id = await files.receive(req.body as Readable, name, ownerOf(token))
        return send(reply, 200, { ok: true, data: { upload: id } })
      } catch (e) {
        if (!(e instanceof UploadRefused)) throw e
        // The browser may still be sending: the reply ends the connection, not the server's patience.
        reply.header('Connection', 'close')
        return send(reply, e.status, refusal('validation', e.message))
      }
    })
  })

  // A file a call of this session saved or printed: the browser opens (PDF) or downloads it.
  app.get<{ Params: { id: string } }>('/api/download/:id', async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE]
    const session = new CookieSession(state.db, token, { address: req.socket.remoteAddress ?? '' })
    if (!token || !session.operator) return send(reply, 401, refusal('unauthenticated', '请先登录'))
    const file = files.download(req.params.id, ownerOf(token))
    if (!file) return send(reply, 404, refusal('not_found', '文件已过期或不存在，请重新操作一次'))
    reply
      .code(200)
      .header('Content-Type', contentTypeOf(file.name))
      .header('Content-Disposition', contentDisposition(file.name, file.inline))
    // The browser's own PDF viewer shows an inline PDF; the page's policy would keep it out.
    if (file.inline) reply.header('Content-Security-Policy', "frame-ancestors 'none'")
    return reply.send(createReadStream(file.path))
  })

  // A logged-in tab's events: its own progress, the other desks' changes.
  app.get('/api/events', (req, reply) => {
    const token = req.cookies[SESSION_COOKIE]
    const session = new CookieSession(state.db, token, { address: req.socket.remoteAddress ?? '' })
    if (!session.operator) return send(reply, 401, refusal('unauthenticated', '请先登录'))
    reply.hijack()
    for (const [name, value] of Object.entries(securityHeaders)) reply.raw.setHeader(name, value)
    options.events.open(reply.raw, senderOf(token))
  })

  /** A session's own token; before login, one bound to the pre-login cookie (set here if missing). */
  function giveToken(req: FastifyRequest, reply: FastifyReply, session: CookieSession): void {
    const own = session.csrfToken
    if (own) return void reply.header(CSRF_HEADER, own)
    let pre = req.cookies[PRE_COOKIE]
    if (!pre) {
      pre = preLogin.newCookie()
      reply.setCookie(PRE_COOKIE, pre, cookieOptions)
    }
    reply.header(CSRF_HEADER, preLogin.tokenFor(pre))
  }

  function csrfOk(req: FastifyRequest, session: CookieSession): boolean {
    const sent = req.headers[CSRF_HEADER]
    if (typeof sent !== 'string' || !sent) return false
    const own = session.csrfToken
    if (own) return sameText(own, sent)
    return preLogin.matches(req.cookies[PRE_COOKIE], sent)
  }

  if (options.rendererRoot && existsSync(options.rendererRoot)) {
    await app.register(fastifyStatic, { root: options.rendererRoot, index: 'index.html', wildcard: false })
  }

  app.setErrorHandler((error: Error & { statusCode?: number }, _req, reply) => {
    const status = error.statusCode ?? 500
    if (status >= 500) options.log(`[http] ${error.stack ?? error.message}`)
    const message =
      status === 413
        ? '提交的数据太大'
        : status === 415 || status === 400
          ? '请求格式不正确'
          : '系统出错，操作未完成。请重试；如仍出错请联系管理员。'
    void send(reply, status >= 500 ? 500 : status, refusal(status >= 500 ? 'database' : 'validation', message))
  })
  app.setNotFoundHandler((_req, reply) => void send(reply, 404, refusal('not_found', '找不到该页面')))
  return app
}

const tooBig = (limit: number) => `文件太大：最大 ${Math.round(limit / 1024 / 1024)} MB`

/**
 * The reply of a call that saved or printed: its files as downloads, and the server's paths in its
 * data replaced by the files' names (the browser never sees or names a server path).
 */
function withDownloads(
  envelope: Envelope<unknown>,
  made: { downloads: Download[]; names: Map<string, string> },
): Envelope<unknown> {
  if (!envelope.ok || !made.downloads.length) return envelope
  const rename = (v: unknown): unknown => {
    if (typeof v === 'string') return made.names.get(v) ?? v
    if (Array.isArray(v)) return v.map(rename)
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, rename(x)]))
    return v
  }
  return { ok: true, data: rename(envelope.data), downloads: made.downloads }
}

function send(reply: FastifyReply, status: number, envelope: Envelope<unknown>) {
  return reply.code(status).type('application/json; charset=utf-8').send(envelope)
}

/** The page calling must be this server's own (a foreign page in the same browser cannot call). */
function sameOrigin(req: FastifyRequest): boolean {
  const origin = req.headers.origin
  const host = req.headers.host
  return !!origin && !!host && origin === `https://${host}`
}
