import { statSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { basename, extname } from 'node:path'
import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import { validationError } from '../../../errors'
import { fileError, withFileErrors } from '../../../fileErrors'
import type { Cell } from './cells'
import type { ImportProgress } from './types'

/** A sheet read into memory: header texts and raw cell values, row numbers as in the sheet. */
export interface SheetData {
  fileName: string
  headers: string[]
  /** Data rows; `row` is the spreadsheet row number (header = row 1). */
  rows: { row: number; cells: Cell[] }[]
  /** Things the user should know that do not stop the import (a workbook's other sheets). */
  warnings?: string[]
}

type Progress = (p: ImportProgress) => void

/** Reads the first worksheet of an .xlsx or a .csv (UTF-8 with or without BOM, GBK, UTF-16). */
export async function readSheetFile(file: string, onProgress?: Progress): Promise<SheetData> {
  const ext = extname(file).toLowerCase()
  // Missing, a folder, or not ours to read: said before the file type, which would only mislead.
  const kind = withFileErrors(file, 'read', () => statSync(file))
  if (kind.isDirectory()) throw fileError({ code: 'EISDIR' }, file, 'read')
  let grid: Grid
  let warnings: string[] = []
  if (ext === '.xlsx') ({ grid, warnings } = await readXlsx(file, onProgress))
  else if (ext === '.csv' || ext === '.txt') grid = await withFileErrors(file, 'read', () => readCsv(file, onProgress))
  else throw validationError('只能导入 .xlsx 或 .csv 文件（旧版 .xls 请先在 Excel 中另存为 .xlsx）')
  const sheet = toSheet(basename(file), grid)
  if (warnings.length) sheet.warnings = warnings
  return sheet
}

type Grid = { row: number; cells: Cell[] }[]

const isEmptyCell = (c: Cell | undefined) => c === null || c === undefined || (typeof c === 'string' && c.trim() === '')

/** Column letters as Excel shows them, for header cells left blank. */
export function columnLetter(index: number): string {
  let n = index + 1
  let s = ''
  while (n > 0) {
    const r = (n - 1) % 26
    s = String.fromCharCode(65 + r) + s
    n = Math.floor((n - 1) / 26)
  }
  return s
}

/**
 * The first non-empty row is the header; fully empty rows are dropped but every row keeps the
 * number the user sees in Excel, because that is how rejected rows are reported.
 */
export function toSheet(fileName: string, grid: { row: number; cells: Cell[] }[]): SheetData {
  const rows = grid.filter((r) => r.cells.some((c) => !isEmptyCell(c)))
  const head = rows.shift()
  if (!head) throw validationError('文件是空的：没有找到表头行')
  // Succeeding with nothing imported would read as "done" to someone who picked the wrong file.
  if (!rows.length) throw validationError('文件中没有数据行：表头下面没有任何数据，没有可导入的内容')
  let width = head.cells.length
  for (const r of rows) width = Math.max(width, r.cells.length)
  const headers: string[] = []
  for (let i = 0; i < width; i++) {
    const h = head.cells[i]
    const text = h instanceof Date ? h.toISOString().slice(0, 10) : isEmptyCell(h) ? '' : String(h).trim()
    headers.push(text || `（${columnLetter(i)}列）`)
  }
  return { fileName, headers, rows }
}

// ---- .xlsx -------------------------------------------------------------------------------

/** What exceljs may put in a cell, reduced to the plain value it shows. */
function plainValue(v: unknown): Cell {
  if (v === null || v === undefined) return null
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>
    if (Array.isArray(o.richText)) return (o.richText as { text?: string }[]).map((r) => r.text ?? '').join('')
    if ('formula' in o || 'sharedFormula' in o) return plainValue(o.result)
    if ('hyperlink' in o || 'text' in o) return plainValue(o.text)
    if ('error' in o) return null
  }
  return null
}

/**
 * exceljs's streaming reader decodes each 16 KB chunk of the unzipped XML on its own, so a
 * Chinese character that straddles two chunks turns into U+FFFD (a known, unfixed exceljs bug:
 * about one row in 1,500 of a 100k-row sheet came back garbled). The whole-workbook reader decodes
 * each part in one piece; it costs more memory (about 1 GB for 100,000 rows) but reads every
 * character as written.
 */
async function readXlsx(file: string, onProgress?: Progress): Promise<{ grid: Grid; warnings: string[] }> {
  const total = statSync(file).size
  onProgress?.({ phase: 'read', done: 0, total })
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.readFile(file)
  } catch (e) {
    throw (
      fileError(e, file, 'read') ??
      validationError('无法读取该 Excel 文件：文件已损坏，或并不是 .xlsx 格式（旧版 .xls 请先在 Excel 中另存为 .xlsx）')
    )
  }
  const [sheet, ...others] = workbook.worksheets
  const grid: Grid = []
  const uncached: string[] = []
  sheet?.eachRow({ includeEmpty: false }, (row, number) => {
    const values = row.values as unknown[]
    const cells: Cell[] = []
    // row.values is 1-based and sparse
    for (let i = 1; i < values.length; i++) {
      if (isUncachedFormula(values[i])) uncached.push(`第 ${number} 行 ${columnLetter(i - 1)} 列`)
      cells.push(plainValue(values[i]))
    }
    grid.push({ row: number, cells })
  })
  onProgress?.({ phase: 'read', done: total, total })
  // Read as empty, such a cell would silently become a blank amount, card or opening balance.
  if (uncached.length)
    throw validationError(
      `${uncached.slice(0, 5).join('、')}${uncached.length > 5 ? ` 等 ${uncached.length} 处` : ''}是公式，但文件里没有保存计算结果（常见于程序生成、未在 Excel 中打开保存过的文件）。请在 Excel 中打开该文件、保存后再导入，或把公式改为数值。`,
    )
  const warnings = others.length
    ? [
        `只读取了第一个工作表「${sheet!.name}」，另外 ${others.length} 个工作表（${others.map((w) => `「${w.name}」`).join('、')}）没有读取`,
      ]
    : []
  return { grid, warnings }
}

/** A formula cell whose value the file does not carry (never calculated by a spreadsheet program). */
function isUncachedFormula(v: unknown): boolean {
  if (!v || typeof v !== 'object' || v instanceof Date) return false
  const o = v as Record<string, unknown>
  return ('formula' in o || 'sharedFormula' in o) && (o.result === undefined || o.result === null)
}

// ---- .csv --------------------------------------------------------------------------------

/**
 * Excel saves "CSV UTF-8" with a BOM, plain "CSV" in the system code page (GBK on Chinese
 * Windows) and "Unicode text" as UTF-16 with tabs. A strict UTF-8 decode fails on GBK bytes.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes)
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes)
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return new TextDecoder('gbk').decode(bytes)
  }
}

/** Comma, tab or semicolon, whichever the header line uses most (outside quotes). */
function guessDelimiter(text: string): string {
  const end = text.search(/\r?\n/)
  const line = (end < 0 ? text : text.slice(0, end)).replace(/"[^"]*"/g, '')
  let best = ','
  let most = 0
  for (const d of [',', '\t', ';']) {
    const n = line.split(d).length - 1
    if (n > most) {
      best = d
      most = n
    }
  }
  return best
}

async function readCsv(file: string, onProgress?: Progress): Promise<Grid> {
  const bytes = await readFile(file)
  onProgress?.({ phase: 'read', done: bytes.length, total: bytes.length })
  const text = decodeText(bytes).replace(/^\uFEFF/, '')
  let records: string[][]
  try {
    records = parse(text, {
      delimiter: guessDelimiter(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    }) as string[][]
  } catch (e) {
    throw validationError(`无法读取该 CSV 文件：${(e as Error).message}`)
  }
  // One CSV record is one spreadsheet row, even when a quoted cell spans several lines.
  return records.map((cells, i) => ({ row: i + 1, cells }))
}
