import { toHalfWidth } from './text'

export interface Ymd {
  y: number
  m: number
  d: number
}

const pad2 = (n: number) => String(n).padStart(2, '0')
export const formatYmd = ({ y, m, d }: Ymd) => `${y}-${pad2(m)}-${pad2(d)}`
export const ymdToInt = ({ y, m, d }: Ymd) => y * 10000 + m * 100 + d
export const intToYmd = (n: number): Ymd => ({ y: Math.floor(n / 10000), m: Math.floor(n / 100) % 100, d: n % 100 })

export function isValidSolar({ y, m, d }: Ymd): boolean {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return false
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate()
  return d <= days
}

/** Excel stores dates as days since 1899-12-30 (with its 1900 leap-year bug already folded in). */
export function excelSerialToYmd(serial: number): Ymd {
  const ms = Math.round(serial) * 86400000 + Date.UTC(1899, 11, 30)
  const dt = new Date(ms)
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() }
}

/** A spreadsheet date cell arrives as a Date at UTC midnight. */
export const cellDateToYmd = (date: Date): Ymd => ({
  y: date.getUTCFullYear(),
  m: date.getUTCMonth() + 1,
  d: date.getUTCDate(),
})

export interface ParsedDateText extends Ymd {
  /** true when the month was written with 闰 (lunar leap month) */
  leap: boolean
}

/**
 * Reads the date forms found in real sheets: 1990-01-02, 1990/1/2, 1990.1.2, 19900102,
 * 1990年1月2日, and for lunar dates a 闰 before the month (1990-闰5-10, 1990年闰5月10日).
 */
export function parseDateText(raw: string): ParsedDateText | null {
  const s = toHalfWidth(raw).replace(/\s/g, '')
  let m = /^(\d{4})(\d{2})(\d{2})$/.exec(s)
  if (m) return { y: +m[1]!, m: +m[2]!, d: +m[3]!, leap: false }
  m = /^(\d{4})[-/.](闰)?(\d{1,2})[-/.](\d{1,2})$/.exec(s)
  if (m) return { y: +m[1]!, m: +m[3]!, d: +m[4]!, leap: !!m[2] }
  m = /^(\d{4})年(闰)?(\d{1,2})月(\d{1,2})[日号]?$/.exec(s)
  if (m) return { y: +m[1]!, m: +m[3]!, d: +m[4]!, leap: !!m[2] }
  if (/^\d{5}(\.0+)?$/.test(s)) {
    const serial = Number(s)
    if (serial > 0 && serial < 80000) return { ...excelSerialToYmd(serial), leap: false }
  }
  return null
}

/** A strict 'YYYY-MM-DD' that names a real day (no zone involved: a day is a calendar day). */
export function parseIsoDay(text: string): Ymd | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  if (!m) return null
  const day = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) }
  return isValidSolar(day) ? day : null
}

/** yyyymmdd → 'YYYY-MM-DD' */
export const dayString = (n: number): string => formatYmd(intToYmd(n))
