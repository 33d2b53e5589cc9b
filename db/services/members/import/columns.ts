import { validationError } from '../../../errors'
import { labelOf } from '../../../validate'
import { cellText } from './cells'
import type { SheetData } from './read'
import { IMPORT_FIELDS, type ColumnMapping, type ImportField, type ImportPreview } from './types'

/** Fields an import cannot do without: the upsert key and what a new member must have. */
export const REQUIRED_FIELDS: readonly ImportField[] = ['cardNo', 'name']

/** A mapping checked against the sheet: which column feeds each field, and how to name it. */
export interface ColumnPlan {
  headers: string[]
  mapping: ColumnMapping
  col: Partial<Record<ImportField, number>>
  missing: ImportField[]
  /** 地址 mapped without 省/市/区: the importer splits the one column itself. */
  splitAddress: boolean
}

const isField = (f: unknown): f is ImportField => typeof f === 'string' && Object.hasOwn(IMPORT_FIELDS, f)

/**
 * Validates a column mapping. Two columns feeding one field would make the result depend on
 * column order, so that is refused with a message naming both columns.
 */
export function planColumns(sheet: SheetData, mapping: ColumnMapping): ColumnPlan {
  const headers = sheet.headers
  const normalised: ColumnMapping = headers.map((_, i) => (isField(mapping[i]) ? mapping[i]! : null))
  const col: Partial<Record<ImportField, number>> = {}
  normalised.forEach((field, i) => {
    if (!field) return
    const first = col[field]
    if (first !== undefined) {
      throw validationError(`"${headers[first]}"和"${headers[i]}"两列都对应「${IMPORT_FIELDS[field]}」，请只保留一列`)
    }
    col[field] = i
  })
  const missing = REQUIRED_FIELDS.filter((f) => col[f] === undefined)
  const splitAddress =
    col.address !== undefined && col.province === undefined && col.city === undefined && col.district === undefined
  return { headers, mapping: normalised, col, missing, splitAddress }
}

/**
 * The name a problem is reported under: the sheet's own header for the field's column, so the
 * user can find the cell; the field's Chinese label when no single column holds it.
 */
export function columnName(plan: ColumnPlan, field: string): string {
  const f = plan.splitAddress && (field === 'province' || field === 'city' || field === 'district') ? 'address' : field
  const i = isField(f) ? plan.col[f] : undefined
  return i !== undefined ? plan.headers[i]! : fieldLabel(field)
}

export const fieldLabel = (field: string) => (isField(field) ? IMPORT_FIELDS[field] : labelOf(field))

export const missingMessage = (missing: ImportField[]) =>
  `请先为${missing.map((f) => `「${IMPORT_FIELDS[f]}」`).join('和')}指定对应的列`

/** The first rows as text, keyed by field, for the preview table. */
export function sampleRows(sheet: SheetData, plan: ColumnPlan, count = 20): ImportPreview['sample'] {
  return sheet.rows.slice(0, count).map((r) => {
    const values: Partial<Record<ImportField, string>> = {}
    for (const [field, i] of Object.entries(plan.col) as [ImportField, number][]) values[field] = cellText(r.cells[i])
    return { row: r.row, values }
  })
}
