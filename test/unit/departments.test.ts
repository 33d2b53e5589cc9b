import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AppError } from '../../db/errors'
import { closeDatabase, openDatabase } from '../../db/open'
import {
  addCounter,
  addDepartment,
  canonicalDepartment,
  departmentsJson,
  importDepartments,
  listDepartments,
  renameDepartment,
  setDepartmentActive,
} from '../../db/services/departments'
import { createMember } from '../../db/services/members'
import { recordPurchase } from '../../db/services/purchases'
import { saveStoreSales } from '../../db/services/reports/storeSales'
import { importStoreSales } from '../../db/services/reports/storeSalesImport'
import { setupAdmin } from '../../db/services/operators'
import { runCliCaptured } from '../support/cli'
import { makeTestDb, type TestDb } from '../support/db'
import { makeSheetDir, writeCsv, writeXlsx, type SheetDir } from '../support/sheets'
import { storeDate } from '../support/storeTime'

let t: TestDb
let dir: SheetDir
beforeEach(() => {
  t = makeTestDb()
  dir = makeSheetDir()
})
afterEach(() => {
  t.close()
  dir.remove()
})

const names = () => listDepartments(t.db).map((d) => d.name)
const audits = () => t.db.sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get() as number
function refusal(fn: () => unknown): AppError {
  try {
    fn()
  } catch (e) {
    return e as AppError
  }
  throw new Error('expected a refusal')
}

describe('the master list of 课别 and 专柜', () => {
  it('a fresh database has the store’s departments', () => {
    expect(names()).toEqual(['营业一课', '营业二课', '营业三课', '营业四课', '营业五课', '企划', '贵宾室'])
  })

  it('adds a department with its counters, audited; a duplicate or empty name is refused in Chinese', () => {
    const before = audits()
    const d = addDepartment(t.db, { name: ' 营业六课 ', counters: ['专柜A', '专柜B', '专柜A'] }, t.admin)
    expect(d).toMatchObject({ name: '营业六课', active: true, counters: [{ name: '专柜A' }, { name: '专柜B' }] })
    expect(audits()).toBe(before + 1)
    expect(refusal(() => addDepartment(t.db, { name: '营业六课' }, t.admin)).message).toBe('已有课别「营业六课」')
    expect(refusal(() => addDepartment(t.db, { name: '  ' }, t.admin)).message).toContain('请填写课别')
    expect(refusal(() => addCounter(t.db, { departmentId: d.id, name: '专柜A' }, t.admin)).message).toBe(
      '课别「营业六课」已有专柜「专柜A」',
    )
    expect(audits()).toBe(before + 1)
  })

  it('deactivates instead of deleting, and reactivates', () => {
    const d = listDepartments(t.db).find((x) => x.name === '营业五课')!
    expect(setDepartmentActive(t.db, { id: d.id, active: false }, t.admin).active).toBe(false)
    expect(departmentsJson(t.db).find((x) => x.name === '营业五课')).toEqual({
      name: '营业五课',
      counters: [],
      active: false,
    })
    expect(setDepartmentActive(t.db, { id: d.id, active: true }, t.admin).active).toBe(true)
  })

  it('a rename keeps history: old purchases, monthly sums and store sales count under the new name', () => {
    createMember(t.db, { cardNo: 'V0001', name: '王芳', phone: '13912345678' }, t.admin)
    const when = storeDate(2026, 10, 10, 14, 0).getTime()
    recordPurchase(
      t.db,
      { cardNo: 'V0001', receiptNo: 'R1', amountFen: 50000, purchasedAt: when, department: '营业一课' },
      t.admin,
    )
    saveStoreSales(t.db, { month: '2026-11', department: '营业一课', amountFen: 900000 }, t.admin)
    const d = listDepartments(t.db).find((x) => x.name === '营业一课')!
    const renamed = renameDepartment(t.db, { id: d.id, name: '化妆品珠宝课' }, t.admin)
    expect(renamed).toMatchObject({ name: '化妆品珠宝课', aliases: ['营业一课'] })
    // The ledger keeps what the receipt said; the list reads it as the renamed department.
    expect(t.db.sqlite.prepare('SELECT department FROM purchases').pluck().all()).toEqual(['营业一课'])
    expect(canonicalDepartment(t.db, '营业一课')).toBe('化妆品珠宝课')
    expect(t.db.sqlite.prepare('SELECT department, amount_fen FROM sales_monthly').all()).toEqual([
      { department: '化妆品珠宝课', amount_fen: 50000 },
    ])
    expect(t.db.sqlite.prepare('SELECT department FROM store_sales').pluck().all()).toEqual(['化妆品珠宝课'])
    // A return of that old receipt still lands under the new name.
    recordPurchase(
      t.db,
      { cardNo: 'V0001', amountFen: -10000, originalReceiptNo: 'R1', purchasedAt: when + 3600_000 },
      t.admin,
    )
    expect(t.db.sqlite.prepare('SELECT department, amount_fen FROM sales_monthly').all()).toEqual([
      { department: '化妆品珠宝课', amount_fen: 40000 },
    ])
  })

  it('renaming a variant onto a known name with merge folds it in (营业1课 → 营业一课)', () => {
    const v = addDepartment(t.db, { name: '营业1课', counters: ['兰蔻'] }, t.admin)
    expect(refusal(() => renameDepartment(t.db, { id: v.id, name: '营业一课' }, t.admin)).message).toContain('已有课别')
    const merged = renameDepartment(t.db, { id: v.id, name: '营业一课', merge: true }, t.admin)
    expect(merged).toMatchObject({ name: '营业一课', aliases: ['营业1课'], counters: [{ name: '兰蔻' }] })
    expect(names()).not.toContain('营业1课')
  })
})

describe('the desk and the list', () => {
  beforeEach(() => {
    createMember(t.db, { cardNo: 'V0001', name: '王芳', phone: '13912345678' }, t.admin)
    addDepartment(t.db, { name: '营业六课', counters: ['兰蔻', '雅诗兰黛'] }, t.admin)
  })
  const when = storeDate(2026, 10, 10, 14, 0).getTime()
  const lines = () =>
    t.db.sqlite.prepare('SELECT receipt_no, amount_fen, department, counter FROM purchases ORDER BY id').all()

  it('a return takes its 课别 and 专柜 from the original receipt, whatever the desk picked', () => {
    recordPurchase(
      t.db,
      {
        cardNo: 'V0001',
        receiptNo: 'R1',
        amountFen: 50000,
        purchasedAt: when,
        department: '营业六课',
        counter: '兰蔻',
      },
      t.admin,
    )
    recordPurchase(
      t.db,
      {
        cardNo: 'V0001',
        amountFen: -20000,
        originalReceiptNo: 'R1',
        department: '营业二课',
        purchasedAt: when + 60_000,
      },
      t.admin,
    )
    expect(lines()).toEqual([
      { receipt_no: 'R1', amount_fen: 50000, department: '营业六课', counter: '兰蔻' },
      expect.objectContaining({ amount_fen: -20000, department: '营业六课', counter: '兰蔻' }),
    ])
  })

  it('refuses a 课别 or 专柜 not on the list, or a deactivated 课别, and saves nothing', () => {
    const sale = (department: string, counter = '') =>
      refusal(() =>
        recordPurchase(t.db, { cardNo: 'V0001', amountFen: 100, purchasedAt: when, department, counter }, t.admin),
      ).message
    expect(sale('营业1课')).toBe('课别「营业1课」不在课别列表中：请从列表中选择，或请管理员在 设置 → 课别与专柜 中添加')
    expect(sale('营业六课', '香奈儿')).toBe('专柜「香奈儿」不属于课别「营业六课」：请从列表中选择')
    const six = listDepartments(t.db).find((d) => d.name === '营业六课')!
    setDepartmentActive(t.db, { id: six.id, active: false }, t.admin)
    expect(sale('营业六课', '兰蔻')).toBe('课别「营业六课」已停用，请选择其他课别')
    expect(lines()).toEqual([])
  })
})

describe('importing 课别 and 专柜', () => {
  it('adds what the list lacks; every row or none, each bad row named by row and column', async () => {
    writeCsv(dir.path('bad.csv'), [
      ['课别', '专柜'],
      ['营业六课', '专柜1'],
      ['', '专柜2'],
      ['营业六课', 'x'.repeat(21)],
    ])
    const before = names()
    const e = await importDepartments(t.db, dir.path('bad.csv'), t.admin).then(
      () => null,
      (x: AppError) => x,
    )
    expect(e!.message).toBe('文件中有 2 行有错误（共 2 处），没有导入任何数据。请改正后重新导入。')
    expect(e!.issues).toEqual([
      { field: '3:课别', message: '没有课别' },
      { field: '4:专柜', message: '专柜最多 20 个字' },
    ])
    expect(names()).toEqual(before)

    await writeXlsx(dir.path('good.xlsx'), [
      ['课别', '专柜'],
      ['营业六课', '专柜1'],
      ['营业六课', '专柜2'],
      ['营业一课', '兰蔻'],
    ])
    expect(await importDepartments(t.db, dir.path('good.xlsx'), t.admin)).toEqual({
      file: 'good.xlsx',
      rows: 3,
      addedDepartments: 1,
      addedCounters: 3,
    })
    expect(departmentsJson(t.db).find((d) => d.name === '营业六课')).toEqual({
      name: '营业六课',
      counters: ['专柜1', '专柜2'],
      active: true,
    })
  })
})

describe('全店销售 and the list', () => {
  it('an unknown 课别 in a store sales file is reported by row and column, and nothing is imported', async () => {
    writeCsv(dir.path('s.csv'), [
      ['月份', '课别', '销售额'],
      ['2026-10', '营业一课', '100'],
      ['2026-10', '营业1课', '200'],
    ])
    const e = await importStoreSales(t.db, dir.path('s.csv'), t.admin).then(
      () => null,
      (x: AppError) => x,
    )
    expect(e!.issues).toEqual([{ field: '3:课别', message: '课别「营业1课」不在课别列表中（设置 → 课别与专柜）' }])
    expect(t.db.sqlite.prepare('SELECT count(*) FROM store_sales').pluck().get()).toBe(0)
  })
})

describe('command line', () => {
  let home: string
  let file: string
  beforeEach(() => {
    home = mkdtempSync(join(tmpdir(), 'vipdesk-cli-departments-'))
    file = join(home, 'vipdesk.sqlite')
    const db = openDatabase(file)
    setupAdmin(db, { name: 'admin', password: 'secret123' })
    closeDatabase(db)
  })
  afterEach(() => rmSync(home, { recursive: true, force: true }))
  const cli = (...args: string[]) => runCliCaptured(['--db', file, ...args], { cwd: home })

  it('departments list --json prints exactly [{name, counters, active}]; import departments adds', async () => {
    writeCsv(join(home, 'd.csv'), [
      ['课别', '专柜'],
      ['营业一课', '专柜1'],
      ['营业一课', '专柜2'],
    ])
    const imported = await cli('--json', 'import', 'departments', 'd.csv')
    expect(imported.code).toBe(0)
    expect(JSON.parse(imported.stdout)).toEqual({ file: 'd.csv', rows: 2, addedDepartments: 0, addedCounters: 2 })
    const r = await cli('--json', 'departments', 'list')
    expect(r.code).toBe(0)
    const list = JSON.parse(r.stdout) as unknown[]
    expect(list[0]).toEqual({ name: '营业一课', counters: ['专柜1', '专柜2'], active: true })
    for (const d of list) expect(Object.keys(d as object)).toEqual(['name', 'counters', 'active'])
  })

  it('import departments exits 1 listing every bad cell and imports nothing', async () => {
    writeCsv(join(home, 'bad.csv'), [
      ['课别', '专柜'],
      ['营业九课', '专柜1'],
      ['', '专柜2'],
    ])
    const r = await cli('import', 'departments', 'bad.csv')
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('第 3 行 课别：没有课别')
    const list = await cli('--json', 'departments', 'list')
    expect(JSON.parse(list.stdout).map((d: { name: string }) => d.name)).not.toContain('营业九课')
  })
})
