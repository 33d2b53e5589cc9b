import type { Db } from '../../db/handle'
import { storeDate } from './storeTime'

/**
 * The programme's figures written out again as plain SQL over the base tables (members, purchases,
 * points_ledger, store_sales), with the calendar worked out here: what the report services answer
 * is checked against this, never against their own monthly sums or helpers.
 */

/** yyyymm → [first day, last day] as yyyymmdd */
export function monthDays(month: number): [number, number] {
  const y = Math.floor(month / 100)
  const m = month % 100
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate()
  return [month * 100 + 1, month * 100 + last]
}

const parts = (day: number) => [Math.floor(day / 10000), Math.floor(day / 100) % 100, day % 100] as const
/** the store's midnight at the start of a yyyymmdd day */
export const startOf = (day: number) => {
  const [y, m, d] = parts(day)
  return storeDate(y, m - 1, d).getTime()
}
/** the store's midnight after a yyyymmdd day */
export const endOf = (day: number) => {
  const [y, m, d] = parts(day)
  return storeDate(y, m - 1, d + 1).getTime()
}
/** The same day `n` months earlier, the 31st falling on a shorter month's last day. */
export function monthsBack(day: number, n: number): number {
  const [y, m, d] = parts(day)
  const first = new Date(Date.UTC(y, m - 1 - n, 1))
  const len = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate()
  return first.getUTCFullYear() * 10000 + (first.getUTCMonth() + 1) * 100 + Math.min(d, len)
}
/** the store's ms bounds of a month: [start, end) */
export function monthMs(month: number): [number, number] {
  const y = Math.floor(month / 100)
  const m = month % 100
  return [storeDate(y, m - 1, 1).getTime(), storeDate(y, m, 1).getTime()]
}

export interface SqlKpi {
  members: number
  activeCards: number
  newCards: number
  sleeping: number
  vipSales: number
  storeSales: number
  vipShare: number | null
  pointsIssued: number
  pointsRedeemed: number
  pointsExpired: number
  pointsOutstanding: number
  vouchersIssued: number
  vouchersUsed: number
  vouchersExpired: number
  vouchersOutstanding: number
}

const one = (db: Db, sql: string, ...args: unknown[]) =>
  db.sqlite
    .prepare(sql)
    .pluck()
    .get(...args) as number

/** Every figure of a month counted at `refDay` (yyyymmdd), straight from the base tables. */
export function sqlKpi(db: Db, month: number, refDay: number, department: string | null = null): SqlKpi {
  const sleepingMonths = JSON.parse(
    (db.sqlite.prepare(`SELECT value FROM settings WHERE key = 'sleepingMonths'`).pluck().get() as string) ?? '6',
  ) as number
  const [first] = monthDays(month)
  const end = endOf(refDay)
  const activeFrom = endOf(monthsBack(refDay, 12))
  const cutoff = monthsBack(refDay, sleepingMonths)
  const members = one(db, `SELECT count(*) FROM members WHERE join_date <= ? AND status <> 'closed'`, refDay)
  const activeCards = one(
    db,
    `SELECT count(*) FROM members m WHERE m.join_date <= ? AND m.status <> 'closed'
        AND EXISTS (SELECT 1 FROM purchases p WHERE p.member_id = m.id AND p.amount_fen > 0
                      AND p.purchased_at >= ? AND p.purchased_at < ?)`,
    refDay,
    activeFrom,
    end,
  )
  const sleeping = one(
    db,
    `SELECT count(*) FROM members m WHERE m.join_date <= ? AND m.status <> 'closed'
        AND NOT EXISTS (SELECT 1 FROM purchases p WHERE p.member_id = m.id AND p.amount_fen > 0
                          AND p.purchased_at >= ? AND p.purchased_at < ?)
        AND (m.join_date < ? OR EXISTS (SELECT 1 FROM purchases p WHERE p.member_id = m.id AND p.amount_fen > 0
                                          AND p.purchased_at < ?))`,
    refDay,
    startOf(cutoff),
    end,
    cutoff,
    end,
  )
  const newCards = one(db, `SELECT count(*) FROM members WHERE join_date BETWEEN ? AND ?`, first, refDay)
  const dep = department === null ? '' : 'AND department = @dep'
  const vipSales = one(
    db,
    `SELECT coalesce(sum(amount_fen), 0) FROM purchases WHERE purchase_date / 100 = @month ${dep}`,
    { month, dep: department },
  )
  const storeSales = one(db, `SELECT coalesce(sum(amount_fen), 0) FROM store_sales WHERE month = @month ${dep}`, {
    month,
    dep: department,
  })
  const matched = one(
    db,
    `SELECT coalesce(sum(p.amount_fen), 0) FROM purchases p
      WHERE p.purchase_date BETWEEN @from AND @to ${department === null ? '' : 'AND p.department = @dep'}
        AND EXISTS (SELECT 1 FROM store_sales s WHERE s.month = @month AND s.department = p.department)`,
    { month, from: month * 100, to: month * 100 + 99, dep: department },
  )
  const [msFrom, msTo] = monthMs(month)
  const issued = one(
    db,
    `SELECT coalesce(sum(l.delta), 0) FROM points_ledger l LEFT JOIN purchases p ON p.id = l.purchase_id
      WHERE l.at >= @from AND l.at < @to AND l.kind NOT IN ('redeem', 'refund', 'expire')
        ${department === null ? '' : 'AND p.department = @dep'}`,
    { from: msFrom, to: msTo, dep: department },
  )
  const kindSum = (kinds: string) =>
    one(
      db,
      `SELECT coalesce(-sum(delta), 0) FROM points_ledger WHERE at >= ? AND at < ? AND kind IN (${kinds})`,
      msFrom,
      msTo,
    )
  return {
    members,
    activeCards,
    newCards,
    sleeping,
    vipSales,
    storeSales,
    vipShare: storeSales > 0 ? matched / storeSales : null,
    pointsIssued: issued,
    pointsRedeemed: kindSum(`'redeem', 'refund'`),
    pointsExpired: kindSum(`'expire'`),
    pointsOutstanding: one(db, `SELECT coalesce(sum(delta), 0) FROM points_ledger WHERE at < ?`, msTo),
    ...sqlVouchers(db, month, msFrom, msTo),
  }
}

/** Voucher value by the voucher rows' own dates: issued, used, lapsed (the month of the last valid day). */
function sqlVouchers(db: Db, month: number, msFrom: number, msTo: number) {
  const closedBefore = `(coalesce(v.used_at < @to, 0) OR (v.status = 'expired' AND v.valid_until / 100 <= @month)
     OR EXISTS (SELECT 1 FROM voucher_events e WHERE e.voucher_id = v.id AND e.kind = 'voided' AND e.at < @to))`
  const sum = (where: string) =>
    one(db, `SELECT coalesce(sum(value_fen), 0) FROM vouchers v WHERE ${where}`, { from: msFrom, to: msTo, month })
  return {
    vouchersIssued: sum('v.issued_at >= @from AND v.issued_at < @to'),
    vouchersUsed: sum('v.used_at >= @from AND v.used_at < @to'),
    vouchersExpired: sum(`v.status = 'expired' AND v.valid_until / 100 = @month`),
    vouchersOutstanding: sum(`v.issued_at < @to AND NOT ${closedBefore}`),
  }
}
