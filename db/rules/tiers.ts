/**
 * Tiers (等级), card validity (有效期) and sleeping members (沉睡会员), as named rules (docs/domain.md
 * "Tiers", "Card validity and renewal", "Sleeping members"). Pure: no database, safe for the
 * renderer. Dates are the store's local calendar days; a yyyymmdd integer is a calendar day.
 */
import { intToYmd, ymdToInt } from './dates'
import { dayIntInZone, endOfDayMs, startOfDayMs, ymdInZone } from './storeClock'
import type { Role } from './roles'

export interface TierDef {
  name: string
  /** Net spend (fen) over the last 12 months that reaches this tier; null: not by spend */
  minSpendFen: number | null
  /** Points balance that reaches this tier; null: not by points */
  minPoints: number | null
  /** Price paid in percent, e.g. 95 means 5 % off */
  discountPct: number
  /** Points multiplier on purchases */
  multiplier: number
}
export type TierTable = TierDef[]

/** The store plan: silver from 3,000 元 a year, gold 5,000 (or 20,000 points), diamond 10,000. */
export const DEFAULT_TIER_TABLE: TierTable = [
  { name: '普卡', minSpendFen: null, minPoints: null, discountPct: 100, multiplier: 1 },
  { name: '银卡', minSpendFen: 300000, minPoints: null, discountPct: 95, multiplier: 1 },
  { name: '金卡', minSpendFen: 500000, minPoints: 20000, discountPct: 90, multiplier: 1 },
  { name: '钻石卡', minSpendFen: 1000000, minPoints: null, discountPct: 85, multiplier: 1 },
]

/** Spend counts over this many months back from the moment of the purchase. */
export const SPEND_WINDOW_MONTHS = 12

export interface TierFacts {
  /** Net spend (purchases minus returns) over the last 12 months, fen */
  spendFen: number
  points: number
}

export const tierNames = (s: { tierTable: TierTable }): string[] => s.tierTable.map((t) => t.name)

/** Position in the table (0 is the base tier); an unknown name ranks below the base. */
export const tierRank = (table: TierTable, name: string): number => table.findIndex((t) => t.name === name)

/** The points multiplier of a tier; a tier not in the table earns × 1. */
export const tierMultiplier = (table: TierTable, name: string): number =>
  table.find((t) => t.name === name)?.multiplier ?? 1

const meets = (t: TierDef, f: TierFacts) =>
  (t.minSpendFen !== null && f.spendFen >= t.minSpendFen) || (t.minPoints !== null && f.points >= t.minPoints)

/** The highest tier whose spend OR points threshold is met; the first tier is the base. */
export function tierFor(table: TierTable, facts: TierFacts): TierDef {
  for (let i = table.length - 1; i > 0; i--) if (meets(table[i]!, facts)) return table[i]!
  return table[0]!
}

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 })
const yuan = (fen: number) => `${grouped.format(fen / 100)} 元`

/** Why a member belongs to a tier, e.g. "近12个月消费 5,120 元，达到金卡标准". */
export function tierReason(tier: TierDef, facts: TierFacts, base: string): string {
  const spend = `近12个月消费 ${yuan(facts.spendFen)}`
  if (tier.minSpendFen !== null && facts.spendFen >= tier.minSpendFen) return `${spend}，达到${tier.name}标准`
  if (tier.minPoints !== null && facts.points >= tier.minPoints)
    return `积分 ${grouped.format(facts.points)}，达到${tier.name}标准`
  return `${spend}，积分 ${grouped.format(facts.points)}，未达到${base}以上标准`
}

export interface TierChange {
  to: string
  reason: string
}

/** After a purchase: only ever up. Null when the member stays where they are. */
export function upgradeOnPurchase(table: TierTable, current: string, facts: TierFacts): TierChange | null {
  const target = tierFor(table, facts)
  if (tierRank(table, target.name) <= tierRank(table, current)) return null
  return { to: target.name, reason: tierReason(target, facts, table[0]!.name) }
}

/** At the yearly review: up or down to whatever the last 12 months earn. */
export function reviewDecision(table: TierTable, current: string, facts: TierFacts): TierChange | null {
  const target = tierFor(table, facts)
  if (target.name === current) return null
  const down = tierRank(table, current) > tierRank(table, target.name)
  return {
    to: target.name,
    reason: `年度评级${down ? '降级' : '升级'}：${tierReason(target, facts, table[0]!.name)}`,
  }
}

/** Problems with a tier table as the settings editor would report them (empty: fine). */
export function tierTableProblems(table: TierTable): string[] {
  const out: string[] = []
  if (!table.length) return ['至少需要一个等级']
  const names = table.map((t) => t.name.trim())
  if (names.some((n) => !n)) out.push('等级名称不能为空')
  if (new Set(names).size !== names.length) out.push('等级名称不能重复')
  const base = table[0]!
  if (base.minSpendFen !== null || base.minPoints !== null) out.push(`第一个等级（${base.name}）是基础等级，不能设门槛`)
  for (let i = 1; i < table.length; i++) {
    const t = table[i]!
    if (t.minSpendFen === null && t.minPoints === null) out.push(`${t.name}：请设置消费或积分门槛`)
  }
  for (const key of ['minSpendFen', 'minPoints'] as const) {
    let last = -1
    for (const t of table.slice(1)) {
      const v = t[key]
      if (v === null) continue
      if (v <= last) {
        out.push(`${key === 'minSpendFen' ? '消费' : '积分'}门槛须逐级升高（${t.name}）`)
        break
      }
      last = v
    }
  }
  return out
}

// ---- the yearly review ---------------------------------------------------------------------

export interface ReviewDate {
  month: number
  day: number
}
export const DEFAULT_REVIEW_DATE: ReviewDate = { month: 1, day: 1 }

/** The latest review day (yyyymmdd) on or before `today` (yyyymmdd); 29 Feb falls on 28 Feb. */
export function reviewDueOn(review: ReviewDate, today: number): number {
  const on = (y: number) => ymdToInt({ y, m: review.month, d: Math.min(review.day, daysIn(y, review.month)) })
  const { y } = intToYmd(today)
  return on(y) <= today ? on(y) : on(y - 1)
}

// ---- card validity ---------------------------------------------------------------------------

export interface CardValidity {
  /** How long a card is valid from its start (months) */
  months: number
  /** Points earned within the period that renew the card for another period */
  renewalPoints: number
}
export const DEFAULT_CARD_VALIDITY: CardValidity = { months: 24, renewalPoints: 1000 }

function daysIn(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate()
}

/** A day plus whole months; the 31st of a shorter month falls on its last day. */
export function addMonths(day: number, months: number): number {
  const { y, m, d } = intToYmd(day)
  const total = y * 12 + (m - 1) + months
  const ny = Math.floor(total / 12)
  const nm = (total % 12) + 1
  return ymdToInt({ y: ny, m: nm, d: Math.min(d, daysIn(ny, nm)) })
}

/** A new card is valid until the same day `months` later (inclusive). */
export const validUntilFor = (joinDate: number, v: CardValidity): number => addMonths(joinDate, v.months)

/** The period a card's validity covers: from `months` before the end up to the end. */
export const periodOf = (validUntil: number, v: CardValidity): { from: number; to: number } => ({
  from: addMonths(validUntil, -v.months),
  to: validUntil,
})

/** A card has lapsed once its last valid day is behind us. */
export const hasLapsed = (validUntil: number | null, today: number): boolean =>
  validUntil !== null && validUntil < today

/** Who may renew a card whose member did not earn the renewal points in the period (with a reason). */
export const RENEW_ANYWAY_ROLES: readonly Role[] = ['admin', 'planner']

export const qualifiesForRenewal = (earned: number, v: CardValidity): boolean => earned >= v.renewalPoints

/**
 * The new end of a renewed card: one more period after the old end, or, for a card that lapsed
 * longer ago than that, one period from today.
 */
export function renewedUntil(validUntil: number, today: number, v: CardValidity): number {
  const next = addMonths(validUntil, v.months)
  return next >= today ? next : addMonths(today, v.months)
}

// ---- sleeping members ------------------------------------------------------------------------

export const DEFAULT_SLEEPING_MONTHS = 6

/** The day (yyyymmdd) before which a last purchase makes a member sleeping. */
export const sleepingCutoff = (today: number, months: number): number => addMonths(today, -months)

/** No purchase since the cutoff; a member who never bought sleeps once they joined before it. */
export function isSleeping(lastPurchaseDay: number | null, joinDate: number, today: number, months: number): boolean {
  const cutoff = sleepingCutoff(today, months)
  return lastPurchaseDay === null ? joinDate < cutoff : lastPurchaseDay < cutoff
}

/** yyyymmdd → the store's midnight (ms) */
export const dayStartMs = (day: number, zone: string): number => startOfDayMs(intToYmd(day), zone)

/** yyyymmdd → the store's midnight (ms) of the next day (the end of that day) */
export const dayEndMs = (day: number, zone: string): number => endOfDayMs(intToYmd(day), zone)

/** An instant → its store day as yyyymmdd */
export const dayOf = (ms: number, zone: string): number => dayIntInZone(ms, zone)

/** Start (ms, exclusive) of the 12-month spend window that ends at `at` (same wall-clock time). */
export function spendWindowStart(at: number, zone: string): number {
  const day = addMonths(dayOf(at, zone), -SPEND_WINDOW_MONTHS)
  return dayStartMs(day, zone) + (at - startOfDayMs(ymdInZone(at, zone), zone))
}
