import type { Actor } from '../../actor'
import { validationError } from '../../errors'
import { inTransaction, type Db } from '../../handle'
import { DEPARTMENT_MAX_LENGTH, normaliseDepartment, sheetIssueField } from '../../rules/storeSales'
import { toHalfWidth } from '../../rules/text'
import { recordAudit } from '../audit'
import { writeSheetFile } from '../gifts/sheetFile'
import { cellText } from '../members/import/cells'
import { readSheetFile, type SheetData } from '../members/import/read'
import type { ImportIssue } from '../members/import/types'
import { canonicalDepartment, insertCounter, insertDepartment, listDepartments } from './list'

/** A department list file: one row per counter (课别, 专柜), or a 课别 alone for one without counters. */
export const DEPARTMENT_HEADERS = ['课别', '专柜'] as const

export interface DepartmentImportResult {
  file: string
  rows: number
  /** Departments and counters the list did not have */
  addedDepartments: number
  addedCounters: number
}

interface Line {
  row: number
  department: string
  counter: string
}

function check(db: Db, sheet: SheetData): { lines: Line[]; issues: ImportIssue[] } {
  const headers = sheet.headers.map((h) => toHalfWidth(h).replace(/\s/g, ''))
  const depCol = headers.indexOf('课别')
  const counterCol = headers.indexOf('专柜') >= 0 ? headers.indexOf('专柜') : headers.indexOf('柜台')
  if (depCol < 0)
    throw validationError('文件缺少表头"课别"。第一行须为：课别、专柜', [
      { field: sheetIssueField(1, '课别'), message: '缺少这一列' },
    ])
  const DEP = sheet.headers[depCol]!
  const COUNTER = counterCol >= 0 ? sheet.headers[counterCol]! : '专柜'
  const lines: Line[] = []
  const issues: ImportIssue[] = []
  for (const { row, cells } of sheet.rows) {
    const before = issues.length
    const department = normaliseDepartment(cellText(cells[depCol]))
    const counter = counterCol >= 0 ? normaliseDepartment(cellText(cells[counterCol])) : ''
    if (!department) issues.push({ row, column: DEP, reason: '没有课别' })
    else if (department.length > DEPARTMENT_MAX_LENGTH)
      issues.push({ row, column: DEP, reason: `课别最多 ${DEPARTMENT_MAX_LENGTH} 个字` })
    if (counter.length > DEPARTMENT_MAX_LENGTH)
      issues.push({ row, column: COUNTER, reason: `专柜最多 ${DEPARTMENT_MAX_LENGTH} 个字` })
    if (issues.length === before)
      lines.push({ row, department: canonicalDepartment(db, department) ?? department, counter })
  }
  if (!lines.length && !issues.length) throw validationError('文件中没有数据行')
  return { lines, issues }
}

/**
 * Imports a list of 课别 and 专柜: adds what the list lacks (a 课别 may be an old name or a mapped
 * variant: its counters go to the department it means), never removes or deactivates anything.
 * Every row or none: any bad row and nothing is written.
 */
export function commitDepartmentSheet(db: Db, sheet: SheetData, actor: Actor): DepartmentImportResult {
  const { lines, issues } = check(db, sheet)
  if (issues.length) {
    const rows = new Set(issues.map((i) => i.row)).size
    throw validationError(
      `文件中有 ${rows} 行有错误（共 ${issues.length} 处），没有导入任何数据。请改正后重新导入。`,
      issues.map((i) => ({ field: sheetIssueField(i.row, i.column), message: i.reason })),
    )
  }
  return inTransaction(db, () => {
    const known = new Map(
      listDepartments(db).map((d) => [d.name, { id: d.id, counters: new Set(d.counters.map((c) => c.name)) }]),
    )
    let addedDepartments = 0
    let addedCounters = 0
    for (const l of lines) {
      let d = known.get(l.department)
      if (!d) {
        d = { id: insertDepartment(db, l.department, actor), counters: new Set() }
        known.set(l.department, d)
        addedDepartments++
      }
      if (l.counter && !d.counters.has(l.counter)) {
        insertCounter(db, d.id, l.counter)
        d.counters.add(l.counter)
        addedCounters++
      }
    }
    recordAudit(
      db,
      actor,
      'import',
      'department',
      null,
      `导入课别与专柜 ${sheet.fileName}：新增课别 ${addedDepartments} 个、专柜 ${addedCounters} 个`,
    )
    return { file: sheet.fileName, rows: lines.length, addedDepartments, addedCounters }
  })
}

export async function importDepartments(db: Db, file: string, actor: Actor): Promise<DepartmentImportResult> {
  return commitDepartmentSheet(db, await readSheetFile(file), actor)
}

/** The list as 课别, 专柜, 状态 (one row per counter): the import reads it back unchanged. */
export async function exportDepartments(
  db: Db,
  input: { file: string; format: 'xlsx' | 'csv' },
  actor: Actor,
): Promise<{ file: string; count: number }> {
  const rows: (string | null)[][] = [['课别', '专柜', '状态']]
  const list = listDepartments(db)
  for (const d of list) {
    if (!d.counters.length) rows.push([d.name, '', d.active ? '启用' : '停用'])
    for (const c of d.counters) rows.push([d.name, c.name, d.active && c.active ? '启用' : '停用'])
  }
  await writeSheetFile(input.file, input.format, [{ name: '课别与专柜', widths: [16, 20, 8], rows, bold: [0] }])
  recordAudit(
    db,
    actor,
    'export',
    'department',
    null,
    `导出课别与专柜 ${list.length} 个课别（${input.format.toUpperCase()}）`,
  )
  return { file: input.file, count: list.length }
}
