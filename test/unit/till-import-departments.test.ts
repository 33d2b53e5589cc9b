import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { TillImportPreview } from '../../server/contract/contract'
import { addDepartment, canonicalDepartment } from '../../db/services/departments'
import { createMember } from '../../db/services/members'
import { makeSheetDir, writeCsv, type SheetDir } from '../support/sheets'
import { makeTestDb, type TestDb } from '../support/db'
import { dispatcherFor, testShell, testState } from '../support/dispatcher'

// 导入小票 against the list of 课别 and 专柜: an unknown spelling is a rejected row (row, column,
// reason) until the planner maps it in the wizard; the mapping is remembered for the next file.
let t: TestDb
let dir: SheetDir
let openFile: string | null
const shell = testShell({ pickOpenFile: async () => openFile })
const ADMIN = 1
const HEAD = ['小票号', '交易时间', '会员卡号', '实收金额', '课别', '专柜']

beforeEach(() => {
  t = makeTestDb()
  dir = makeSheetDir()
  createMember(t.db, { cardNo: 'V0088', name: '林雨桐', phone: '13900008866' }, t.admin)
  addDepartment(t.db, { name: '营业六课', counters: ['兰蔻', '雅诗兰黛'] }, t.admin)
})
afterEach(() => {
  t.close()
  dir.remove()
})

const purchases = () => t.db.sqlite.prepare('SELECT receipt_no, department, counter FROM purchases ORDER BY 1').all()

async function pick(rows: string[][]) {
  openFile = dir.path(`till-${rows[0]![0]}.csv`)
  writeCsv(openFile, [HEAD, ...rows])
  const d = await dispatcherFor(t, shell, { [ADMIN]: 'admin' }, { state: testState(t) })
  const picked = await d.dispatch('purchases:importPick', undefined, ADMIN)
  if (!picked.ok || !picked.data) throw new Error('no preview')
  return { d, p: picked.data as TillImportPreview }
}

describe('till import and the list of 课别', () => {
  it('reports an unknown 课别 and 专柜 by row and column, and imports nothing of those rows', async () => {
    const { d, p } = await pick([
      ['T1', '2026-11-03 10:30', 'V0088', '128', '营业六课', '兰蔻'],
      ['T2', '2026-11-03 10:40', 'V0088', '50', '六课', '兰蔻'],
      ['T3', '2026-11-03 10:50', 'V0088', '60', '营业六课', '兰寇'],
    ])
    expect(p.rejected).toEqual([
      { row: 3, column: '课别', reason: '课别「六课」不在课别列表中（设置 → 课别与专柜）' },
      { row: 4, column: '专柜', reason: '专柜「兰寇」不在课别「营业六课」的专柜列表中' },
    ])
    // With how many lines each spelling has, so the wizard can say what a mapping brings in.
    expect(p.unknownDepartments).toEqual([{ department: '六课', lines: 1 }])
    expect(p.unknownCounters).toEqual([{ department: '营业六课', counter: '兰寇', lines: 1 }])
    const r = await d.dispatch('purchases:importCommit', { token: p.token, mapping: p.mapping }, ADMIN)
    expect(r).toMatchObject({ ok: true, data: { inserted: 1 } })
    expect(purchases()).toEqual([{ receipt_no: 'T1', department: '营业六课', counter: '兰蔻' }])
  })

  it('maps them to known ones in the wizard, and the next file is recognised without asking', async () => {
    const first = await pick([
      ['M1', '2026-11-03 10:40', 'V0088', '50', '六课', '兰蔻'],
      ['M2', '2026-11-03 10:50', 'V0088', '60', '营业六课', '兰寇'],
    ])
    const mapped = await first.d.dispatch(
      'purchases:importMapDepartments',
      {
        token: first.p.token,
        mapping: first.p.mapping,
        departments: [{ alias: '六课', department: '营业六课' }],
        counters: [{ department: '营业六课', alias: '兰寇', counter: '兰蔻' }],
      },
      ADMIN,
    )
    if (!mapped.ok) throw new Error(mapped.error.message)
    expect(mapped.data).toMatchObject({ rejected: [], willInsert: 2, unknownDepartments: [], unknownCounters: [] })
    await first.d.dispatch('purchases:importCommit', { token: first.p.token, mapping: first.p.mapping }, ADMIN)
    // Stored under the known names; the mapping is audited and stays.
    expect(purchases()).toEqual([
      { receipt_no: 'M1', department: '营业六课', counter: '兰蔻' },
      { receipt_no: 'M2', department: '营业六课', counter: '兰蔻' },
    ])
    expect(canonicalDepartment(t.db, '六课')).toBe('营业六课')
    const audit = t.db.sqlite.prepare(`SELECT summary FROM audit_log WHERE entity = 'department_alias'`).pluck().all()
    expect(audit).toEqual(['导入时把「六课」对应为课别 营业六课'])

    const next = await pick([['N1', '2026-11-04 10:40', 'V0088', '70', '六课', '兰寇']])
    expect(next.p).toMatchObject({ rejected: [], willInsert: 1, unknownDepartments: [] })
  })

  it('refuses to map onto a department that does not exist, and remembers nothing', async () => {
    const { d, p } = await pick([['X1', '2026-11-03 10:40', 'V0088', '50', '六课', '']])
    const r = await d.dispatch(
      'purchases:importMapDepartments',
      { token: p.token, mapping: p.mapping, departments: [{ alias: '六课', department: '营业八课' }], counters: [] },
      ADMIN,
    )
    expect(r).toMatchObject({ ok: false, error: { message: '找不到课别「营业八课」' } })
    expect(canonicalDepartment(t.db, '六课')).toBeNull()
  })
})
