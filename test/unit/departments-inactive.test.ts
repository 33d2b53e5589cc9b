import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AppError } from '../../db/errors'
import type { TillImportPreview } from '../../server/contract/contract'
import { addDepartment, listDepartments, setDepartmentActive, updateCounter } from '../../db/services/departments'
import { createMember } from '../../db/services/members'
import { recordPurchase } from '../../db/services/purchases'
import { listStoreSales, saveStoreSales } from '../../db/services/reports/storeSales'
import { importStoreSales } from '../../db/services/reports/storeSalesImport'
import { makeSheetDir, writeCsv, type SheetDir } from '../support/sheets'
import { makeTestDb, type TestDb } from '../support/db'
import { dispatcherFor, testShell, testState } from '../support/dispatcher'
import { storeDate } from '../support/storeTime'

// A deactivated (停用) 课别 or 专柜 keeps its history and still shows in reports, but the services
// refuse any new entry to it — the desk, 全店销售 (screen and file) and the till import — whatever
// the screen offered, and the till wizard cannot map a spelling onto it.
let t: TestDb
let dir: SheetDir
let openFile: string | null
const shell = testShell({ pickOpenFile: async () => openFile })
const ADMIN = 1
const when = storeDate(2026, 10, 10, 14, 0).getTime()

beforeEach(() => {
  t = makeTestDb()
  dir = makeSheetDir()
  createMember(t.db, { cardNo: 'V0001', name: '王芳', phone: '13912345678' }, t.admin)
  addDepartment(t.db, { name: '营业六课', counters: ['兰蔻', '雅诗兰黛'] }, t.admin)
})
afterEach(() => {
  t.close()
  dir.remove()
})

const six = () => listDepartments(t.db).find((d) => d.name === '营业六课')!
const counter = (name: string) => six().counters.find((c) => c.name === name)!
const lines = () => t.db.sqlite.prepare('SELECT receipt_no, amount_fen, department, counter FROM purchases').all()
function refusal(fn: () => unknown): AppError {
  try {
    fn()
  } catch (e) {
    return e as AppError
  }
  throw new Error('expected a refusal')
}
const sale = (receiptNo: string, counterName: string) =>
  recordPurchase(
    t.db,
    { cardNo: 'V0001', receiptNo, amountFen: 10000, purchasedAt: when, department: '营业六课', counter: counterName },
    t.admin,
  )

describe('a deactivated 专柜 at the desk', () => {
  it('refuses a sale to it in Chinese and saves nothing; the department’s other counters still sell', () => {
    sale('R1', '兰蔻')
    updateCounter(t.db, { id: counter('兰蔻').id, active: false }, t.admin)
    const e = refusal(() => sale('R2', '兰蔻'))
    expect(e.message).toBe('专柜「兰蔻」已停用，请选择其他专柜')
    expect(e.issues).toEqual([{ field: 'counter', message: '专柜「兰蔻」已停用，请选择其他专柜' }])
    sale('R3', '雅诗兰黛')
    // History keeps the counter, and a return of the old receipt still nets there.
    recordPurchase(
      t.db,
      { cardNo: 'V0001', amountFen: -5000, originalReceiptNo: 'R1', purchasedAt: when + 60_000 },
      t.admin,
    )
    expect(lines()).toEqual([
      { receipt_no: 'R1', amount_fen: 10000, department: '营业六课', counter: '兰蔻' },
      { receipt_no: 'R3', amount_fen: 10000, department: '营业六课', counter: '雅诗兰黛' },
      expect.objectContaining({ amount_fen: -5000, department: '营业六课', counter: '兰蔻' }),
    ])
  })
})

describe('a deactivated 课别 in 全店销售', () => {
  it('keeps its figures but refuses a new or changed one, on screen and from a file', async () => {
    saveStoreSales(t.db, { month: '2026-09', department: '营业六课', amountFen: 100 }, t.admin)
    setDepartmentActive(t.db, { id: six().id, active: false }, t.admin)
    const message = '课别「营业六课」已停用，不能再录入（如需修改请先在 设置 → 课别与专柜 中启用）'
    expect(
      refusal(() => saveStoreSales(t.db, { month: '2026-09', department: '营业六课', amountFen: 200 }, t.admin))
        .message,
    ).toBe(message)
    writeCsv(dir.path('s.csv'), [
      ['月份', '课别', '销售额'],
      ['2026-09', '营业一课', '1000'],
      ['2026-09', '营业六课', '2000'],
    ])
    const e = await importStoreSales(t.db, dir.path('s.csv'), t.admin).then(
      () => null,
      (x: AppError) => x,
    )
    expect(e!.issues).toEqual([{ field: '3:课别', message }])
    expect(listStoreSales(t.db, { from: '2026-01', to: '2026-10' })).toEqual([
      expect.objectContaining({ month: '2026-09', department: '营业六课', amountFen: 100 }),
    ])
  })
})

describe('a deactivated 课别 or 专柜 in the till import', () => {
  async function pick(rows: string[][]) {
    openFile = dir.path('till.csv')
    writeCsv(openFile, [['小票号', '交易时间', '会员卡号', '实收金额', '课别', '专柜'], ...rows])
    const d = await dispatcherFor(t, shell, { [ADMIN]: 'admin' }, { state: testState(t) })
    const picked = await d.dispatch('purchases:importPick', undefined, ADMIN)
    if (!picked.ok || !picked.data) throw new Error('no preview')
    return { d, p: picked.data as TillImportPreview }
  }

  it('rejects a sale line by row and column, imports the others, and lets a return net where it was', async () => {
    sale('OLD', '兰蔻')
    updateCounter(t.db, { id: counter('兰蔻').id, active: false }, t.admin)
    addDepartment(t.db, { name: '营业七课' }, t.admin)
    const seven = listDepartments(t.db).find((d) => d.name === '营业七课')!
    setDepartmentActive(t.db, { id: seven.id, active: false }, t.admin)
    const { d, p } = await pick([
      ['T1', '2026-11-03 10:30', 'V0001', '128', '营业六课', '兰蔻'],
      ['T2', '2026-11-03 10:40', 'V0001', '50', '营业六课', '雅诗兰黛'],
      ['T3', '2026-11-03 10:50', 'V0001', '60', '营业七课', ''],
    ])
    expect(p.rejected).toEqual([
      { row: 2, column: '专柜', reason: '专柜「兰蔻」已停用' },
      { row: 4, column: '课别', reason: '课别「营业七课」已停用' },
    ])
    // Not unknown: nothing for the wizard to map.
    expect(p).toMatchObject({ willInsert: 1, unknownDepartments: [], unknownCounters: [] })
    const r = await d.dispatch('purchases:importCommit', { token: p.token, mapping: p.mapping }, ADMIN)
    expect(r).toMatchObject({ ok: true, data: { inserted: 1 } })
  })

  it('will not map a file’s spelling onto a deactivated 课别 or 专柜, and remembers nothing', async () => {
    updateCounter(t.db, { id: counter('兰蔻').id, active: false }, t.admin)
    const { d, p } = await pick([['M1', '2026-11-03 10:40', 'V0001', '50', '营业六课', '兰寇']])
    const r = await d.dispatch(
      'purchases:importMapDepartments',
      {
        token: p.token,
        mapping: p.mapping,
        departments: [],
        counters: [{ department: '营业六课', alias: '兰寇', counter: '兰蔻' }],
      },
      ADMIN,
    )
    expect(r).toMatchObject({ ok: false, error: { message: '专柜「兰蔻」已停用，不能把文件里的写法对应到它' } })
    expect(t.db.sqlite.prepare('SELECT count(*) FROM counter_aliases').pluck().get()).toBe(0)
  })
})
