import { randomBytes } from 'node:crypto'
import { rename, rm, writeFile } from 'node:fs/promises'
import ExcelJS from 'exceljs'
import { csvField, escapeFormula, explainFileError } from '../members/export'

export type SheetValue = string | number | null

export interface SheetPart {
  /** Worksheet name (xlsx) */
  name: string
  /** Column widths in characters (a CJK character counts about two) */
  widths: number[]
  rows: SheetValue[][]
  /** Indexes of rows in bold (headings) */
  bold?: number[]
  /** Columns holding 元 amounts, shown with two decimals */
  money?: number[]
}

const STYLE = {
  bold: { font: { bold: true } },
  money: { numFmt: '0.00' },
  boldMoney: { font: { bold: true }, numFmt: '0.00' },
  plain: {},
} satisfies Record<string, Partial<ExcelJS.Style>>

/**
 * Writes rows as .xlsx or .csv the way the member export does: formula-looking text escaped,
 * CSV as UTF-8 with a BOM and CRLF (only the first part), and the file appearing only when
 * complete (written beside the target, then renamed).
 */
export async function writeSheetFile(file: string, format: 'xlsx' | 'csv', parts: SheetPart[]): Promise<void> {
  const temp = `${file}.${randomBytes(4).toString('hex')}.part`
  try {
    if (format === 'csv') {
      const lines = (parts[0]?.rows ?? []).map((r) => r.map(csvField).join(','))
      await writeFile(temp, `\uFEFF${lines.join('\r\n')}\r\n`, 'utf8')
    } else await writeXlsx(temp, parts)
    await rename(temp, file)
  } catch (e) {
    await rm(temp, { force: true })
    throw explainFileError(e, file)
  }
}

async function writeXlsx(file: string, parts: SheetPart[]) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false })
  for (const part of parts) {
    const ws = wb.addWorksheet(part.name, { views: [{ state: 'frozen', ySplit: 1 }] })
    ws.columns = part.widths.map((width) => ({ width }))
    const money = new Set(part.money ?? [])
    const bold = new Set(part.bold ?? [])
    part.rows.forEach((values, i) => {
      const row = ws.addRow(values.map((v) => (typeof v === 'string' ? escapeFormula(v) : v)))
      row.eachCell((cell, col) => {
        const isMoney = money.has(col - 1) && typeof cell.value === 'number'
        cell.style = bold.has(i) ? (isMoney ? STYLE.boldMoney : STYLE.bold) : isMoney ? STYLE.money : STYLE.plain
      })
      row.commit()
    })
    ws.commit()
  }
  await wb.commit()
}
