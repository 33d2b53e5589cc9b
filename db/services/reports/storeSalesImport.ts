import type { Actor } from '../../actor'
import { validationError, type FieldIssue } from '../../errors'
import { inTransaction, type Db } from '../../handle'
import { cellDateToYmd, excelSerialToYmd } from '../../rules/dates'
import { monthText, type MonthKey } from '../../rules/months'
import {
  DEPARTMENT_MAX_LENGTH,
  MAX_STORE_SALES_FEN,
  monthTextToKey,
  normaliseDepartment,
  sheetIssueField,
  STORE_SALES_HEADERS,
} from '../../rules/storeSales'
import { parseYuan } from '../../rules/money'
import { toHalfWidth } from '../../rules/text'
import { cellText, type Cell } from '../members/import/cells'
import { readSheetFile, type SheetData } from '../members/import/read'
import type { ImportIssue } from '../members/import/types'
import { canonicalDepartment, inactiveProblem } from '../departments/list'
import {
  currentMonth,
  findStoreSales,
  stoppedDepartment,
  unknownDepartment,
  writeStoreSales,
  type StoreSalesImportResult,
} from './storeSales'

interface Figure {
  row: number
  month: MonthKey
  department: string
  amountFen: number
}

/** Excel serials of 2000-01-01 and 2100-12-31: a bare number in that range is a date cell without its format. */
const SERIAL_RANGE = [36526, 73415] as const

function monthOfCell(cell: Cell | undefined): MonthKey | null {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return null
    const { y, m } = cellDateToYmd(cell)
    return y >= 2000 && y <= 2100 ? y * 100 + m : null
  }
  if (typeof cell === 'number') {
    if (!Number.isInteger(cell) || cell < SERIAL_RANGE[0] || cell > SERIAL_RANGE[1]) return null
    const { y, m } = excelSerialToYmd(cell)
    return y * 100 + m
  }
  return typeof cell === 'string' ? monthTextToKey(cell) : null
}

/** 元 in a number cell goes through its two-decimal text, so 1234.5 and "1,234.50" give the same fen. */
const fenOfCell = (cell: Cell | undefined): number | null => parseYuan(cell)

/** Where each of 月份, 课别, 销售额 is; a missing header is the whole file's error. */
function columnsOf(sheet: SheetData): number[] {
  const headers = sheet.headers.map((h) => toHalfWidth(h).replace(/\s/g, ''))
  const columns = STORE_SALES_HEADERS.map((h) => headers.indexOf(h))
  const missing = STORE_SALES_HEADERS.filter((_, i) => columns[i] === -1)
  if (missing.length)
    throw validationError(
      `文件缺少表头：${missing.map((h) => `"${h}"`).join('、')}。第一行须为：${STORE_SALES_HEADERS.join('、')}`,
      missing.map((h) => ({ field: sheetIssueField(1, h), message: '缺少这一列' })),
    )
  return columns
}

/** Every figure of the sheet, or every problem in it (one per bad cell, in sheet order). */
export function checkStoreSalesSheet(db: Db, sheet: SheetData): { figures: Figure[]; issues: ImportIssue[] } {
  const [monthCol, departmentCol, amountCol] = columnsOf(sheet) as [number, number, number]
  // Issues name the columns as the file heads them (a full-width or spaced 销售额 included).
  const [MONTH, DEPARTMENT, AMOUNT] = [monthCol, departmentCol, amountCol].map((i) => sheet.headers[i]!) as [
    string,
    string,
    string,
  ]
  const now = currentMonth(db)
  const figures: Figure[] = []
  const issues: ImportIssue[] = []
  const firstRowOf = new Map<string, number>()
  for (const { row, cells } of sheet.rows) {
    const problems: ImportIssue[] = []
    const reject = (column: string, reason: string) => problems.push({ row, column, reason })

    const monthCell = cells[monthCol]
    const month = monthOfCell(monthCell)
    if (!cellText(monthCell)) reject(MONTH, '没有月份')
    else if (month === null) reject(MONTH, '月份应写成 2026-03、2026/3 或 2026年3月')
    else if (month > now) reject(MONTH, `不能录入未来的月份（本月是 ${monthText(now)}）`)

    const department = normaliseDepartment(cellText(cells[departmentCol]))
    if (!department) reject(DEPARTMENT, '没有课别')
    else if (department.length > DEPARTMENT_MAX_LENGTH) reject(DEPARTMENT, `课别最多 ${DEPARTMENT_MAX_LENGTH} 个字`)
    else if (!canonicalDepartment(db, department)) reject(DEPARTMENT, unknownDepartment(department))
    else if (inactiveProblem(db, canonicalDepartment(db, department)!))
      reject(DEPARTMENT, stoppedDepartment(canonicalDepartment(db, department)!))

    const amountCell = cells[amountCol]
    const amountFen = fenOfCell(amountCell)
    if (!cellText(amountCell)) reject(AMOUNT, '没有销售额')
    else if (amountFen === null)
      reject(AMOUNT, '销售额应为不小于 0 的金额（单位：元，最多两位小数），例如 1,234,567.89')
    else if (amountFen >= MAX_STORE_SALES_FEN) reject(AMOUNT, '销售额过大，请核对单位是否为元')

    if (!problems.length && month !== null && amountFen !== null) {
      const key = `${month}/${department}`
      const first = firstRowOf.get(key)
      if (first !== undefined) reject(DEPARTMENT, `与第 ${first} 行的月份和课别重复`)
      else firstRowOf.set(key, row)
    }
    if (problems.length) issues.push(...problems)
    else figures.push({ row, month: month!, department: canonicalDepartment(db, department)!, amountFen: amountFen! })
  }
  if (!figures.length && !issues.length) throw validationError('文件中没有数据：表头下面至少要有一行月份、课别和销售额')
  return { figures, issues }
}

/** The issues as a validation error the screen and the CLI can list as 行、列、原因. */
function sheetError(issues: ImportIssue[]) {
  const rows = new Set(issues.map((i) => i.row)).size
  const fieldIssues: FieldIssue[] = issues.map((i) => ({ field: sheetIssueField(i.row, i.column), message: i.reason }))
  return validationError(
    `文件中有 ${rows} 行有错误（共 ${issues.length} 处），没有导入任何数据。请改正后重新导入。`,
    fieldIssues,
  )
}

/**
 * Imports a sheet of 月份, 课别, 销售额 (元): every row or none. Figures already entered for a month
 * and department are replaced; each change is audited with the figure before and after.
 */
export function commitStoreSalesSheet(db: Db, sheet: SheetData, actor: Actor): StoreSalesImportResult {
  const { figures, issues } = checkStoreSalesSheet(db, sheet)
  if (issues.length) throw sheetError(issues)
  return inTransaction(db, () => {
    let added = 0
    let replaced = 0
    for (const f of figures) {
      const before = findStoreSales(db, f.month, f.department)
      if (before) replaced++
      else added++
      writeStoreSales(db, { ...f, source: 'import' }, before?.amountFen ?? null, actor)
    }
    const warnings = sheet.warnings ?? []
    return { file: sheet.fileName, rows: figures.length, added, replaced, ...(warnings.length ? { warnings } : {}) }
  })
}

/** Reads an .xlsx or .csv file and imports it (see commitStoreSalesSheet). */
export async function importStoreSales(db: Db, file: string, actor: Actor): Promise<StoreSalesImportResult> {
  return commitStoreSalesSheet(db, await readSheetFile(file), actor)
}
