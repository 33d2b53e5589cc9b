import { randomBytes } from 'node:crypto'
import { rename, rm, writeFile } from 'node:fs/promises'
import ExcelJS from 'exceljs'
import type { Actor } from '../../actor'
import { conflict } from '../../errors'
import { fileError } from '../../fileErrors'
import type { Db } from '../../handle'
import { maskIdNumber } from '../../rules/idNumber'
import { maskPhone } from '../../rules/phone'
import { recordAudit } from '../audit'

/**
 * The one way a list leaves the app as a spreadsheet: a column spec, rows in batches, .xlsx
 * (streamed) or .csv (UTF-8 with BOM), phones and ID numbers masked unless the caller may and
 * did ask for them in full, the file renamed into place only when complete, and one audit entry.
 */

export type Cell = string | number | Date | null
export type ExportFormat = 'xlsx' | 'csv'

export interface ListColumn<T> {
  header: string
  /** Excel column width in characters (a CJK character counts about two). */
  width: number
  value: (row: T) => Cell
  /**
   * phone / idNumber: the value is the raw number; it is masked (138****5678) unless the export is
   * full, and always written as text. text: digits that must stay text (card numbers, postcodes).
   */
  kind?: 'phone' | 'idNumber' | 'text'
}

/**
 * Text that Excel would run as a formula (= + - @, and tab/CR which some versions also accept
 * in front of one) gets a leading quote, so a name like "=HYPERLINK(…)" stays plain text.
 */
export function escapeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
}

const isoDate = (d: Date) => d.toISOString().slice(0, 10)

/** One CSV field per RFC 4180: quoted when it holds a comma, quote or line break. */
export function csvField(v: Cell): string {
  if (v === null) return ''
  const s = v instanceof Date ? isoDate(v) : typeof v === 'number' ? String(v) : escapeFormula(v)
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/**
 * A run of digits Excel must keep as text, as a CSV field. Opened by double-click, Excel turns
 * 13800138000 into a number shown as 1.38E+10 in its narrow default column (and drops leading
 * zeros, and rounds after 15 digits). The forms that survive are:
 * - `="13800138000"`: shown right, but it is a formula, and the SMS gateway or any other reader
 *   gets `="13800138000"` as the phone;
 * - `'13800138000`: Excel shows the apostrophe itself when it comes from a file (only a typed
 *   apostrophe is hidden);
 * - a tab in front: Excel takes the field as text and shows 13800138000, left-aligned, with no
 *   visible mark; readers that trim the field (gateways, csv-parse with trim, this app's own
 *   importer) get the plain number.
 * So a tab it is. Only pure digits get it (never user text), so no formula can ride along; the
 * masked form (138****5678) is text to Excel already and is written as it is.
 */
export function csvDigitsAsText(v: Cell): string {
  if (typeof v === 'string' && /^\d+$/.test(v)) return `\t${v}`
  return csvField(v)
}

export interface ListFileInput<T> {
  file: string
  format: ExportFormat
  /** The worksheet's name in the .xlsx */
  sheet: string
  columns: ListColumn<T>[]
  /** Rows in batches (an async generator lets a large list yield to the event loop between them) */
  batches: Iterable<T[]> | AsyncIterable<T[]>
  /** Phones and ID numbers in full (the handler has checked the role) */
  full: boolean
}

function cellOf<T>(c: ListColumn<T>, row: T, full: boolean): Cell {
  const v = c.value(row)
  if (full || typeof v !== 'string') return v
  if (c.kind === 'phone') return maskPhone(v)
  if (c.kind === 'idNumber') return maskIdNumber(v)
  return v
}

/** Writes the list; returns the number of rows. The target appears only when the file is complete. */
export async function writeListFile<T>(input: ListFileInput<T>): Promise<number> {
  const temp = `${input.file}.${randomBytes(4).toString('hex')}.part`
  try {
    const count =
      input.format === 'csv'
        ? await writeCsv(temp, input.columns, input.batches, input.full)
        : await writeXlsx(temp, input.sheet, input.columns, input.batches, input.full)
    await rename(temp, input.file)
    return count
  } catch (e) {
    await rm(temp, { force: true })
    throw explainFileError(e, input.file)
  }
}

/** Windows refuses to replace a file Excel has open; say so in words the user can act on. */
export function explainFileError(e: unknown, file?: string): unknown {
  const code = (e as NodeJS.ErrnoException)?.code
  if (code === 'EBUSY' || code === 'EPERM' || code === 'EACCES') {
    return conflict('无法写入该文件：它可能正在 Excel 中打开，或该位置没有写入权限。请关闭文件或换个位置后重试')
  }
  return fileError(e, file, 'write') ?? e
}

/** UTF-8 with a BOM (without it Excel reads the file as GBK) and CRLF line ends. */
async function writeCsv<T>(
  file: string,
  columns: ListColumn<T>[],
  batches: ListFileInput<T>['batches'],
  full: boolean,
): Promise<number> {
  const lines = [columns.map((c) => csvField(c.header)).join(',')]
  let count = 0
  for await (const rows of batches) {
    for (const row of rows) {
      lines.push(columns.map((c) => (c.kind ? csvDigitsAsText : csvField)(cellOf(c, row, full))).join(','))
    }
    count += rows.length
  }
  await writeFile(file, `\uFEFF${lines.join('\r\n')}\r\n`, 'utf8')
  return count
}

/**
 * Every cell gets one of these shared style objects: exceljs caches the style id per object, so
 * a fresh style per cell (its default) would double the time of a large export. Text columns
 * carry the '@' (text) format, so a number typed over one later stays text too.
 */
const STYLE = {
  header: { font: { bold: true } },
  date: { numFmt: 'yyyy-mm-dd' },
  text: { numFmt: '@' },
  plain: {},
} satisfies Record<string, Partial<ExcelJS.Style>>

async function writeXlsx<T>(
  file: string,
  sheet: string,
  columns: ListColumn<T>[],
  batches: ListFileInput<T>['batches'],
  full: boolean,
): Promise<number> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false })
  const ws = wb.addWorksheet(sheet, { views: [{ state: 'frozen', ySplit: 1 }] })
  ws.columns = columns.map((c) => ({ width: c.width, ...(c.kind ? { style: STYLE.text } : {}) }))
  const header = ws.addRow(columns.map((c) => c.header))
  header.eachCell((cell) => (cell.style = STYLE.header))
  header.commit()
  let count = 0
  for await (const rows of batches) {
    for (const r of rows) {
      // A string value makes exceljs write a string cell (t="s"/inlineStr), never a number.
      const values = columns.map((c) => {
        const v = cellOf(c, r, full)
        return typeof v === 'string' ? escapeFormula(v) : v
      })
      const row = ws.addRow(values)
      row.eachCell((cell, i) => {
        const kind = columns[i - 1]?.kind
        cell.style = kind ? STYLE.text : cell.value instanceof Date ? STYLE.date : STYLE.plain
      })
      row.commit()
    }
    count += rows.length
  }
  ws.commit()
  await wb.commit()
  return count
}

/**
 * Writes a list and records who exported what: `what` names the list (沉睡会员名单), never a
 * member; the entry says whether phones left in full.
 */
export async function exportListFile<T>(
  db: Db,
  input: ListFileInput<T> & { what: string; entity: string },
  actor: Actor,
): Promise<{ file: string; count: number }> {
  const count = await writeListFile(input)
  const hasIds = input.columns.some((c) => c.kind === 'idNumber')
  const numbers = hasIds ? '手机号和身份证号' : '手机号'
  const how = input.full ? `含完整${numbers}` : `${numbers}已打码`
  recordAudit(
    db,
    actor,
    'export',
    input.entity,
    null,
    `导出${input.what}${count}条（${input.format.toUpperCase()}，${how}）`,
  )
  return { file: input.file, count }
}
