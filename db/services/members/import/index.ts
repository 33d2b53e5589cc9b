/**
 * Member import from .xlsx / .csv (UTF-8 or GBK). STUB — being implemented.
 */
import type { Actor } from '../../../actor'
import type { Db } from '../../../handle'
import type { ColumnMapping, ImportPreview, ImportProgress, ImportResult } from './types'

export * from './types'

/** A sheet read into memory: header texts and raw cell values, row numbers as in the sheet. */
export interface SheetData {
  fileName: string
  headers: string[]
  /** Data rows; `row` is the spreadsheet row number (header = row 1). */
  rows: { row: number; cells: (string | number | boolean | Date | null)[] }[]
}

export async function readSheetFile(_file: string, _onProgress?: (p: ImportProgress) => void): Promise<SheetData> {
  throw new Error('not implemented')
}

export function guessMapping(_headers: string[]): ColumnMapping {
  throw new Error('not implemented')
}

export function previewMemberImport(_db: Db, _sheet: SheetData, _mapping?: ColumnMapping): Omit<ImportPreview, 'token'> {
  throw new Error('not implemented')
}

export async function commitMemberImport(
  _db: Db,
  _sheet: SheetData,
  _mapping: ColumnMapping,
  _actor: Actor,
  _onProgress?: (p: ImportProgress) => void,
): Promise<ImportResult> {
  throw new Error('not implemented')
}
