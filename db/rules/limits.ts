/**
 * Bounds on what may enter the books (settings key `limits`). A value past them is a typing or
 * unit mistake — a till line of a billion 元 makes a 钻石卡 and a KPI of 2e14 — so every import,
 * the desk, the forms and the CLI refuse it with the reason. Pure: the renderer shows the same.
 */
import { formatYmd, intToYmd } from './dates'

export interface Limits {
  /** One till line, absolute value, in fen */
  maxLineFen: number
  /** Earliest purchase date, yyyymmdd */
  earliestPurchaseDay: number
  /** How many days after the store's today a purchase may be dated (tills a little ahead) */
  futureDays: number
  /** An imported opening balance (期初积分) */
  maxOpeningPoints: number
  /** A gift's unit cost, in fen */
  maxGiftUnitCostFen: number
  /** A gift's points price */
  maxGiftPointsPrice: number
  /** One stock quantity (opening, receipt, reorder level) */
  maxStockQuantity: number
  receiptNoLength: number
  departmentLength: number
  counterLength: number
}

export const DEFAULT_LIMITS: Limits = {
  maxLineFen: 100_000_000,
  earliestPurchaseDay: 19900101,
  futureDays: 1,
  maxOpeningPoints: 10_000_000,
  maxGiftUnitCostFen: 10_000_000,
  maxGiftPointsPrice: 10_000_000,
  maxStockQuantity: 1_000_000,
  receiptNoLength: 40,
  departmentLength: 20,
  counterLength: 20,
}

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 })
const yuan = (fen: number) => `${grouped.format(fen / 100)} 元`

/** The last day a purchase may carry: the store's today plus `futureDays`. */
export function latestPurchaseDay(limits: Limits, todayInt: number): number {
  const t = intToYmd(todayInt)
  const d = new Date(Date.UTC(t.y, t.m - 1, t.d + limits.futureDays))
  return d.getUTCFullYear() * 10000 + (d.getUTCMonth() + 1) * 100 + d.getUTCDate()
}

/** Why a till line's amount is refused, or null. */
export const lineAmountProblem = (limits: Limits, fen: number): string | null =>
  Math.abs(fen) > limits.maxLineFen ? `金额超出上限（单行最多 ${yuan(limits.maxLineFen)}），请核对单位是否为元` : null

/** Why a purchase day (yyyymmdd in the store's zone) is refused, or null. */
export function purchaseDayProblem(limits: Limits, day: number, todayInt: number): string | null {
  if (day < limits.earliestPurchaseDay) return `交易日期不能早于 ${formatYmd(intToYmd(limits.earliestPurchaseDay))}`
  const latest = latestPurchaseDay(limits, todayInt)
  if (day > latest) return `交易日期不能晚于 ${formatYmd(intToYmd(latest))}（门店今天之后）`
  return null
}

/** Why a text is too long, or null; `label` names it in the message. */
export const lengthProblem = (label: string, text: string, max: number): string | null =>
  text.length > max ? `${label}最多 ${max} 个字符` : null

export const openingPointsProblem = (limits: Limits, points: number): string | null =>
  points > limits.maxOpeningPoints ? `期初积分超出上限（最多 ${grouped.format(limits.maxOpeningPoints)}）` : null

export const giftCostProblem = (limits: Limits, fen: number): string | null =>
  fen > limits.maxGiftUnitCostFen ? `成本超出上限（最多 ${yuan(limits.maxGiftUnitCostFen)}）` : null

export const pointsPriceProblem = (limits: Limits, points: number): string | null =>
  points > limits.maxGiftPointsPrice ? `兑换积分超出上限（最多 ${grouped.format(limits.maxGiftPointsPrice)}）` : null

export const quantityProblem = (limits: Limits, label: string, qty: number): string | null =>
  qty > limits.maxStockQuantity ? `${label}超出上限（最多 ${grouped.format(limits.maxStockQuantity)}）` : null
