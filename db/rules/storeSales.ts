import { parseYuan } from './money'
import { toHalfWidth } from './text'

/**
 * 全店销售: the store's own monthly sales per department, typed in 元 by the planners or read from
 * their sheet. Pure: the screen uses the same parsing as the import, so a figure means the same.
 */

/** The sheet's columns, exactly as the planners' template names them. */
export const STORE_SALES_HEADERS = ['月份', '课别', '销售额'] as const

/** 10^13 fen (100 billion 元): far above any store, low enough to stay an exact integer. */
export const MAX_STORE_SALES_FEN = 10 ** 13
export const DEPARTMENT_MAX_LENGTH = 20

/**
 * 元 as people write it ("1,234,567.89", full-width digits, ¥ or 元 around it, at most two
 * decimals) → fen, by digits rather than by floating point, so 0.29 元 is 29 fen and never 28.
 * null when it is not such an amount (negative amounts included).
 */
export const yuanTextToFen = (text: string): number | null => parseYuan(text)

/** Month text in the spellings sheets use: 2026-03, 2026/3, 2026.3, 2026年3月 → 202603, else null. */
export function monthTextToKey(text: string): number | null {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$/.exec(toHalfWidth(text))
  if (!m) return null
  const y = Number(m[1])
  const mo = Number(m[2])
  if (y < 2000 || y > 2100 || mo < 1 || mo > 12) return null
  return y * 100 + mo
}

/** A department name as stored: half-width, trimmed, inner white space collapsed. */
export const normaliseDepartment = (text: string) => toHalfWidth(text).replace(/\s+/g, ' ')

/**
 * A bad cell of an import travels as a validation issue whose field is "row:column", so the
 * screen can show 行、列、原因 from the error envelope alone.
 */
export const sheetIssueField = (row: number, column: string) => `${row}:${column}`

export function parseSheetIssueField(field: string): { row: number; column: string } | null {
  const m = /^(\d+):(.*)$/.exec(field)
  return m ? { row: Number(m[1]), column: m[2]! } : null
}
