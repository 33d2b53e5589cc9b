import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Events, TillImportPreview } from '../../server/contract/contract'
import { createMember } from '../../db/services/members'
import { makeSheetDir, writeCsv, type SheetDir } from '../support/sheets'
import { makeTestDb, type TestDb } from '../support/db'
import { dispatcherFor, testShell, testState } from '../support/dispatcher'

// 导入小票 as the renderer drives it: pick (dialog in main) → remap → commit, through the dispatcher.
let t: TestDb
let dir: SheetDir
let openFile: string | null
let events: Events['progress'][]
const shell = testShell({
  pickOpenFile: async () => openFile,
  emit: (_id, event, payload) => void (event === 'progress' && events.push(payload as Events['progress'])),
})
const ADMIN = 1
const OTHER_WINDOW = 2

async function session() {
  const state = testState(t)
  const d = await dispatcherFor(t, shell, { [ADMIN]: 'admin', [OTHER_WINDOW]: 'admin' }, { state })
  return { d, state }
}

beforeEach(() => {
  t = makeTestDb()
  dir = makeSheetDir()
  events = []
  createMember(t.db, { cardNo: 'V0088', name: '林雨桐', phone: '13900008866' }, t.admin)
  // 3 November 2026: a Tuesday, no member day, no reward weekend.
  openFile = dir.path('till.csv')
  writeCsv(openFile, [
    ['小票号', '交易时间', '会员卡号', '实收金额', '品牌'],
    ['T1', '2026-11-03 10:30', 'V0088', '128', '雅诗兰黛'],
    ['T2', '2026/11/3 11:00', 'V9999', '50', '兰蔻'],
  ])
})
afterEach(() => {
  t.close()
  dir.remove()
})

describe('the till import calls', () => {
  it('previews with the first lines as read, remaps by hand and commits once', async () => {
    const { d, state } = await session()
    const picked = await d.dispatch('purchases:importPick', undefined, ADMIN)
    if (!picked.ok || !picked.data) throw new Error('no preview')
    const p = picked.data as TillImportPreview
    expect(p).toMatchObject({ totalRows: 2, willInsert: 1, alreadyThere: 0, missing: [] })
    expect(p.mapping).toEqual(['receiptNo', 'purchasedAt', 'cardNo', 'amount', null])
    expect(p.rejected).toEqual([{ row: 3, column: '会员卡号', reason: '找不到该卡号的会员' }])
    expect(p.sample[1]).toEqual({
      row: 3,
      values: { receiptNo: 'T2', purchasedAt: '2026-11-03 11:00', cardNo: 'V9999', amount: '50' },
    })
    expect(events.some((e) => e.task === '读取文件')).toBe(true)

    // Anything that is not a purchase field counts as 忽略; 品牌 mapped by hand feeds 柜台.
    const mapping = [...p.mapping.slice(0, 4), 'counter'] as typeof p.mapping
    const bogus = [...mapping, 'password'] as unknown as typeof p.mapping
    const remapped = await d.dispatch('purchases:importRemap', { token: p.token, mapping: bogus }, ADMIN)
    if (!remapped.ok) throw new Error('remap failed')
    const r = remapped.data as TillImportPreview
    expect(r.mapping).toEqual(mapping)
    expect(r.sample.map((r) => r.values.counter)).toEqual(['雅诗兰黛', '兰蔻'])

    // Another window cannot use this window's file.
    const stolen = await d.dispatch('purchases:importCommit', { token: p.token, mapping }, OTHER_WINDOW)
    expect(stolen).toMatchObject({ ok: false, error: { kind: 'not_found' } })

    const done = await d.dispatch('purchases:importCommit', { token: p.token, mapping }, ADMIN)
    expect(done).toMatchObject({ ok: true, data: { inserted: 1, updated: 0, rejected: [{ row: 3 }] } })
    expect(events.some((e) => e.task === '导入小票' && e.phase === 'write')).toBe(true)
    expect(state.imports.size).toBe(0)
    const member = await d.dispatch('members:get', { id: 1 }, ADMIN)
    expect(member).toMatchObject({ ok: true, data: { points: 128 } })

    // The same file again: nothing new; cancelling lets the file go.
    const again = await d.dispatch('purchases:importPick', undefined, ADMIN)
    expect(again).toMatchObject({ ok: true, data: { willInsert: 0, alreadyThere: 1 } })
    if (!again.ok || !again.data) throw new Error('no preview')
    expect(
      await d.dispatch('purchases:importCancel', { token: (again.data as TillImportPreview).token }, ADMIN),
    ).toEqual({
      ok: true,
      data: null,
    })
    expect(state.imports.size).toBe(0)
  })

  it('answers null when the dialog is cancelled and keeps no file', async () => {
    const { d, state } = await session()
    openFile = null
    expect(await d.dispatch('purchases:importPick', undefined, ADMIN)).toEqual({ ok: true, data: null })
    expect(state.imports.size).toBe(0)
  })
})
