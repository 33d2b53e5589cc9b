import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeDatabase, openDatabase } from '../../db/open'
import { createMember } from '../../db/services/members/write'
import { setupAdmin, toActor } from '../../db/services/operators'
import { contract, type Events } from '../../server/contract/contract'
import { EventRelay, SseParser } from '../../server/client/events'
import { callWithFiles, opensOf, type FileUi } from '../../server/client/files'
import { StoreClient } from '../../server/client/storeClient'
import { CERT_CHANGED, ConnectionError, probeServer, serverOrigin } from '../../server/client/tlsPin'
import { startServer } from '../../server/http/main'

/**
 * The desktop app's side of the store server (what main does in 门店服务器 mode), against the real
 * HTTPS host: first contact shows the CA, the pinned CA is required from then on, calls carry the
 * cookie, CSRF token and Origin, and the event stream relays the other desks' changes.
 */
const PASSWORD = 'secret123'
type Server = Awaited<ReturnType<typeof startServer>>

function freshStore(): string {
  const dir = mkdtempSync(join(tmpdir(), 'vipdesk-client-'))
  const db = openDatabase(join(dir, 'vipdesk.sqlite'))
  const admin = toActor(setupAdmin(db, { name: 'admin', password: PASSWORD }))
  createMember(db, { cardNo: 'S0001', name: '服务器会员' }, admin)
  closeDatabase(db)
  return dir
}

const serve = (dir: string) =>
  startServer(
    { db: join(dir, 'vipdesk.sqlite'), port: 0, host: '127.0.0.1', rendererRoot: join(dir, 'none'), jobs: false },
    () => undefined,
  )

async function loggedIn(client: StoreClient) {
  expect((await client.call('session:state', undefined)).ok).toBe(true)
  const login = await client.call('session:login', { name: 'admin', password: PASSWORD })
  expect(login).toMatchObject({ ok: true })
}

describe('the desktop app as a desk of the store server', () => {
  let dirs: string[] = []
  let server: Server
  let other: Server
  let url: string

  beforeAll(async () => {
    dirs = [freshStore(), freshStore()]
    server = await serve(dirs[0]!)
    // Another store's server: its own CA.
    other = await serve(dirs[1]!)
    url = `https://localhost:${server.port}`
  })
  afterAll(async () => {
    await server.close()
    await other.close()
    for (const d of dirs) rmSync(d, { recursive: true, force: true })
  })

  it('first contact shows the CA fingerprint the server printed, without trusting or sending anything', async () => {
    const identity = await probeServer(`${url}/some/page`)
    expect(identity.url).toBe(url)
    expect(identity.caFingerprint).toBe(server.certs.caFingerprint)
    expect(identity.caCert.replace(/\s+/g, '')).toBe(server.certs.caCert.replace(/\s+/g, ''))
  })

  it('with the CA pinned: logs in, calls with cookie, CSRF token and Origin, and sees the server data', async () => {
    const client = new StoreClient(await probeServer(url))
    const before = await client.call('members:search', { query: '服务器' })
    expect(before).toMatchObject({ ok: false, error: { kind: 'unauthenticated' } })
    await loggedIn(client)
    const hits = await client.call('members:search', { query: '服务器' })
    expect(hits.ok && (hits.data as { name: string }[]).map((h) => h.name)).toEqual(['服务器会员'])
    // A write needs the CSRF token: the client sends the one the login handed out.
    const made = await client.call('members:create', { cardNo: 'D0001', name: '柜台新会员' })
    expect(made).toMatchObject({ ok: true })
    await client.call('session:logout', undefined)
    expect(await client.call('members:search', { query: '柜台' })).toMatchObject({ ok: false })
    client.close()
  })

  it('relays the other desks’ changes from the event stream while logged in', async () => {
    const desk = new StoreClient(await probeServer(url))
    const otherDesk = new StoreClient(await probeServer(url))
    await loggedIn(desk)
    await loggedIn(otherDesk)
    const heard: Events['changed'][] = []
    let arrived: () => void = () => undefined
    const changed = new Promise<void>((resolve) => (arrived = resolve))
    const relay = new EventRelay(desk, (event, payload) => {
      if (event === 'changed') {
        heard.push(payload as Events['changed'])
        arrived()
      }
    })
    relay.start()
    // The stream is open once the server counts it: only then can a change reach it.
    await expect.poll(() => server.events.size).toBeGreaterThan(0)
    await otherDesk.call('members:create', { cardNo: 'D0002', name: '另一柜台' })
    await changed
    expect(heard[0]).toMatchObject({ call: 'members:create', topics: ['members'] })
    relay.stop()
    desk.close()
    otherDesk.close()
  })

  it('refuses a server whose CA is not the pinned one, with the clear message, before any request', async () => {
    const pinned = await probeServer(url)
    let requests = 0
    other.app.server.on('request', () => requests++)
    // The same address now answered by a server with another CA (reinstalled, or an impostor).
    const client = new StoreClient({ ...pinned, url: `https://localhost:${other.port}` })
    const r = await client.call('session:login', { name: 'admin', password: PASSWORD })
    expect(r).toEqual({ ok: false, error: { kind: 'transport', message: CERT_CHANGED } })
    expect(requests).toBe(0)
    // An edited settings file (a CA that is not the one confirmed) is refused the same way.
    const tampered = new StoreClient({ ...pinned, caCert: other.certs.caCert })
    expect(await tampered.call('session:state', undefined)).toMatchObject({ error: { message: CERT_CHANGED } })
    client.close()
    tampered.close()
  })

  it('says clearly what is wrong with an address', async () => {
    expect(() => serverOrigin(`http://localhost:${server.port}`)).toThrow('须以 https:// 开头')
    expect(() => serverOrigin('https://')).toThrow('地址不正确')
    expect(serverOrigin('192.168.1.20:8443')).toBe('https://192.168.1.20:8443')
    // Nothing listens there.
    const closed = await probeServer('https://127.0.0.1:1').catch((e: unknown) => e)
    expect(closed).toBeInstanceOf(ConnectionError)
    expect((closed as ConnectionError).message).toContain('无法连接门店服务器 https://127.0.0.1:1')
  })

  it('parses server-sent events split across chunks', () => {
    const p = new SseParser()
    expect(p.push('retry: 3000\n\n: keep-alive\n\nevent: chan')).toEqual([])
    expect(p.push('ged\ndata: {"a":1}\r\n\r\nevent: progress\ndata: 2\n\n')).toEqual([
      { event: 'changed', data: '{"a":1}' },
      { event: 'progress', data: '2' },
    ])
  })

  it('uploads the file a call opens and fetches the files a reply lists, through the desk’s own dialogs', async () => {
    const client = new StoreClient(await probeServer(url))
    await loggedIn(client)
    const work = mkdtempSync(join(tmpdir(), 'vipdesk-client-files-'))
    try {
      const till = join(work, '收银小票.csv')
      writeFileSync(till, '小票号,交易时间,会员卡号,实收金额\nT1,2026-11-03 10:30,S0001,88\n')
      const opened: string[] = []
      const ui: FileUi = {
        pickOpen: async () => till,
        pickSave: async (name) => join(work, `saved-${name}`),
        openFile: async (file) => void opened.push(file),
        tempDir: work,
      }
      const picked = await callWithFiles(
        client,
        'purchases:importPick',
        undefined,
        opensOf(contract['purchases:importPick']),
        ui,
      )
      expect(picked).toMatchObject({ ok: true, data: { fileName: '收银小票.csv', willInsert: 1 } })
      // A cancelled dialog: the call goes without a file and the server answers as for a cancel.
      const cancelled = await callWithFiles(client, 'purchases:importPick', undefined, ['csv'], {
        ...ui,
        pickOpen: async () => null,
      })
      expect(cancelled).toEqual({ ok: true, data: null })

      const backup = await callWithFiles(client, 'data:backup', undefined, undefined, ui)
      expect(backup.ok).toBe(true)
      const saved = readdirSync(work).filter((f) => f.startsWith('saved-'))
      expect(saved).toHaveLength(1)
      expect(saved[0]).toMatch(/\.sqlite$/)
      expect(readFileSync(join(work, saved[0]!)).subarray(0, 16).toString('latin1')).toBe('SQLite format 3\u0000')
      // The reply names the file, never the server's path.
      expect(JSON.stringify(backup)).not.toContain(dirs[0]!)
      expect(opened).toEqual([])
    } finally {
      rmSync(work, { recursive: true, force: true })
    }
  })
})
