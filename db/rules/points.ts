/**
 * How a purchase line earns points (docs/domain.md "Earning"). Pure functions over
 * settings so that the rulebook can be tested as written and shown to staff as an explanation.
 */
import type { Ymd } from './dates'

export interface Campaign {
  name: string
  /** yyyy-mm-dd inclusive */
  from: string
  to: string
  multiplier: number
}

export interface EarningRules {
  /** points per 元 (1 元 = 1 point by default) */
  pointsPerYuan: number
  memberDays: { days: number[]; multiplier: number; enabled: boolean }
  /** the monthly VIP reward week: Friday to Sunday of the month's second weekend */
  rewardWeek: { multiplier: number; enabled: boolean }
  birthdayWindow: { daysBefore: number; daysAfter: number; multiplier: number; enabled: boolean }
  campaigns: Campaign[]
  /** 'max': the best event multiplier applies; 'multiply': event multipliers stack */
  combine: 'max' | 'multiply'
}

export const DEFAULT_EARNING_RULES: EarningRules = {
  pointsPerYuan: 1,
  memberDays: { days: [9, 19, 29], multiplier: 2, enabled: true },
  rewardWeek: { multiplier: 2, enabled: true },
  birthdayWindow: { daysBefore: 3, daysAfter: 3, multiplier: 2, enabled: true },
  campaigns: [],
  combine: 'max',
}

const utc = ({ y, m, d }: Ymd) => Date.UTC(y, m - 1, d)
const DAY = 86400000
const iso = (x: Ymd) => `${x.y}-${String(x.m).padStart(2, '0')}-${String(x.d).padStart(2, '0')}`

/** Friday, Saturday and Sunday of the weekend holding the month's second Saturday. */
export function rewardWeekDays(year: number, month: number): Ymd[] {
  const firstDow = new Date(Date.UTC(year, month - 1, 1)).getUTCDay()
  const firstSaturday = 1 + ((6 - firstDow + 7) % 7)
  const sat = Date.UTC(year, month - 1, firstSaturday + 7)
  return [sat - DAY, sat, sat + DAY].map((t) => {
    const d = new Date(t)
    return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() }
  })
}

export interface Multiplier {
  label: string
  factor: number
}

/**
 * The event multipliers that apply on a day. `birthdayThisYear` is the member's birthday as a
 * solar date in the purchase's year (lunar birthdays already converted), when known.
 */
export function eventMultipliers(rules: EarningRules, day: Ymd, birthdayThisYear: Ymd | null): Multiplier[] {
  const out: Multiplier[] = []
  if (rules.memberDays.enabled && rules.memberDays.days.includes(day.d)) {
    out.push({ label: '会员日', factor: rules.memberDays.multiplier })
  }
  if (rules.rewardWeek.enabled && rewardWeekDays(day.y, day.m).some((r) => r.d === day.d && r.m === day.m)) {
    out.push({ label: 'VIP回馈周', factor: rules.rewardWeek.multiplier })
  }
  if (rules.birthdayWindow.enabled && birthdayThisYear) {
    const diff = Math.round((utc(day) - utc(birthdayThisYear)) / DAY)
    if (diff >= -rules.birthdayWindow.daysBefore && diff <= rules.birthdayWindow.daysAfter) {
      out.push({ label: '生日', factor: rules.birthdayWindow.multiplier })
    }
  }
  const today = iso(day)
  for (const c of rules.campaigns) {
    if (c.from <= today && today <= c.to) out.push({ label: c.name, factor: c.multiplier })
  }
  return out.filter((m) => m.factor !== 1)
}

export interface Earning {
  points: number
  /** e.g. "1,280 元 × 2 (会员日) = 2,560" */
  explain: string
}

// One formatter for every line: toLocaleString builds a new one per call, which was most of the
// time a million-line till import spent.
const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 })
const yuan = (fen: number) => `${grouped.format(fen / 100)} 元`

/** A rate as settings hold it (1.5, 0.8, 2) as an exact fraction over a power of ten. */
function decimalFraction(x: number): { n: bigint; d: bigint } {
  const [whole, frac = ''] = x.toFixed(6).replace(/0+$/, '').split('.')
  return { n: BigInt(`${whole}${frac}`), d: 10n ** BigInt(frac.length) }
}

/**
 * floor(fen × rates… / divisor) in integers, rounded once: (12,345 fen / 100) × 1.1 in floating
 * point lands a hair under or over the whole number it should be.
 */
export function floorProduct(fen: number, rates: number[], divisor: number): number {
  let n = BigInt(fen)
  let d = BigInt(divisor)
  for (const r of rates) {
    const f = decimalFraction(r)
    n *= f.n
    d *= f.d
  }
  return Number(n / d)
}

/**
 * Points for one purchase line. Special-price lines and lines without a card earn nothing; the
 * tier multiplier always applies, event multipliers by `rules.combine`.
 */
export function pointsForLine(
  rules: EarningRules,
  line: { amountFen: number; noPoints: boolean },
  events: Multiplier[],
  tier: Multiplier | null,
): Earning {
  if (line.noPoints) return { points: 0, explain: '特价/不积分商品，不积分' }
  if (line.amountFen <= 0) return { points: 0, explain: '金额为零或负数，不积分' }
  const applied: Multiplier[] = []
  if (events.length) {
    if (rules.combine === 'max') applied.push(events.reduce((a, b) => (b.factor > a.factor ? b : a)))
    else applied.push(...events)
  }
  if (tier && tier.factor !== 1) applied.push(tier)
  const points = floorProduct(line.amountFen, [rules.pointsPerYuan, ...applied.map((m) => m.factor)], 100)
  const rate = rules.pointsPerYuan === 1 ? '' : ` × ${rules.pointsPerYuan} 分/元`
  const parts = applied.map((m) => ` × ${m.factor} (${m.label})`).join('')
  return { points, explain: `${yuan(line.amountFen)}${rate}${parts} = ${grouped.format(points)}` }
}
