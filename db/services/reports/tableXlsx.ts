import { randomBytes } from 'node:crypto'
import { rename, rm, writeFile } from 'node:fs/promises'
import ExcelJS from 'exceljs'
import { escapeFormula, explainFileError } from '../members/export'
import { columnFor, excelFormat, excelValue, formatCell, formatStamp } from '../../rules/tableFormat'
import type { ReportRow, ReportTable } from './tables'

/** Who made the file and when: printed under the title of every exported table. */
export interface ReportStamp {
  generatedAt: number
  /** The store's zone generatedAt is shown in */
  timeZone: string
  operator: string
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF1ECE4' } }
const THIN: ExcelJS.Border = { style: 'thin', color: { argb: 'FFBBBBBB' } }
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, bottom: THIN, left: THIN, right: THIN }

/** Characters as Excel counts column width: a CJK character takes about two. */
const width = (s: string) =>
  [...s].reduce((w, ch) => w + (/[\u2e80-\ua4cf\uac00-\ud7a3\uff00-\uffef]/.test(ch) ? 2 : 1), 0)

/**
 * One sheet: the title, a line with period, time and operator, the bold filled header (frozen),
 * the rows as real numbers with number formats (元 in 元, shares as fractions), totals in bold.
 */
export async function reportTableXlsx(table: ReportTable, stamp: ReportStamp): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = 'VIP 会员管家'
  wb.created = new Date(stamp.generatedAt)
  const ws = wb.addWorksheet(table.title.slice(0, 31), { views: [{ state: 'frozen', ySplit: 3 }] })
  const n = table.columns.length
  const title = ws.addRow([table.title])
  title.font = { bold: true, size: 14 }
  title.height = 22
  ws.addRow([
    `期间：${table.period}    生成时间：${formatStamp(stamp.generatedAt, stamp.timeZone)}    操作员：${stamp.operator}`,
  ]).font = {
    color: { argb: 'FF555555' },
  }
  if (n > 1) {
    ws.mergeCells(1, 1, 1, n)
    ws.mergeCells(2, 1, 2, n)
  }
  const header = ws.addRow(table.columns.map((c) => c.title))
  header.eachCell((cell, col) => {
    cell.font = { bold: true }
    cell.fill = HEADER_FILL
    cell.border = BORDER
    cell.alignment = { horizontal: table.columns[col - 1]!.kind === 'text' ? 'left' : 'right', vertical: 'middle' }
  })
  const widths = table.columns.map((c) => Math.max(8, width(c.title) + 2))
  const subtotals = new Set(table.subtotals ?? [])
  const add = (row: ReportRow, index: number, bold: boolean) => {
    const columns = table.columns.map((c) => columnFor(c, table.rowKinds, index))
    const r = ws.addRow(
      columns.map((c) => {
        const v = excelValue(row[c.key], c.kind)
        return typeof v === 'string' ? escapeFormula(v) : v
      }),
    )
    columns.forEach((c, i) => {
      const cell = r.getCell(i + 1)
      const format = excelFormat(c)
      if (format) cell.numFmt = format
      cell.border = BORDER
      if (bold) cell.font = { bold: true }
      widths[i] = Math.max(widths[i]!, width(formatCell(row[c.key], c)) + 2)
    })
  }
  table.rows.forEach((row, i) => add(row, i, subtotals.has(i)))
  if (table.footer) add(table.footer, -1, true)
  if (table.note) {
    ws.addRow([])
    ws.addRow([table.note]).font = { color: { argb: 'FF666666' }, size: 9 }
  }
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = Math.min(60, w)))
  return Buffer.from(await wb.xlsx.writeBuffer())
}

/** Writes the file whole or not at all (beside it, then renamed); Excel holding it open is explained. */
export async function writeReportTableXlsx(file: string, table: ReportTable, stamp: ReportStamp): Promise<void> {
  const temp = `${file}.${randomBytes(4).toString('hex')}.part`
  try {
    await writeFile(temp, await reportTableXlsx(table, stamp))
    await rename(temp, file)
  } catch (e) {
    await rm(temp, { force: true })
    throw explainFileError(e, file)
  }
}
