import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'

/**
 * Builds the spreadsheets the importer meets in real life, at test time and in a temp folder,
 * so no binary fixture is committed and each test shows exactly what its file contains.
 */

export interface SheetDir {
  dir: string
  path(name: string): string
  remove(): void
}

export function makeSheetDir(): SheetDir {
  const dir = mkdtempSync(join(tmpdir(), 'vipdesk-sheets-'))
  return { dir, path: (name) => join(dir, name), remove: () => rmSync(dir, { recursive: true, force: true }) }
}

/** Any value exceljs accepts in a cell: text, numbers, Date cells, rich text, formulas. */
export type XlsxCell = ExcelJS.CellValue

/**
 * Writes rows (the first is the header) to the first worksheet; `null` rows leave an empty row,
 * so row numbers in the file match the array index + 1. A second sheet is added to check that
 * only the first is read.
 */
export async function writeXlsx(file: string, rows: (XlsxCell[] | null)[], opts: { textColumns?: number[] } = {}) {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('会员')
  rows.forEach((cells, i) => {
    if (!cells) return
    const row = ws.getRow(i + 1)
    cells.forEach((v, c) => {
      if (v !== null && v !== undefined) row.getCell(c + 1).value = v
    })
    row.commit()
  })
  // Text-formatted columns, as staff set them so that Excel keeps leading zeros.
  for (const c of opts.textColumns ?? []) ws.getColumn(c).numFmt = '@'
  wb.addWorksheet('说明').addRow(['这张表不应被导入'])
  await wb.xlsx.writeFile(file)
}

/** A Date cell as Excel stores one: the calendar day at UTC midnight. */
export const excelDate = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d))

/** RFC 4180 text for string rows. */
export function csvText(rows: string[][], eol = '\r\n'): string {
  const field = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s)
  return rows.map((r) => r.map(field).join(',')).join(eol) + eol
}

export function writeCsv(file: string, rows: string[][], encoding: 'utf8' | 'utf8-bom' | 'gbk' = 'utf8-bom') {
  const text = csvText(rows)
  if (encoding === 'gbk') writeFileSync(file, encodeGbk(text))
  else writeFileSync(file, (encoding === 'utf8-bom' ? '\uFEFF' : '') + text, 'utf8')
}

let gbkTable: Map<string, number[]> | undefined

/**
 * Node can decode GBK but not encode it, so the table is built by decoding every two-byte GBK
 * code once and inverting the result. Good enough for test text; ASCII passes through.
 */
export function encodeGbk(text: string): Buffer {
  if (!gbkTable) {
    gbkTable = new Map()
    const decoder = new TextDecoder('gbk')
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue
        const ch = decoder.decode(new Uint8Array([lead, trail]))
        if (ch.length === 1 && ch !== '\uFFFD' && !gbkTable.has(ch)) gbkTable.set(ch, [lead, trail])
      }
    }
  }
  const bytes: number[] = []
  for (const ch of text) {
    const code = ch.codePointAt(0)!
    if (code < 0x80) bytes.push(code)
    else {
      const pair = gbkTable.get(ch)
      if (!pair) throw new Error(`not encodable in GBK: ${ch}`)
      bytes.push(...pair)
    }
  }
  return Buffer.from(bytes)
}

/** Reads an .xlsx back as plain rows (for asserting on an export). */
export async function readXlsxRows(file: string): Promise<{ rows: unknown[][]; sheet: ExcelJS.Worksheet }> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(file)
  const sheet = wb.worksheets[0]!
  const rows: unknown[][] = []
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)))
  return { rows, sheet }
}
