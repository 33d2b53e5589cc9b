import { storeMonthKey } from '../../clock'
import type { Actor } from '../../actor'
import { validationError, type FieldIssue } from '../../errors'
import { inTransaction, type Db } from '../../handle'
import { formatYuan } from '../../rules/money'
import { monthKeyOf, monthText, shiftMonth, type MonthKey } from '../../rules/months'
import { DEPARTMENT_MAX_LENGTH, MAX_STORE_SALES_FEN, normaliseDepartment } from '../../rules/storeSales'
import { canonicalDepartment, inactiveProblem } from '../departments/list'
import { statements } from '../../statements'
import { recordAudit } from '../audit'

/** One month's sales of one department, as the planners entered or imported it. */
export interface StoreSalesRow {
  /** YYYY-MM */
  month: string
  department: string
  amountFen: number
  source: 'import' | 'manual'
  updatedAt: number
  /** Operator name; null when written by the command line's system operator */
  updatedBy: string | null
}

export interface StoreSalesQuery {
  /** YYYY-MM; default: the last 12 months */
  from?: string
  to?: string
}

export interface SaveStoreSalesInput {
  month: string
  department: string
  amountFen: number
}

export interface StoreSalesImportResult {
  file: string
  rows: number
  added: number
  replaced: number
  /** What the reader noticed but did not refuse (a workbook's other sheets) */
  warnings?: string[]
}

interface StoredRow {
  month: number
  department: string
  amountFen: number
  source: 'import' | 'manual'
  updatedAt: number
  updatedBy: string | null
}

const SELECT = `SELECT s.month, s.department, s.amount_fen AS amountFen, s.source, s.updated_at AS updatedAt,
                       o.name AS updatedBy
                  FROM store_sales s LEFT JOIN operators o ON o.id = s.updated_by`

const stmts = statements((s) => ({
  range: s.prepare(`${SELECT} WHERE s.month BETWEEN ? AND ? ORDER BY s.month, s.department`),
  one: s.prepare(`${SELECT} WHERE s.month = ? AND s.department = ?`),
  upsert: s.prepare(
    `INSERT INTO store_sales (month, department, amount_fen, source, updated_at, updated_by)
     VALUES (@month, @department, @amountFen, @source, @at, @by)
     ON CONFLICT (month, department) DO UPDATE SET amount_fen = excluded.amount_fen, source = excluded.source,
       updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  ),
  remove: s.prepare(`DELETE FROM store_sales WHERE month = ? AND department = ?`),
}))

const toRow = (r: StoredRow): StoreSalesRow => ({ ...r, month: monthText(r.month) })

/** The month in progress by the database clock, on the store's calendar. */
export const currentMonth = (db: Db): MonthKey => storeMonthKey(db)

const yuanText = formatYuan

/** The figure before and after, for the audit log (store figures are not personal data). */
export const auditSummary = (month: MonthKey, department: string, before: number | null, after: number | null) =>
  `全店销售 ${monthText(month)} ${department}：${before === null ? '无' : yuanText(before)} → ${
    after === null ? '删除' : yuanText(after)
  }`

function badInput(issues: FieldIssue[]): never {
  throw validationError(issues.map((i) => i.message).join('；'), issues)
}

/** A month given as YYYY-MM; `notFuture` refuses months after the one in progress. */
function checkMonth(db: Db, value: unknown, issues: FieldIssue[], notFuture = true): MonthKey {
  const key = typeof value === 'string' ? monthKeyOf(value) : null
  if (key === null) issues.push({ field: 'month', message: '月份应为 YYYY-MM 格式，例如 2026-03' })
  else if (notFuture && key > currentMonth(db))
    issues.push({ field: 'month', message: `月份不能晚于本月（${monthText(currentMonth(db))}）` })
  return key ?? 0
}

function checkDepartment(db: Db, value: unknown, issues: FieldIssue[], listed = true): string {
  const department = typeof value === 'string' ? normaliseDepartment(value) : ''
  if (!department) issues.push({ field: 'department', message: '请填写课别' })
  else if (department.length > DEPARTMENT_MAX_LENGTH)
    issues.push({ field: 'department', message: `课别最多 ${DEPARTMENT_MAX_LENGTH} 个字` })
  else if (listed) {
    const known = canonicalDepartment(db, department)
    const stopped = known && inactiveProblem(db, known)
    if (stopped) issues.push({ field: 'department', message: stoppedDepartment(known) })
    else if (known) return known
    else issues.push({ field: 'department', message: unknownDepartment(department) })
  }
  return department
}

/** 全店销售 names only departments of the list (设置 → 课别与专柜), so VIP and store figures meet. */
export const unknownDepartment = (name: string) => `课别「${name}」不在课别列表中（设置 → 课别与专柜）`
/** A deactivated department keeps its figures (shown, read only) but takes no new or changed one. */
export const stoppedDepartment = (name: string) =>
  `课别「${name}」已停用，不能再录入（如需修改请先在 设置 → 课别与专柜 中启用）`

/** Figures from `from` to `to` (default: the 12 months up to this one), by month then department. */
export function listStoreSales(db: Db, input: StoreSalesQuery): StoreSalesRow[] {
  const issues: FieldIssue[] = []
  const now = currentMonth(db)
  const to = input?.to === undefined ? now : checkMonth(db, input.to, issues, false)
  const from = input?.from === undefined ? shiftMonth(to || now, -11) : checkMonth(db, input.from, issues, false)
  if (issues.length) badInput(issues)
  if (from > to) badInput([{ field: 'from', message: '开始月份不能晚于结束月份' }])
  return (stmts(db).range.all(from, to) as StoredRow[]).map(toRow)
}

export function findStoreSales(db: Db, month: MonthKey, department: string): StoreSalesRow | null {
  const r = stmts(db).one.get(month, department) as StoredRow | undefined
  return r ? toRow(r) : null
}

/** Writes one figure (import or screen) with its operator and audit entry; call inside a transaction. */
export function writeStoreSales(
  db: Db,
  figure: { month: MonthKey; department: string; amountFen: number; source: 'import' | 'manual' },
  before: number | null,
  actor: Actor,
): void {
  stmts(db).upsert.run({ ...figure, at: db.now().getTime(), by: actor.id })
  const action = before === null ? 'create' : 'update'
  recordAudit(
    db,
    actor,
    action,
    'store_sales',
    `${monthText(figure.month)}/${figure.department}`,
    auditSummary(figure.month, figure.department, before, figure.amountFen),
  )
}

/** Enters or replaces one month's figure of one department (in fen). Saving the same figure writes nothing. */
export function saveStoreSales(db: Db, input: SaveStoreSalesInput, actor: Actor): StoreSalesRow {
  const issues: FieldIssue[] = []
  const month = checkMonth(db, input?.month, issues)
  const department = checkDepartment(db, input?.department, issues)
  const amountFen = input?.amountFen
  if (typeof amountFen !== 'number' || !Number.isInteger(amountFen) || amountFen < 0)
    issues.push({ field: 'amountFen', message: '销售额应为不小于 0 的金额（最多两位小数）' })
  else if (amountFen >= MAX_STORE_SALES_FEN) issues.push({ field: 'amountFen', message: '销售额过大，请核对' })
  if (issues.length) badInput(issues)
  return inTransaction(db, () => {
    const before = findStoreSales(db, month, department)
    if (before?.amountFen === amountFen) return before
    writeStoreSales(db, { month, department, amountFen, source: 'manual' }, before?.amountFen ?? null, actor)
    return findStoreSales(db, month, department)!
  })
}

/** Removes one figure (the audit log keeps it); deleting a figure that is not there is not an error. */
export function deleteStoreSales(
  db: Db,
  input: { month: string; department: string },
  actor: Actor,
): { deleted: boolean } {
  const issues: FieldIssue[] = []
  const month = checkMonth(db, input?.month, issues, false)
  const department = checkDepartment(db, input?.department, issues, false)
  if (issues.length) badInput(issues)
  return inTransaction(db, () => {
    const before = findStoreSales(db, month, department)
    if (!before) return { deleted: false }
    stmts(db).remove.run(month, department)
    recordAudit(
      db,
      actor,
      'delete',
      'store_sales',
      `${monthText(month)}/${department}`,
      auditSummary(month, department, before.amountFen, null),
    )
    return { deleted: true }
  })
}
