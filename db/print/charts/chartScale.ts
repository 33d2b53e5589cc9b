/**
 * Axis scales and colours shared by the dashboard's chart options (screen and printed report).
 * Pure: no DOM, no echarts runtime.
 */

export interface MoneyScale {
  /** '元' or '万元' */
  unit: string
  /** fen per axis unit */
  divisor: number
}

/** 元 on the axis, 万元 once the largest value reaches 10 万元 (long axis labels crowd the chart). */
export function moneyScale(fens: Iterable<number | null>): MoneyScale {
  let max = 0
  for (const f of fens) if (f != null && Math.abs(f) > max) max = Math.abs(f)
  return max >= 10_000_000 ? { unit: '万元', divisor: 1_000_000 } : { unit: '元', divisor: 100 }
}

/** fen → the scale's unit, rounded to what the axis can show. */
export function inUnit(fen: number, scale: MoneyScale): number {
  const v = fen / scale.divisor
  return scale.divisor === 100 ? Math.round(v * 100) / 100 : Math.round(v * 10) / 10
}

/** 0.1234 → 12.3 (percent, one decimal); null stays null (no store sales entered). */
export const sharePercent = (share: number | null): number | null =>
  share == null ? null : Math.round(share * 1000) / 10

/** A calm palette that stays readable in greyscale print: blue, teal, amber, rose, violet, grey. */
export const PALETTE = ['#2f6f8f', '#3aa37a', '#d9a03f', '#c8553d', '#7a5fa8', '#7f8c8d', '#4b9cd3', '#a3b86c']
export const WINNER_COLOUR = '#b8860b'
export const LINE_COLOUR = '#c8553d'

/** The department of sales that were not booked to one (no 课别 on the receipt). */
export const NO_DEPARTMENT = '未分课别'
export const departmentLabel = (d: string): string => d || NO_DEPARTMENT

/** 'YYYY-MM-DD' → 'D日', 'YYYY-MM' → 'M月' (the year is in the card's title and the tooltip). */
export function periodLabel(period: string): string {
  const parts = period.split('-')
  return parts.length === 3 ? `${Number(parts[2])}日` : `${Number(parts[1])}月`
}

/** 'YYYY-MM' → '2026年3月', 'YYYY-MM-DD' → '2026年3月5日' */
export function periodChinese(period: string): string {
  const [y, m, d] = period.split('-')
  return `${y}年${Number(m)}月${d ? `${Number(d)}日` : ''}`
}
