import { storeZone } from '../../clock'
import { zonedToMs } from '../../rules/storeClock'
import type { Db } from '../../handle'
import { GIFT_CATEGORIES, ISSUE_PURPOSE_KEYS, type GiftCategory, type IssuePurpose } from '../../rules/gifts'
import { parseInput, z } from '../../validate'

export interface CategoryLine {
  category: GiftCategory
  /** Units that left the room: issued plus redeemed, net of returns */
  qty: number
  costFen: number
  /** On hand at month end and its value at the catalogue unit cost */
  stockQty: number
  stockValueFen: number
}

export interface PurposeLine {
  purpose: IssuePurpose
  qty: number
  costFen: number
}

export interface TopGift {
  code: string
  name: string
  /** Units redeemed in the month, net of returns in the month */
  qty: number
  points: number
}

export interface GiftMonthReport {
  /** YYYY-MM */
  month: string
  /** Cost (fen) of gifts that left the room (issued or redeemed, net of returns), by category */
  costByCategory: Record<GiftCategory, number>
  /** Cost (fen) of issued gifts by purpose */
  costByPurpose: Record<IssuePurpose, number>
  redemptions: number
  /** Points of the month's redemptions less the points refunded for returns in the month */
  redeemedPoints: number
  /** Stock value (fen) now: on hand × catalogue unit cost */
  stockValueFen: number
  /** Every category, in catalogue order, with quantities and the month-end stock */
  categories: CategoryLine[]
  /** Every issue purpose, in order */
  purposes: PurposeLine[]
  /** Redeemed gifts net of returns, cost of the redemptions at the movements' unit cost */
  redeemed: { qty: number; costFen: number }
  /** All gifts that left the room: the sum of the categories (and of the purposes plus redeemed) */
  totalCostFen: number
  /** Goods in during the month at the price paid */
  received: { qty: number; costFen: number }
  /** Stock value at the end of the month (see `giftMonthReport`) */
  stockValueEndFen: number
  /** The most redeemed gifts of the month, most units first (at most 10) */
  topGifts: TopGift[]
  /** Stock movements of any kind in the month; 0 means an empty month */
  movements: number
}

const monthInput = z.object({
  year: z.number({ message: '请选择年份' }).int().min(2000, '年份不正确').max(2100, '年份不正确'),
  month: z.number({ message: '请选择月份' }).int().min(1, '月份应为 1–12').max(12, '月份应为 1–12'),
})
export type MonthInput = z.input<typeof monthInput>

const OUT_KINDS = "('issue', 'redeem', 'return')"
const pad = (n: number) => String(n).padStart(2, '0')

/**
 * One calendar month (the store's local time) of gift cost, redemptions and stock value.
 *
 * Cost is the unit cost recorded on each movement, so a later price change does not rewrite past
 * months. A return counts in the month it happens (like a reversing entry): returning in December
 * a gift redeemed in November lowers December's cost and points, and November stays as printed.
 *
 * Stock value at month end: each gift's on-hand after its last movement up to the month end,
 * valued at the catalogue unit cost (the same basis as the stock value now, so the current month
 * shows the two equal; the store does not track purchase lots, and the catalogue cost is what the
 * planners price gifts at).
 */
export function giftMonthReport(db: Db, input: MonthInput): GiftMonthReport {
  const { year, month } = parseInput(monthInput, input)
  const zone = storeZone(db)
  const from = zonedToMs({ y: year, m: month, d: 1 }, zone)
  const to = zonedToMs({ y: year, m: month + 1, d: 1 }, zone)
  const all = <T>(sql: string, ...params: unknown[]) => db.sqlite.prepare(sql).all(...params) as T[]
  const one = <T>(sql: string, ...params: unknown[]) => db.sqlite.prepare(sql).get(...params) as T

  const outByCategory = all<{ category: GiftCategory; qty: number; cost: number }>(
    `SELECT g.category, -sum(m.quantity) AS qty, -sum(m.quantity * m.unit_cost_fen) AS cost
     FROM gift_movements m JOIN gifts g ON g.id = m.gift_id
     WHERE m.kind IN ${OUT_KINDS} AND m.at >= ? AND m.at < ? GROUP BY g.category`,
    from,
    to,
  )
  // The last movement of each gift up to the month end says what was on hand then.
  const stockByCategory = all<{ category: GiftCategory; qty: number; value: number }>(
    `SELECT g.category, sum(m.on_hand_after) AS qty, sum(m.on_hand_after * g.unit_cost_fen) AS value
     FROM gift_movements m JOIN gifts g ON g.id = m.gift_id
     WHERE m.id IN (SELECT max(id) FROM gift_movements WHERE at < ? GROUP BY gift_id)
     GROUP BY g.category`,
    to,
  )
  const categories: CategoryLine[] = GIFT_CATEGORIES.map((category) => {
    const out = outByCategory.find((r) => r.category === category)
    const stock = stockByCategory.find((r) => r.category === category)
    return {
      category,
      qty: out?.qty ?? 0,
      costFen: out?.cost ?? 0,
      stockQty: stock?.qty ?? 0,
      stockValueFen: stock?.value ?? 0,
    }
  })

  const byPurpose = all<{ purpose: IssuePurpose; qty: number; cost: number }>(
    `SELECT purpose, -sum(quantity) AS qty, -sum(quantity * unit_cost_fen) AS cost FROM gift_movements
     WHERE kind = 'issue' AND at >= ? AND at < ? GROUP BY purpose`,
    from,
    to,
  )
  const purposes: PurposeLine[] = ISSUE_PURPOSE_KEYS.map((purpose) => {
    const r = byPurpose.find((x) => x.purpose === purpose)
    return { purpose, qty: r?.qty ?? 0, costFen: r?.cost ?? 0 }
  })

  const redeemed = one<{ qty: number; costFen: number }>(
    `SELECT coalesce(-sum(quantity), 0) AS qty, coalesce(-sum(quantity * unit_cost_fen), 0) AS costFen
     FROM gift_movements WHERE kind IN ('redeem', 'return') AND at >= ? AND at < ?`,
    from,
    to,
  )
  const heads = one<{ n: number; points: number }>(
    'SELECT count(*) AS n, coalesce(sum(points), 0) AS points FROM redemptions WHERE at >= ? AND at < ?',
    from,
    to,
  )
  const refunded = one<{ points: number }>(
    `SELECT coalesce(sum(quantity * points), 0) AS points FROM gift_movements
     WHERE kind = 'return' AND at >= ? AND at < ?`,
    from,
    to,
  ).points
  const received = one<{ qty: number; costFen: number }>(
    `SELECT coalesce(sum(quantity), 0) AS qty, coalesce(sum(quantity * unit_cost_fen), 0) AS costFen
     FROM gift_movements WHERE kind = 'receive' AND at >= ? AND at < ?`,
    from,
    to,
  )
  const topGifts = all<TopGift>(
    `SELECT g.code, g.name, -sum(m.quantity) AS qty, -sum(CASE WHEN m.kind = 'redeem' THEN m.quantity * m.points
              ELSE 0 END) - sum(CASE WHEN m.kind = 'return' THEN m.quantity * m.points ELSE 0 END) AS points
     FROM gift_movements m JOIN gifts g ON g.id = m.gift_id
     WHERE m.kind IN ('redeem', 'return') AND m.at >= ? AND m.at < ?
     GROUP BY g.id HAVING -sum(m.quantity) > 0 ORDER BY qty DESC, points DESC, g.code LIMIT 10`,
    from,
    to,
  )
  const movements = one<{ n: number }>('SELECT count(*) AS n FROM gift_movements WHERE at >= ? AND at < ?', from, to).n
  const stockValueFen = one<{ v: number }>('SELECT coalesce(sum(on_hand * unit_cost_fen), 0) AS v FROM gifts').v

  return {
    month: `${year}-${pad(month)}`,
    costByCategory: Object.fromEntries(categories.map((c) => [c.category, c.costFen])) as Record<GiftCategory, number>,
    costByPurpose: Object.fromEntries(purposes.map((p) => [p.purpose, p.costFen])) as Record<IssuePurpose, number>,
    redemptions: heads.n,
    redeemedPoints: heads.points - refunded,
    stockValueFen,
    categories,
    purposes,
    redeemed,
    totalCostFen: categories.reduce((s, c) => s + c.costFen, 0),
    received,
    stockValueEndFen: categories.reduce((s, c) => s + c.stockValueFen, 0),
    topGifts,
    movements,
  }
}

/** `YYYY-MM` (the CLI's and the screen's month) as year and month; null when it is not one. */
export function parseMonth(text: string): { year: number; month: number } | null {
  const m = /^(\d{4})-(\d{1,2})$/.exec(text.trim())
  if (!m) return null
  const month = Number(m[2])
  return month >= 1 && month <= 12 ? { year: Number(m[1]), month } : null
}
