import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { GiftSheetPreview } from '../../server/contract/contract'
import { listGifts } from '../../db/services/gifts'
import { dumpDb, makeTestDb, type TestDb } from '../support/db'
import { dispatcherFor, testShell, testState } from '../support/dispatcher'
import { makeSheetDir, readXlsxRows, writeCsv, type SheetDir } from '../support/sheets'

// 导入礼品 and 导出 as the renderer drives them, through the dispatcher with scripted dialogs.
let t: TestDb
let dir: SheetDir
let openFile: string | null
let saveFile: string | null
const shell = testShell({ pickOpenFile: async () => openFile, pickSaveFile: async () => saveFile })
const ADMIN = 1
const OTHER_WINDOW = 2
const CLERK = 3

async function session() {
  const state = testState(t)
  const d = await dispatcherFor(
    t,
    shell,
    { [ADMIN]: 'admin', [OTHER_WINDOW]: 'admin', [CLERK]: { name: 'clerk1', role: 'clerk' } },
    { state },
  )
  return { d, state }
}

beforeEach(() => {
  t = makeTestDb()
  dir = makeSheetDir()
  openFile = dir.path('gifts.csv')
  saveFile = null
  writeCsv(openFile, [
    ['货号', '名称', '类别', '成本', '库存'],
    ['G001', '保温杯', '积分兑换', '35.5', '10'],
    ['G002', '雨伞', '饮料', '15', '3'],
  ])
})
afterEach(() => {
  t.close()
  dir.remove()
})

describe('the gift import calls', () => {
  it('previews without writing, remaps by hand, and commits once for the window that picked', async () => {
    const { d, state } = await session()
    const before = dumpDb(t.db)
    const picked = await d.dispatch('gifts:importPick', undefined, ADMIN)
    expect(picked.ok).toBe(true)
    const preview = (picked as { data: GiftSheetPreview }).data
    expect(preview).toMatchObject({ missing: ['编码'], mapping: [null, 'name', 'category', 'unitCost', 'opening'] })
    expect(dumpDb(t.db)).toEqual(before)

    const mapping = ['code', 'name', 'category', 'unitCost', 'opening'] as const
    const remapped = await d.dispatch('gifts:importRemap', { token: preview.token, mapping: [...mapping] }, ADMIN)
    expect(remapped).toMatchObject({
      ok: true,
      data: {
        missing: [],
        willInsert: 1,
        rejected: [{ row: 3, column: '类别', reason: expect.stringContaining('无法识别的类别') }],
        sample: [
          { row: 2, values: { code: 'G001', name: '保温杯', category: '积分兑换', unitCost: '35.5', opening: '10' } },
          { row: 3, values: { code: 'G002', name: '雨伞', category: '饮料', unitCost: '15', opening: '3' } },
        ],
      },
    })
    expect(dumpDb(t.db)).toEqual(before)

    // Another window cannot commit this file; the picker can, once.
    const foreign = await d.dispatch(
      'gifts:importCommit',
      { token: preview.token, mapping: [...mapping] },
      OTHER_WINDOW,
    )
    expect(foreign).toMatchObject({ ok: false, error: { message: '导入文件已失效，请重新选择文件' } })
    const done = await d.dispatch('gifts:importCommit', { token: preview.token, mapping: [...mapping] }, ADMIN)
    expect(done).toMatchObject({ ok: true, data: { inserted: 1, updated: 0 } })
    expect(listGifts(t.db).map((g) => [g.code, g.unitCostFen, g.onHand])).toEqual([['G001', 3550, 10]])
    expect(state.imports.size).toBe(0)
    const again = await d.dispatch('gifts:importCommit', { token: preview.token, mapping: [...mapping] }, ADMIN)
    expect(again.ok).toBe(false)
  })

  it('a cancelled dialog is null; a cancelled preview lets the file go; a clerk may not import', async () => {
    const { d, state } = await session()
    const picked = (await d.dispatch('gifts:importPick', undefined, ADMIN)) as { data: GiftSheetPreview }
    expect(await d.dispatch('gifts:importCancel', { token: picked.data.token }, ADMIN)).toEqual({
      ok: true,
      data: null,
    })
    expect(state.imports.size).toBe(0)
    openFile = null
    expect(await d.dispatch('gifts:importPick', undefined, ADMIN)).toEqual({ ok: true, data: null })
    expect(await d.dispatch('gifts:importPick', undefined, CLERK)).toMatchObject({ ok: false })
  })
})

describe('the gift export calls', () => {
  it('writes the catalogue where the save dialog said, in the format of the file name', async () => {
    const { d } = await session()
    await d.dispatch('gifts:create', { code: 'G001', name: '保温杯', category: 'redemption', unitCostFen: 100 }, ADMIN)
    expect(await d.dispatch('gifts:export', { format: 'xlsx' }, ADMIN)).toEqual({ ok: true, data: null })
    saveFile = dir.path('out.xlsx')
    expect(await d.dispatch('gifts:export', { format: 'xlsx' }, ADMIN)).toEqual({
      ok: true,
      data: { file: saveFile, count: 1 },
    })
    expect((await readXlsxRows(saveFile)).rows[1]?.slice(0, 3)).toEqual(['G001', '保温杯', '积分兑换'])
    expect(await d.dispatch('gifts:export', { format: 'pdf' as 'csv' }, ADMIN)).toMatchObject({
      ok: false,
      error: { message: '导出格式只能是 Excel 或 CSV' },
    })
  })

  it('gives the month’s report and its Excel to the roles that plan; not to a clerk', async () => {
    const { d } = await session()
    const report = await d.dispatch('gifts:report', { year: 2026, month: 11 }, ADMIN)
    expect(report).toMatchObject({ ok: true, data: { month: '2026-11', movements: 0 } })
    expect(await d.dispatch('gifts:report', { year: 2026, month: 11 }, CLERK)).toMatchObject({ ok: false })
    expect(await d.dispatch('gifts:report', { year: 2026, month: 0 }, ADMIN)).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('月份应为 1–12') },
    })
    saveFile = dir.path('月报.xlsx')
    expect(await d.dispatch('gifts:reportExport', { year: 2026, month: 11 }, ADMIN)).toEqual({
      ok: true,
      data: { file: saveFile, month: '2026-11' },
    })
  })
})
