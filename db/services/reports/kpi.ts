import { storeDayInt, storeZone } from '../../clock'
import { validationError } from '../../errors'
import type { Db } from '../../handle'
import { ACTIVE_MONTHS, isIssuedKind } from '../../rules/figures'
import { firstDayOf, lastDayOf, monthKeyOf, shiftMonth, type MonthKey } from '../../rules/months'
import { intToYmd } from '../../rules/dates'
import { endOfDayMs, startOfDayMs } from '../../rules/storeClock'
import { addMonths, sleepingCutoff } from '../../rules/tiers'
import { statements } from '../../statements'
import { getSettings } from '../settings'
import { voucherFigures } from '../vouchers/figures'

/** The programme's figures for one month; the exact shape of `report kpi --json`. Money in fen. */
export interface Kpi {
  members: number
  activeCards: number
  newCards: number
  sleeping: number
  vipSales: number
  storeSales: number
  /** VIP sales of the departments with a store figure ÷ store sales; null without store figures */
  vipShare: number | null
  pointsIssued: number
  pointsRedeemed: number
  pointsExpired: number
  pointsOutstanding: number
  /** Face value (fen) of the vouchers issued, used and expired in the month, and outstanding at its end */
  vouchersIssued: number
  vouchersUsed: number
  vouchersExpired: number
  vouchersOutstanding: number
}

const stmts = statements((s) => ({
  // The latest purchase on or before the day: members.last_purchase_at when it is not later, else
  // one index seek for the few who bought since (purchases_member_time carries the amount).
  // The latest purchase line (amount > 0) on or before each of two days (day1 ≥ day2): from
  // members.last_purchase_at when it is not later, else an index seek (purchases_member_time carries
  // the amount); the second day reuses the first answer when it is early enough. `LIMIT -1` keeps
  // each subquery a co-routine (not flattened), so a seek runs once per member, not once per use.
  // A member counts from their join date or, when they bought earlier, from their first purchase:
  // members imported without a join date got the import day, yet their till sales before it
  // show they already held a card (one index seek, only for members joined after the day).
  cards: s.prepare(
    `SELECT count(*) AS members1,
            coalesce(sum(lp1 >= @active1), 0) AS active1,
            coalesce(sum(CASE WHEN lp1 IS NULL THEN join_date < @cutoffDay1 ELSE lp1 < @cutoffMs1 END), 0) AS sleeping1,
            coalesce(sum(in2), 0) AS members2,
            coalesce(sum(in2 AND lp2 >= @active2), 0) AS active2,
            coalesce(sum(in2 AND CASE WHEN lp2 IS NULL THEN join_date < @cutoffDay2
                                      ELSE lp2 < @cutoffMs2 END), 0) AS sleeping2
     FROM (
       SELECT join_date, lp AS lp1, in2,
              CASE WHEN NOT in2 THEN NULL
                   WHEN lp IS NULL OR lp < @end2 THEN lp
                   ELSE (SELECT p.purchased_at FROM purchases p
                          WHERE p.member_id = two.id AND p.purchased_at < @end2 AND p.amount_fen > 0
                          ORDER BY p.purchased_at DESC LIMIT 1) END AS lp2
       FROM (
         SELECT id, join_date, lp,
                join_date <= @day2 OR (lp IS NOT NULL AND EXISTS (SELECT 1 FROM purchases p
                  WHERE p.member_id = one.id AND p.purchased_at < @end2 AND p.amount_fen > 0)) AS in2
         FROM (
           SELECT id, join_date,
                CASE WHEN last_purchase_at IS NULL OR last_purchase_at < @end1 THEN last_purchase_at
                     ELSE (SELECT p.purchased_at FROM purchases p
                            WHERE p.member_id = m.id AND p.purchased_at < @end1 AND p.amount_fen > 0
                            ORDER BY p.purchased_at DESC LIMIT 1) END AS lp
           FROM members m INDEXED BY members_last_purchase
          WHERE status <> 'closed'
            AND (join_date <= @day1 OR EXISTS (SELECT 1 FROM purchases p
                  WHERE p.member_id = m.id AND p.purchased_at < @end1 AND p.amount_fen > 0)) LIMIT -1) AS one
         LIMIT -1) AS two
       LIMIT -1)`,
  ),
  newCards: s
    .prepare(`SELECT count(*) FROM members INDEXED BY members_join_source WHERE join_date BETWEEN ? AND ?`)
    .pluck(),
  vipSales: s.prepare(
    `SELECT v.department, v.amount_fen AS vip, s.amount_fen AS store
       FROM sales_monthly v LEFT JOIN store_sales s ON s.month = v.month AND s.department = v.department
      WHERE v.month = ?`,
  ),
  storeSales: s.prepare(`SELECT department, amount_fen AS store FROM store_sales WHERE month = ?`),
  points: s.prepare(`SELECT kind, department, sum(points) AS points FROM points_monthly WHERE month = ? GROUP BY 1, 2`),
  outstanding: s.prepare(`SELECT coalesce(sum(points), 0) FROM points_monthly WHERE month <= ?`).pluck(),
}))

/** The day a month's figures are counted at: its last day, or today for the month in progress. */
export function referenceDay(db: Db, key: MonthKey): number {
  const today = storeDayInt(db)
  if (firstDayOf(key) > today)
    throw validationError('月份不能晚于本月', [{ field: 'month', message: '月份不能晚于本月' }])
  return Math.min(lastDayOf(key), today)
}

/** 'YYYY-MM' → yyyymm, or a Chinese validation error naming the field. */
export function parseMonth(text: unknown, field = 'month'): MonthKey {
  const key = typeof text === 'string' ? monthKeyOf(text) : null
  if (key === null) throw validationError('月份应为 YYYY-MM 格式，例如 2026-11', [{ field, message: '月份格式不对' }])
  return key
}

export interface CardFigures {
  members: number
  activeCards: number
  sleeping: number
}

/**
 * Members, active cards and sleeping members as they stood at the end of `day` (yyyymmdd) and of
 * an earlier `before` (the month before, for the change shown next to each figure), in one pass.
 */
export function cardFiguresAt(db: Db, day: number, before = day): [CardFigures, CardFigures] {
  if (before > day) throw new Error('cardFiguresAt: the second day must not be later than the first')
  const months = getSettings(db).sleepingMonths
  const zone = storeZone(db)
  const dayStartMs = (d: number) => startOfDayMs(intToYmd(d), zone)
  const dayEndMs = (d: number) => endOfDayMs(intToYmd(d), zone)
  const at = (d: number) => {
    const cutoffDay = sleepingCutoff(d, months)
    return {
      end: dayEndMs(d),
      active: dayEndMs(addMonths(d, -ACTIVE_MONTHS)),
      cutoffDay,
      cutoffMs: dayStartMs(cutoffDay),
    }
  }
  const a = at(day)
  const b = at(before)
  const r = stmts(db).cards.get({
    day1: day,
    end1: a.end,
    active1: a.active,
    cutoffDay1: a.cutoffDay,
    cutoffMs1: a.cutoffMs,
    day2: before,
    end2: b.end,
    active2: b.active,
    cutoffDay2: b.cutoffDay,
    cutoffMs2: b.cutoffMs,
  }) as Record<string, number>
  return [
    { members: r.members1!, activeCards: r.active1!, sleeping: r.sleeping1! },
    { members: r.members2!, activeCards: r.active2!, sleeping: r.sleeping2! },
  ]
}

export interface SalesFigures {
  vipSales: number
  storeSales: number
  vipShare: number | null
}

/** VIP and store sales of a month, all departments or one. */
export function salesFigures(db: Db, key: MonthKey, department?: string | null): SalesFigures {
  const st = stmts(db)
  const vip = (st.vipSales.all(key) as { department: string; vip: number; store: number | null }[]).filter(
    (r) => !department || r.department === department,
  )
  const store = (st.storeSales.all(key) as { department: string; store: number }[]).filter(
    (r) => !department || r.department === department,
  )
  const vipSales = vip.reduce((a, r) => a + r.vip, 0)
  const storeSales = store.reduce((a, r) => a + r.store, 0)
  const matched = vip.reduce((a, r) => a + (r.store === null ? 0 : r.vip), 0)
  return { vipSales, storeSales, vipShare: storeSales > 0 ? matched / storeSales : null }
}

export interface PointsFigures {
  pointsIssued: number
  pointsRedeemed: number
  pointsExpired: number
  pointsOutstanding: number
}

/**
 * Points moved in a month. With a department only the points its purchases earned count as issued;
 * redemptions, expiry and the balance belong to no department and stay programme-wide.
 */
export function pointsFigures(db: Db, key: MonthKey, department?: string | null): PointsFigures {
  const st = stmts(db)
  let issued = 0
  let redeemed = 0
  let expired = 0
  for (const r of st.points.all(key) as { kind: string; department: string; points: number }[]) {
    if (isIssuedKind(r.kind)) {
      if (!department || r.department === department) issued += r.points
    } else if (r.kind === 'expire') expired -= r.points
    else redeemed -= r.points
  }
  return {
    pointsIssued: issued,
    pointsRedeemed: redeemed,
    pointsExpired: expired,
    pointsOutstanding: st.outstanding.get(key) as number,
  }
}

function kpiOf(db: Db, key: MonthKey, day: number, cards: CardFigures, department?: string | null): Kpi {
  return {
    members: cards.members,
    activeCards: cards.activeCards,
    newCards: stmts(db).newCards.get(firstDayOf(key), day) as number,
    sleeping: cards.sleeping,
    ...salesFigures(db, key, department),
    ...pointsFigures(db, key, department),
    ...voucherFigures(db, key),
  }
}

/** Every figure of one month, as `report kpi` prints it. */
export function monthKpi(db: Db, input: { month: string }, department?: string | null): Kpi {
  const key = parseMonth(input?.month)
  const day = referenceDay(db, key)
  return kpiOf(db, key, day, cardFiguresAt(db, day)[0], department)
}

/** A month's figures and the month before's, for the change shown next to each. */
export function kpiWithPrevious(db: Db, key: MonthKey, department?: string | null): { current: Kpi; previous: Kpi } {
  const day = referenceDay(db, key)
  const prevKey = shiftMonth(key, -1)
  const prevDay = lastDayOf(prevKey)
  const [now, before] = cardFiguresAt(db, day, prevDay)
  return { current: kpiOf(db, key, day, now, department), previous: kpiOf(db, prevKey, prevDay, before, department) }
}
