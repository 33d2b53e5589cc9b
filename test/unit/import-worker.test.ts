import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Envelope, Events, TillImportPreview } from '../../server/contract/contract'
import { createMember } from '../../db/services/members'
import { checkBalances } from '../../db/services/points/ledger'
import type { AppState } from '../../server/core/context'
import { WorkerJobs } from '../../server/core/sheets/workerJobs'
import { makeSheetDir, writeCsv, type SheetDir } from '../support/sheets'
import { makeTestDb, type TestDb } from '../support/db'
import { dispatcherFor, testShell, testState } from '../support/dispatcher'
import { makeGift } from '../support/gifts'

// The store server's imports: a worker thread with its own connection checks and writes the file,
// the other desks' calls go on beside it, and a write that meets its lock is told at once why.
let t: TestDb
let dir: SheetDir
let state: AppState
let events: Events['progress'][]
let onProgress: (p: Events['progress']) => void
const ADMIN = 1
const DESK = 2
const LINES = 40_000

const shell = testShell({
  pickOpenFile: async () => dir.path('till.csv'),
  emit: (_id, event, payload) => {
    if (event !== 'progress') return
    events.push(payload as Events['progress'])
    onProgress(payload as Events['progress'])
  },
})

beforeEach(() => {
  t = makeTestDb()
  // As the server opens it: SQLite never waits on the server's thread.
  t.db.sqlite.pragma('busy_timeout = 0')
  dir = makeSheetDir()
  events = []
  onProgress = () => undefined
  createMember(t.db, { cardNo: 'V0088', name: '林雨桐', phone: '13900008866' }, t.admin)
  // 3 November 2026, a Tuesday: one point a yuan, no member day.
  const rows = [['小票号', '交易时间', '会员卡号', '实收金额']]
  for (let i = 1; i <= LINES; i++) rows.push([`T${i}`, '2026-11-03 10:30', 'V0088', '2'])
  writeCsv(dir.path('till.csv'), rows)
  state = { ...testState(t), sheets: new WorkerJobs({ dbFile: t.file, openOptions: {} }, () => t.db.now().getTime()) }
})
afterEach(async () => {
  await state.sheets.close()
  t.close()
  dir.remove()
})

/** Resolves at the first progress report of `task` in phase `phase`. */
const progressOf = (task: string, phase: string) =>
  new Promise<void>((resolve) => {
    onProgress = (p) => {
      if (p.task === task && p.phase === phase && p.done > 0 && p.done < p.total) resolve()
    }
  })

describe('imports in the server’s worker thread', () => {
  it('writes the file while another desk reads, and refuses that desk’s write at once, naming the import', async () => {
    const d = await dispatcherFor(t, shell, { [ADMIN]: 'admin', [DESK]: 'admin' }, { state })
    const picked = (await d.dispatch('purchases:importPick', undefined, ADMIN)) as Envelope<TillImportPreview>
    if (!picked.ok) throw new Error(picked.error.message)
    expect(picked.data).toMatchObject({ totalRows: LINES, willInsert: LINES, rejected: [] })
    expect(events.some((e) => e.task === '读取文件')).toBe(true)
    expect(events.some((e) => e.task === '检查小票')).toBe(true)

    const writing = progressOf('导入小票', 'write')
    let finished = false
    const commit = d
      .dispatch('purchases:importCommit', { token: picked.data.token, mapping: picked.data.mapping }, ADMIN)
      .then((r) => ((finished = true), r))
    await writing

    // The other desk reads the member as it was before the import (no waiting for it)…
    const read = await d.dispatch('members:get', { id: 1 }, DESK)
    expect(read).toMatchObject({ ok: true, data: { points: 0 } })
    // …and its write is refused straight away, saying what runs, who runs it and how far it is.
    const write = await d.dispatch('members:create', { cardNo: 'V0099', name: '周晓岚', phone: '13900009999' }, DESK)
    expect(finished).toBe(false)
    expect(write).toMatchObject({ ok: false, error: { kind: 'busy' } })
    if (write.ok) throw new Error('write went through')
    expect(write.error.message).toMatch(/^正在导入小票（admin，\d{1,2}%），请稍候再保存。本次操作未保存。$/)
    // A second import waits for none: it is refused too.
    const second = await d.dispatch('purchases:importPick', undefined, DESK)
    expect(second).toMatchObject({ ok: false, error: { kind: 'busy' } })

    expect(await commit).toMatchObject({ ok: true, data: { inserted: LINES, rejected: [] } })
    expect(state.imports.size).toBe(0)
    // Written on the worker's connection, seen on the server's; the refused member is not there.
    expect(await d.dispatch('members:get', { id: 1 }, DESK)).toMatchObject({ ok: true, data: { points: 2 * LINES } })
    expect(t.db.sqlite.prepare("SELECT count(*) FROM members WHERE card_no = 'V0099'").pluck().get()).toBe(0)
    expect(checkBalances(t.db).differences).toEqual([])
    // The lock is gone with the import: the same write now goes through.
    expect(
      await d.dispatch('members:create', { cardNo: 'V0099', name: '周晓岚', phone: '13900009999' }, DESK),
    ).toMatchObject({ ok: true })
  }, 120_000)

  it('reports a file error from the worker as the desktop does, and the worker goes on serving', async () => {
    const d = await dispatcherFor(t, shell, { [ADMIN]: 'admin' }, { state })
    dir.remove()
    const missing = await d.dispatch('purchases:importPick', undefined, ADMIN)
    expect(missing).toMatchObject({ ok: false, error: { kind: 'not_found' } })
    if (missing.ok) throw new Error('read a missing file')
    expect(missing.error.message).toContain('till.csv')
    expect(missing.error.message).not.toContain(dir.dir)
    dir = makeSheetDir()
    writeCsv(dir.path('till.csv'), [
      ['小票号', '交易时间', '会员卡号', '实收金额'],
      ['T1', '2026-11-03 10:30', 'V0088', '10'],
    ])
    expect(await d.dispatch('purchases:importPick', undefined, ADMIN)).toMatchObject({
      ok: true,
      data: { willInsert: 1 },
    })
  }, 60_000)

  it('lets other desks in while a PDF renders on the server, not on the desktop', async () => {
    makeGift(t.db, t.admin, { code: 'G01', name: '保温杯', pointsPrice: 800 }, 3)
    const Q1 = { validFrom: 20260101, validUntil: 20260331 }
    for (const server of [true, false]) {
      let render!: () => void
      const rendering = new Promise<void>((resolve) => (render = resolve))
      let asked!: () => void
      const askedToRender = new Promise<void>((resolve) => (asked = resolve))
      const printer = {
        pdf: async () => (asked(), await rendering, Buffer.from('%PDF-')),
        print: async () => (asked(), await rendering, true),
      }
      const shellNow = testShell({ printer })
      const st = server ? state : testState(t)
      const d = await dispatcherFor(t, shellNow, { [ADMIN]: 'admin', [DESK]: 'admin' }, { state: st })
      const order: string[] = []
      const print = d.dispatch('gifts:cataloguePrint', Q1, ADMIN).then((r) => (order.push('print'), r))
      await askedToRender
      const other = d.dispatch('members:get', { id: 1 }, DESK).then((r) => (order.push('read'), r))
      // On the server the read comes back while the PDF is still rendering; on the desktop it waits its turn.
      if (server) await other
      render()
      expect(await print).toEqual({ ok: true, data: { printed: true } })
      expect(await other).toMatchObject({ ok: true, data: { id: 1 } })
      expect(order).toEqual(server ? ['read', 'print'] : ['print', 'read'])
    }
  })
})
