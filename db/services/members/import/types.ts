/** Shapes shared by the member importer, the contract and the CLI. */

export { IMPORT_FIELDS, type ImportField } from '../../../rules/importFields'
import type { ImportField } from '../../../rules/importFields'

/** One problem in one cell; `row` is the spreadsheet row number (the header is row 1). */
export interface ImportIssue {
  row: number
  column: string
  reason: string
}

/** For each column of the sheet (by position), the field it feeds, or null to ignore it. */
export type ColumnMapping = (ImportField | null)[]

export interface ImportPreview {
  /** Identifies the parsed file kept in memory between preview and commit. */
  token: string
  fileName: string
  totalRows: number
  headers: string[]
  mapping: ColumnMapping
  /** The first rows as they will be imported, keyed by field. */
  sample: { row: number; values: Partial<Record<ImportField, string>> }[]
  /** Every rejected row's problems (one entry per bad cell). */
  rejected: ImportIssue[]
  valid: number
  willInsert: number
  willUpdate: number
  /** Required fields that no column is mapped to. */
  missing: ImportField[]
  /** What the reader noticed but did not refuse (a workbook's other sheets), to show beside the counts */
  warnings: string[]
}

/** The CLI's `--json` output for every import is exactly this shape. */
export interface ImportResult {
  inserted: number
  updated: number
  rejected: ImportIssue[]
}

export interface ImportProgress {
  phase: 'read' | 'check' | 'write'
  done: number
  total: number
}
