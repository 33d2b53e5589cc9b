import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { request } from 'node:https'
import { networkInterfaces, tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { closeDatabase, openDatabase } from '../../db/open'
import { createOperator, setupAdmin, toActor } from '../../db/services/operators'
import { startServer } from '../../server/http/main'
import { Desk, httpsRequest } from '../support/https'

/**
 * The store server over real HTTPS on a free port: what a desk's browser, a foreign web page and a
 * stranger on the LAN can and cannot do. No Electron, no mocks: the same database file the server
 * opens, its own certificates.
 */
const PASSWORD = 'secret123'
let clock = new Date('2026-11-23T10:00:00+08:00')

type Server = Awaited<ReturnType<typeof startServer>>

async function serve(dir: string, host = '127.0.0.1'): Promise<Server> {
  return startServer(
    {
      db: join(dir, 'vipdesk.sqlite'),
      port: 0,
      host,
      rendererRoot: join(dir, 'no-renderer'),
      now: () => clock,
      jobs: false,
    },
    () => undefined,
  )
}

function freshDir(withAdmin: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), 'vipdesk-http-'))
  const db = openDatabase(join(dir, 'vipdesk.sqlite'), { now: () => clock })
  if (withAdmin) {
    const admin = toActor(setupAdmin(db, { name: 'admin', password: PASSWORD }))
    createOperator(db, { name: '王芳', password: PASSWORD, role: 'clerk' }, admin)
  }
  closeDatabase(db)
  return dir
}

async function loggedIn(server: Server, name = 'admin'): Promise<Desk> {
  const desk = new Desk(`https://localhost:${server.port}`, server.certs.caCert)
  await desk.call('session:state')
  const r = await desk.call('session:login', { name, password: PASSWORD })
  expect(r.status).toBe(200)
  return desk
}

describe('the store server over HTTPS', () => {
  let dir: string
  let server: Server

  beforeAll(async () => {
    dir = freshDir(true)
    server = await serve(dir)
  })
  afterAll(async () => {
    await server.close()
    rmSync(dir, { recursive: true, force: true })
  })
  afterEach(() => {
    clock = new Date('2026-11-23T10:00:00+08:00')
  })

  it('makes a store CA and a server certificate for localhost, the keys readable by the owner only', () => {
    const certs = join(dir, 'certs')
    expect(readFileSync(join(certs, 'ca.crt'), 'utf8')).toBe(server.certs.caCert)
    expect(server.certs.caFingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/)
    expect(server.certs.names).toContain('localhost')
    if (process.platform !== 'win32') {
      expect(statSync(join(certs, 'ca.key')).mode & 0o077).toBe(0)
      expect(statSync(join(certs, 'server.key')).mode & 0o077).toBe(0)
    }
  })

  it('refuses the TLS handshake to a client that does not trust the store CA', async () => {
    await expect(
      httpsRequest(`https://localhost:${server.port}/api/session:state`, { method: 'POST' }),
    ).rejects.toThrow(/self[- ]signed|unable to (verify|get)/i)
  })

  it('answers a call without a session with 401, in Chinese', async () => {
    const desk = new Desk(`https://localhost:${server.port}`, server.certs.caCert)
    const r = await desk.call('members:search', { query: '王' })
    expect(r.status).toBe(401)
    expect(r.json()).toMatchObject({ ok: false, error: { kind: 'unauthenticated', message: '请先登录' } })
  })

  it('logs in with an HttpOnly, Secure, SameSite=Strict cookie and hands out the CSRF token', async () => {
    const desk = new Desk(`https://localhost:${server.port}`, server.certs.caCert)
    await desk.call('session:state')
    const r = await desk.call('session:login', { name: 'admin', password: PASSWORD })
    expect(r.status).toBe(200)
    const cookie = ([] as string[]).concat(r.headers['set-cookie'] ?? []).find((c) => c.startsWith('vipdesk_session='))
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/Secure/i)
    expect(cookie).toMatch(/SameSite=Strict/i)
    expect(r.headers['x-csrf-token']).toBeTruthy()
    const search = await desk.call('members:search', { query: '王' })
    expect(search.status).toBe(200)
    expect(search.json()).toEqual({ ok: true, data: [] })
    const state = await desk.call('session:state')
    expect(state.json()).toMatchObject({ ok: true, data: { operator: { name: 'admin', role: 'admin' } } })
  })

  it('refuses a call with no or a wrong CSRF token with 403', async () => {
    const desk = await loggedIn(server)
    const token = desk.csrf
    desk.csrf = ''
    expect((await desk.call('members:search', { query: '王' })).status).toBe(403)
    desk.csrf = `${token.slice(0, -2)}xx`
    const wrong = await desk.call('members:search', { query: '王' })
    expect(wrong.status).toBe(403)
    expect(wrong.json().error?.message).toContain('安全令牌')
  })

  it('refuses a call from a foreign page (Origin) with 403, even with the cookie and token', async () => {
    const desk = await loggedIn(server)
    const r = await desk.call('members:search', { query: '王' }, { headers: { origin: 'https://evil.example' } })
    expect(r.status).toBe(403)
    const none = await httpsRequest(`https://localhost:${server.port}/api/session:state`, {
      method: 'POST',
      ca: server.certs.caCert,
      headers: { 'content-type': 'application/json' },
      body: 'null',
    })
    expect(none.status).toBe(403)
  })

  it("forbids a clerk a planner's call with 403 and lets the clerk do a clerk's", async () => {
    const clerk = await loggedIn(server, '王芳')
    const r = await clerk.call('members:close', { id: 1, reason: '测试' })
    expect(r.status).toBe(403)
    expect(r.json().error).toMatchObject({ kind: 'forbidden', message: '您的角色无权执行此操作' })
    expect((await clerk.call('members:search', { query: '王' })).status).toBe(200)
  })

  it('keeps the session in the database: it survives a server restart and ends with logout', async () => {
    const desk = await loggedIn(server)
    await server.close()
    server = await serve(dir)
    const again = new Desk(`https://localhost:${server.port}`, server.certs.caCert)
    again.setCookie('vipdesk_session', desk.cookie('vipdesk_session')!)
    again.csrf = desk.csrf
    expect((await again.call('members:search', { query: '王' })).status).toBe(200)
    expect((await again.call('session:logout')).status).toBe(200)
    again.setCookie('vipdesk_session', desk.cookie('vipdesk_session')!)
    expect((await again.call('members:search', { query: '王' })).status).toBe(401)
  })

  it('ends an idle session after the idle timeout (401)', async () => {
    const desk = await loggedIn(server)
    clock = new Date(clock.getTime() + 29 * 60_000)
    expect((await desk.call('members:search', { query: '王' })).status).toBe(200)
    clock = new Date(clock.getTime() + 31 * 60_000)
    const r = await desk.call('members:search', { query: '王' })
    expect(r.status).toBe(401)
    expect(r.json().error?.message).toBe('登录已过期，请重新登录')
  })

  it('tells the other desks over their event stream what changed, not the desk that changed it', async () => {
    const watcher = await loggedIn(server)
    const writer = await loggedIn(server)
    const heard: string[] = []
    const stream = await new Promise<import('node:http').IncomingMessage>((resolve, reject) => {
      const req = request(`https://localhost:${server.port}/api/events`, {
        ca: server.certs.caCert,
        headers: { cookie: `vipdesk_session=${watcher.cookie('vipdesk_session')}` },
      })
      req.on('response', resolve)
      req.on('error', reject)
      req.end()
    })
    expect(stream.statusCode).toBe(200)
    expect(stream.headers['content-type']).toContain('text/event-stream')
    const changed = new Promise<string>((resolve) => {
      stream.on('data', (chunk: Buffer) => {
        heard.push(chunk.toString('utf8'))
        const all = heard.join('')
        if (all.includes('event: changed')) resolve(all)
      })
    })
    await writer.call('members:create', { cardNo: 'V-SSE-1', name: '测试' })
    const text = await changed
    expect(text).toContain('"topics":["members"]')
    expect(text).toContain('"call":"members:create"')
    stream.destroy()
    // Without a session there is no stream.
    const refused = await httpsRequest(`https://localhost:${server.port}/api/events`, { ca: server.certs.caCert })
    expect(refused.status).toBe(401)
  })

  // Last of the logins here: it locks this address (127.0.0.1) for five minutes.
  it('locks a login after 5 failures: the 5th says so (429), the 6th is refused even with the right password', async () => {
    const desk = new Desk(`https://localhost:${server.port}`, server.certs.caCert)
    await desk.call('session:state')
    for (let i = 0; i < 4; i++) {
      expect((await desk.call('session:login', { name: '王芳', password: 'wrong-one' })).status).toBe(401)
    }
    const fifth = await desk.call('session:login', { name: '王芳', password: 'wrong-one' })
    expect(fifth.status).toBe(429)
    expect(fifth.json().error?.message).toBe('登录失败次数过多，请 5 分钟后再试')
    const locked = await desk.call('session:login', { name: '王芳', password: PASSWORD })
    expect(locked.status).toBe(429)
    expect(locked.json().error?.message).toMatch(/分钟后再试/)
  })

  it('sends the security headers with every reply', async () => {
    const r = await httpsRequest(`https://localhost:${server.port}/`, { ca: server.certs.caCert })
    expect(r.headers['strict-transport-security']).toMatch(/max-age=\d+/)
    expect(r.headers['x-frame-options']).toBe('DENY')
    expect(r.headers['x-content-type-options']).toBe('nosniff')
    expect(r.headers['content-security-policy']).toContain("frame-ancestors 'none'")
  })
})

/** The machine's own LAN address: a call through it is not loopback, as a desk's would not be. */
const lanAddress = Object.values(networkInterfaces())
  .flat()
  .find((a) => a && !a.internal && a.family === 'IPv4')?.address

describe('a fresh store server', () => {
  it.runIf(lanAddress)(
    'refuses to set up the first administrator from the LAN, and allows it on the server itself',
    async () => {
      const dir = freshDir(false)
      const server = await serve(dir, '0.0.0.0')
      try {
        const fromLan = new Desk(`https://${lanAddress}:${server.port}`, server.certs.caCert)
        expect((await fromLan.call('session:state')).json()).toMatchObject({ ok: true, data: { needsSetup: true } })
        const r = await fromLan.call('session:setupAdmin', { name: 'intruder', password: 'intruder123' })
        expect(r.status).toBe(403)
        expect(r.json().error?.message).toContain('服务器本机')
        const local = new Desk(`https://localhost:${server.port}`, server.certs.caCert)
        await local.call('session:state')
        const ok = await local.call('session:setupAdmin', { name: 'admin', password: PASSWORD })
        expect(ok.status).toBe(200)
        expect((await fromLan.call('session:state')).json()).toMatchObject({ data: { needsSetup: false } })
      } finally {
        await server.close()
        rmSync(dir, { recursive: true, force: true })
      }
    },
  )
})
