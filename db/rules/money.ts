import { toHalfWidth } from './text'

/**
 * 元 → integer fen, the one parser every import, the desk and the screens' money inputs use.
 * Text is read digit by digit ("12.34" is exactly 1234, never 1233.9999): thousands separators,
 * full-width digits, ¥ and 元 are fine, more than two decimals is refused ("12.345" is not an
 * amount a till prints). Pure: the renderer imports it as well.
 */

/** Far above any single figure this app keeps, and still an exact integer in fen. */
const MAX_DIGITS = 13

/** Text in 元 as people write it → fen; null when it is not such an amount. */
export function yuanTextToFenSigned(text: string): number | null {
  const s = toHalfWidth(text).replace(/[\s,，¥￥元]/g, '')
  const m = /^([-+]?)(\d+)(?:\.(\d{0,2}))?$/.exec(s)
  if (!m || m[2]!.length > MAX_DIGITS) return null
  const fen = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'))
  return m[1] === '-' && fen !== 0 ? -fen : fen
}

/**
 * A number (a spreadsheet cell, a form's number input) in 元 → fen, through its two-decimal text:
 * 0.1 + 0.2 is 30 fen, 12.345 is refused rather than rounded one way or the other.
 */
export function yuanNumberToFen(value: number): number | null {
  if (!Number.isFinite(value) || Math.abs(value) >= 10 ** MAX_DIGITS) return null
  const fixed = value.toFixed(2)
  if (Math.abs(Number(fixed) - value) > 1e-9 * Math.max(1, Math.abs(value))) return null
  return yuanTextToFenSigned(fixed)
}

/** Either form; `signed: false` refuses negative amounts. */
export function parseYuan(value: unknown, opts: { signed?: boolean } = {}): number | null {
  const fen =
    typeof value === 'number' ? yuanNumberToFen(value) : typeof value === 'string' ? yuanTextToFenSigned(value) : null
  if (fen === null) return null
  if (!opts.signed && fen < 0) return null
  return fen
}

/** A whole number as sheets and forms write it (1,200, full-width digits); null otherwise. */
export function parseWholeNumber(value: unknown, opts: { signed?: boolean } = {}): number | null {
  let n: number
  if (typeof value === 'number') n = value
  else if (typeof value === 'string') {
    const s = toHalfWidth(value).replace(/[\s,，]/g, '')
    if (!/^[-+]?\d{1,15}$/.test(s)) return null
    n = Number(s)
  } else return null
  if (!Number.isSafeInteger(n) || (!opts.signed && n < 0)) return null
  return n === 0 ? 0 : n
}

const yuanFormat = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
/**
 * The one way money is written on screens, in exports' text and on paper: 元 with two decimals
 * and thousands separators, the unit after it (1,280.00 元), never ¥. `formatYuanNumber` is the same
 * number without the unit, for columns headed （元）.
 */
export const formatYuanNumber = (fen: number): string => yuanFormat.format(fen / 100)
export const formatYuan = (fen: number): string => `${formatYuanNumber(fen)} 元`
