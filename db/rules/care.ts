/**
 * High-value members and their maintainers (docs/domain.md "High-value members"). Pure: no
 * database, safe for the renderer. Days are yyyymmdd integers of the store's calendar.
 */

/** Departments staff belong to: the sales departments, the planning office and the VIP room. */
export const STAFF_DEPARTMENTS = ['营业一课', '营业二课', '营业三课', '营业四课', '营业五课', '企划', '贵宾室'] as const

export const CONTACT_KINDS = ['phone', 'visit', 'birthday', 'gift', 'other'] as const
export type ContactKind = (typeof CONTACT_KINDS)[number]

export const CONTACT_KIND_LABELS: Record<ContactKind, string> = {
  phone: '电话',
  visit: '到店接待',
  birthday: '生日送达',
  gift: '赠礼',
  other: '其他',
}

/** What makes a member high-value: the top N by one measure, above a floor. */
export const HIGH_VALUE_MEASURES = ['spend', 'points', 'tier'] as const
export type HighValueMeasure = (typeof HIGH_VALUE_MEASURES)[number]

export const HIGH_VALUE_MEASURE_LABELS: Record<HighValueMeasure, string> = {
  spend: '近12个月消费',
  points: '当前积分',
  tier: '金卡及以上（按近12个月消费排序）',
}

export const CAKE_DELIVERY_STATUSES = ['planned', 'delivered', 'cancelled'] as const
export type CakeDeliveryStatus = (typeof CAKE_DELIVERY_STATUSES)[number]

export const CAKE_DELIVERY_STATUS_LABELS: Record<CakeDeliveryStatus, string> = {
  planned: '已安排',
  delivered: '已送达',
  cancelled: '已取消',
}

/** The store plan's numbers (docs/domain.md): six months' service to maintain, ten cakes a month. */
export const DEFAULT_CARE_RULES = {
  /** Months of service before a staff member may maintain VIPs */
  minServiceMonths: 6,
  /** VIPs one maintainer looks after unless their own capacity says otherwise */
  defaultCapacity: 8,
  highValue: {
    measure: 'spend' as HighValueMeasure,
    /** How many members the list holds */
    top: 100,
    /** Floor on the measure: fen of 12-month spend, or points; 0 for none */
    minimum: 0,
    /** For measure 'tier': the lowest tier that qualifies */
    minTier: '金卡',
  },
  /** Birthday cake and flowers each month */
  cakesPerMonth: 10,
  skipLastYearsRecipients: true,
}
export type CareRules = typeof DEFAULT_CARE_RULES

// ---- monthly league (月度评比) -------------------------------------------------------------------

/** One maintainer's hold on one VIP: [fromDay, untilDay) in yyyymmdd, untilDay null while it lasts. */
export interface HeldPeriod {
  staffId: number
  memberId: number
  fromDay: number
  untilDay: number | null
}

/** One sale line (returns are left out before this point): its receipt, day and amount. */
export interface SaleLine {
  memberId: number
  receiptNo: string
  day: number
  amountFen: number
}

export interface LeagueTally {
  staffId: number
  /** VIPs this maintainer held on at least one day of the month */
  vips: number
  /** Receipts (交易笔数) those VIPs made on days this maintainer held them */
  purchases: number
  /** What those receipts came to, fen: the first tie-break */
  spendFen: number
}

/** A month as [first day, first day of the next month) in yyyymmdd. */
export function monthDays(year: number, month: number): { from: number; until: number } {
  const next = month === 12 ? { y: year + 1, m: 1 } : { y: year, m: month + 1 }
  return { from: year * 10000 + month * 100 + 1, until: next.y * 10000 + next.m * 100 + 1 }
}

const overlaps = (p: HeldPeriod, from: number, until: number) =>
  p.fromDay < until && (p.untilDay === null || (p.untilDay > from && p.untilDay > p.fromDay))
const holds = (p: HeldPeriod, day: number) => p.fromDay <= day && (p.untilDay === null || day < p.untilDay)

/**
 * The league's counts for one month. A VIP counts for every maintainer who held them on some day
 * of the month (a mid-month move counts them twice, once for each); a receipt counts for the
 * maintainer who held the VIP on the day of the purchase. A receipt with several lines is one
 * purchase; its spend is the sum of its sale lines.
 */
export function tallyLeague(periods: HeldPeriod[], sales: SaleLine[], year: number, month: number): LeagueTally[] {
  const { from, until } = monthDays(year, month)
  const inMonth = periods.filter((p) => overlaps(p, from, until))
  const vips = new Map<number, Set<number>>()
  const byMember = new Map<number, HeldPeriod[]>()
  for (const p of inMonth) {
    if (!vips.has(p.staffId)) vips.set(p.staffId, new Set())
    vips.get(p.staffId)!.add(p.memberId)
    byMember.set(p.memberId, [...(byMember.get(p.memberId) ?? []), p])
  }
  const receipts = new Map<number, Set<string>>()
  const spend = new Map<number, number>()
  for (const s of sales) {
    if (s.day < from || s.day >= until) continue
    const holder = byMember.get(s.memberId)?.find((p) => holds(p, s.day))
    if (!holder) continue
    if (!receipts.has(holder.staffId)) receipts.set(holder.staffId, new Set())
    // Receipt numbers are the till's: unique per store, kept per member for safety.
    receipts.get(holder.staffId)!.add(`${s.memberId}\u0000${s.receiptNo}`)
    spend.set(holder.staffId, (spend.get(holder.staffId) ?? 0) + s.amountFen)
  }
  return [...vips].map(([staffId, set]) => ({
    staffId,
    vips: set.size,
    purchases: receipts.get(staffId)?.size ?? 0,
    spendFen: spend.get(staffId) ?? 0,
  }))
}

export interface Ranked {
  /** purchases / vips, exact */
  average: number
  /** 1 = highest average; equal average and spend share a rank (1, 1, 3) */
  rank: number
  /** shares its rank with another maintainer */
  tied: boolean
  winner: boolean
}

/**
 * Ranks the league: highest average first, ties broken by total spend; still equal, they share
 * the rank and the table says so. Maintainers with no VIPs that month are not ranked (left out).
 * Within a shared rank the order is by name, so the table reads the same every time.
 */
export function rankLeague<T extends LeagueTally & { name: string }>(rows: T[]): (T & Ranked)[] {
  const ranked = rows
    .filter((r) => r.vips > 0)
    .map((r) => ({ ...r, average: r.purchases / r.vips }))
    .sort((a, b) => b.average - a.average || b.spendFen - a.spendFen || a.name.localeCompare(b.name, 'zh-CN'))
  const same = (a: (typeof ranked)[number], b: (typeof ranked)[number]) =>
    a.average === b.average && a.spendFen === b.spendFen
  let rank = 0
  return ranked.map((r, i) => {
    if (i === 0 || !same(r, ranked[i - 1]!)) rank = i + 1
    const tied = (i > 0 && same(r, ranked[i - 1]!)) || (i + 1 < ranked.length && same(r, ranked[i + 1]!))
    return { ...r, rank, tied, winner: rank === 1 && r.purchases > 0 }
  })
}

/** The average as the meeting reads it: one decimal (5 VIPs, 15 purchases → "3.0"). */
export const formatAverage = (average: number) => average.toFixed(1)
