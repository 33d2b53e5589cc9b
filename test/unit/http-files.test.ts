import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { networkInterfaces, tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeDatabase, openDatabase } from '../../db/open'
import { createMember } from '../../db/services/members'
import { setupAdmin, toActor } from '../../db/services/operators'
import type { TillImportPreview } from '../../server/contract/contract'
import { startServer } from '../../server/http/main'
import { csvText, encodeGbk } from '../support/sheets'
import { Desk } from '../support/https'

/**
 * Files over the store server, over real HTTPS: a desk uploads the file a call opens (checked,
 * streamed to disk, one use, its own session only) and fetches what a call saved; a restore is
 * refused from the LAN.
 */
const PASSWORD = 'secret123'
const LIMIT = 64 * 1024
let clock = new Date('2026-11-23T10:00:00+08:00')
type Server = Awaited<ReturnType<typeof startServer>>

function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'vipdesk-files-'))
  const db = openDatabase(join(dir, 'vipdesk.sqlite'), { now: () => clock })
  const admin = toActor(setupAdmin(db, { name: 'admin', password: PASSWORD }))
  createMember(db, { cardNo: 'V0088', name: '林雨桐', phone: '13900008866' }, admin)
  closeDatabase(db)
  return dir
}

const serve = (dir: string, host = '127.0.0.1', uploadLimit = LIMIT) =>
  startServer(
    {
      db: join(dir, 'vipdesk.sqlite'),
      port: 0,
      host,
      rendererRoot: join(dir, 'no-renderer'),
      now: () => clock,
      jobs: false,
      uploadLimit,
    },
    () => undefined,
  )

async function loggedIn(base: string, server: Server): Promise<Desk> {
  const desk = new Desk(base, server.certs.caCert)
  await desk.call('session:state')
  expect((await desk.call('session:login', { name: 'admin', password: PASSWORD })).status).toBe(200)
  return desk
}

const TILL = csvText([
  ['小票号', '交易时间', '会员卡号', '实收金额'],
  ['T1', '2026-11-03 10:30', 'V0088', '128'],
])

describe('files over the store server', () => {
  let dir: string
  let server: Server
  let desk: Desk
  const uploads = () => readdirSync(join(dir, 'uploads'))

  beforeAll(async () => {
    dir = freshDir()
    // Left over from a crash: cleaned at start.
    server = await serve(dir)
    desk = await loggedIn(`https://localhost:${server.port}`, server)
  })
  afterAll(async () => {
    await server.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('refuses an upload without a login, without the CSRF token, from a foreign page', async () => {
    const stranger = new Desk(`https://localhost:${server.port}`, server.certs.caCert)
    expect((await stranger.upload('小票.csv', Buffer.from(TILL))).status).toBe(401)
    expect((await desk.upload('小票.csv', Buffer.from(TILL), { headers: { 'x-csrf-token': '' } })).status).toBe(403)
    expect(
      (await desk.upload('小票.csv', Buffer.from(TILL), { headers: { origin: 'https://evil.example' } })).status,
    ).toBe(403)
    expect(uploads()).toEqual([])
  })

  it('refuses a file over the limit (declared or streamed) and keeps nothing of it', async () => {
    const big = Buffer.alloc(LIMIT + 1, 'a')
    const declared = await desk.upload('大表.csv', big)
    expect(declared.status).toBe(413)
    expect(declared.json().error?.message).toContain('文件太大')
    const chunks = Array.from({ length: 10 }, () => Buffer.alloc(LIMIT / 4, 'a'))
    const streamed = await desk.upload('大表.csv', chunks)
    expect(streamed.status).toBe(413)
    expect(uploads()).toEqual([])
  })

  it('refuses a type no call opens, and contents that do not match the name', async () => {
    const exe = await desk.upload('setup.exe', Buffer.from('MZ...'))
    expect(exe.status).toBe(415)
    expect((await desk.upload('会员.xlsx', Buffer.from('name,phone\n'))).json().error?.message).toContain(
      '不是有效的 .xlsx',
    )
    expect((await desk.upload('备份.sqlite', Buffer.from('hello world, not a db'))).status).toBe(415)
    expect((await desk.upload('小票.csv', Buffer.from('a,b\n\0\0'))).status).toBe(415)
    expect(uploads()).toEqual([])
  })

  it('imports a till file through an upload: preview, commit, rows in the database; the upload is used once', async () => {
    const up = await desk.upload('11月小票.csv', encodeGbk(TILL))
    expect(up.status).toBe(200)
    const id = (up.json().data as { upload: string }).upload
    // No upload named: the dialog was "cancelled".
    expect((await desk.call('purchases:importPick')).json()).toEqual({ ok: true, data: null })
    // Another session cannot use it.
    const other = await loggedIn(`https://localhost:${server.port}`, server)
    expect(
      (await other.call('purchases:importPick', null, { headers: { 'x-upload': id } })).json().error?.message,
    ).toContain('已失效')
    const picked = await desk.call('purchases:importPick', null, { headers: { 'x-upload': id } })
    const preview = picked.json().data as TillImportPreview
    expect(preview).toMatchObject({ totalRows: 1, willInsert: 1 })
    expect(uploads()).toEqual([])
    const again = await desk.call('purchases:importPick', null, { headers: { 'x-upload': id } })
    expect(again.json().ok).toBe(false)
    const done = await desk.call('purchases:importCommit', { token: preview.token, mapping: preview.mapping })
    expect(done.json()).toMatchObject({ ok: true, data: { inserted: 1 } })
    const db = new Database(join(dir, 'vipdesk.sqlite'), { readonly: true })
    expect(db.prepare("SELECT count(*) FROM purchases WHERE receipt_no = 'T1'").pluck().get()).toBe(1)
    db.close()
  })

  it('refuses an upload of the wrong type for the call', async () => {
    const up = await desk.upload('小票.csv', Buffer.from(TILL))
    const id = (up.json().data as { upload: string }).upload
    const r = await desk.call('data:restore', null, { headers: { 'x-upload': id } })
    expect(r.json()).toMatchObject({ ok: false, error: { kind: 'validation' } })
    expect(r.json().error?.message).toContain('.sqlite')
  })

  it('hands a backup to its own session only, as an SQLite file under its name', async () => {
    const r = await desk.call('data:backup')
    const body = r.json() as {
      ok: true
      data: { file: string }
      downloads: { id: string; name: string; inline: boolean }[]
    }
    expect(body.downloads).toHaveLength(1)
    const [file] = body.downloads
    expect(file!.name).toMatch(/^vipdesk-manual-.*\.sqlite$/)
    expect(file!.inline).toBe(false)
    // The renderer never sees a server path.
    expect(body.data.file).toBe(file!.name)
    const got = await desk.get(`/api/download/${file!.id}`)
    expect(got.status).toBe(200)
    expect(got.headers['content-type']).toBe('application/octet-stream')
    expect(got.headers['content-disposition']).toBe(
      `attachment; filename="${file!.name}"; filename*=UTF-8''${file!.name}`,
    )
    expect(got.headers['x-content-type-options']).toBe('nosniff')
    const copy = join(dir, 'copy.sqlite')
    writeFileSync(copy, got.raw)
    const db = new Database(copy, { readonly: true })
    expect(db.prepare('SELECT name FROM operators').pluck().all()).toContain('admin')
    db.close()

    const other = await loggedIn(`https://localhost:${server.port}`, server)
    expect((await other.get(`/api/download/${file!.id}`)).status).toBe(404)
    const stranger = new Desk(`https://localhost:${server.port}`, server.certs.caCert)
    expect((await stranger.get(`/api/download/${file!.id}`)).status).toBe(401)
  })

  it('names a download in Chinese for every browser, and forgets it after 30 minutes', async () => {
    const r = await desk.call('members:export', { format: 'csv', filter: {} })
    const body = r.json() as { data: { file: string }; downloads: { id: string; name: string }[] }
    const [file] = body.downloads
    expect(file!.name).toBe('会员名单-2026-11-23.csv')
    expect(body.data.file).toBe('会员名单-2026-11-23.csv')
    const got = await desk.get(`/api/download/${file!.id}`)
    expect(got.headers['content-type']).toBe('text/csv; charset=utf-8')
    const cd = String(got.headers['content-disposition'])
    expect(cd).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/)
    expect(decodeURIComponent(cd.split("UTF-8''")[1]!)).toBe('会员名单-2026-11-23.csv')
    expect(got.body).toContain('林雨桐')

    // The session stays alive (idle timeout 30 minutes); the download does not.
    clock = new Date(clock.getTime() + 20 * 60 * 1000)
    await desk.call('session:state')
    clock = new Date(clock.getTime() + 11 * 60 * 1000)
    server.files.sweep()
    expect((await desk.get(`/api/download/${file!.id}`)).status).toBe(404)
    expect(readdirSync(join(dir, 'downloads')).filter((d) => readdirSync(join(dir, 'downloads', d)).length)).toEqual([])
  })
})

/** The machine's own LAN address: a call through it is not loopback, as a desk's would not be. */
const lanAddress = Object.values(networkInterfaces())
  .flat()
  .find((a) => a && !a.internal && a.family === 'IPv4')?.address

describe('restore on a store server', () => {
  it.runIf(lanAddress)('is refused from a desk on the LAN and changes nothing', async () => {
    const dir = freshDir()
    const server = await serve(dir, '0.0.0.0', 50 * 1024 * 1024)
    try {
      const local = await loggedIn(`https://localhost:${server.port}`, server)
      const backup = (await local.call('data:backup')).json() as { downloads: { id: string }[] }
      const bytes = (await local.get(`/api/download/${backup.downloads[0]!.id}`)).raw
      const desk = await loggedIn(`https://${lanAddress}:${server.port}`, server)
      const up = await desk.upload('备份.sqlite', bytes)
      expect(up.status).toBe(200)
      const r = await desk.call('data:restore', null, {
        headers: { 'x-upload': (up.json().data as { upload: string }).upload },
      })
      expect(r.status).toBe(403)
      expect(r.json().error?.message).toContain('恢复备份只能在服务器电脑上进行')
      // Nobody was logged out.
      expect((await desk.call('members:search', { query: '林' })).status).toBe(200)
      expect((await local.call('session:state')).json()).toMatchObject({ data: { operator: { name: 'admin' } } })
    } finally {
      await server.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
