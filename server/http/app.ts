import { existsSync } from 'node:fs'
import fastifyCookie from '@fastify/cookie'
import fastifyStatic from '@fastify/static'
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify'
import { CALL_NAMES, contract, type CallName, type Envelope } from '../contract/contract'
import type { Dispatcher } from '../core/dispatch'
import type { AppState } from '../core/context'
import type { Caller } from '../core/sessions'
import { CookieSession, PRE_COOKIE, PreLoginTokens, SESSION_COOKIE, sameText } from './cookieSessions'
import type { EventHub } from './events'
import { securityHeaders } from './headers'

export const CSRF_HEADER = 'x-csrf-token'
/** The calls a page makes before it has a token: they hand it out. */
const TOKEN_GIVERS = new Set<CallName>(['session:state', 'session:login'])
const KNOWN = new Set<string>(CALL_NAMES)

export interface HttpHostOptions {
  https: { key: string; cert: string }
  state: AppState
  dispatcher: Dispatcher
  /** Where the desks' event streams are kept (the shell emits into it). */
  events: EventHub
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
  const { state, dispatcher } = options
  const app = Fastify({
    https: { key: options.https.key, cert: options.https.cert, minVersion: 'TLSv1.2' },
    // Calls carry JSON inputs; files come through uploads of their own.
    bodyLimit: 2 * 1024 * 1024,
    logger: false,
    trustProxy: false,
  })
  await app.register(fastifyCookie)
  app.addHook('onSend', async (_req, reply, payload) => {
    for (const [name, value] of Object.entries(securityHeaders)) reply.header(name, value)
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
    const caller: Caller = {
      senderId: senderOf(token ?? req.cookies[PRE_COOKIE]),
      local: isLoopback(req.socket.remoteAddress),
      address: meta.address,
    }
    const envelope = await dispatcher.call(call, req.body ?? undefined, caller, session)
    if (session.issued) reply.setCookie(SESSION_COOKIE, session.issued.token, cookieOptions)
    if (session.ended) reply.clearCookie(SESSION_COOKIE, cookieOptions)
    giveToken(req, reply, session)
    return send(reply, statusOf(envelope), envelope)
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

function send(reply: FastifyReply, status: number, envelope: Envelope<unknown>) {
  return reply.code(status).type('application/json; charset=utf-8').send(envelope)
}

/** The page calling must be this server's own (a foreign page in the same browser cannot call). */
function sameOrigin(req: FastifyRequest): boolean {
  const origin = req.headers.origin
  const host = req.headers.host
  return !!origin && !!host && origin === `https://${host}`
}
