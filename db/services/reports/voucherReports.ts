import { storeZone } from '../../clock'
import type { Db } from '../../handle'
import { intToYmd } from '../../rules/dates'
import { firstDayOf, lastDayOf, monthText, type MonthKey } from '../../rules/months'
import { endOfDayMs, startOfDayMs } from '../../rules/storeClock'
import { statements } from '../../statements'
import { voucherFiguresByKind } from '../vouchers/figures'

/** One month's liability for one voucher kind, in fen (outstanding as at the month's end). */
export interface VoucherLiabilityRow {
  month: string
  kind: string
  issued: number
  used: number
  expired: number
  outstanding: number
}

/** Per month, per kind: what the programme owes its members in vouchers (券负债). */
export function voucherLiability(db: Db, months: MonthKey[]): VoucherLiabilityRow[] {
  return months.flatMap((m) =>
    voucherFiguresByKind(db, m).kinds.map((k) => ({
      month: monthText(m),
      kind: k.kind,
      issued: k.vouchersIssued,
      used: k.vouchersUsed,
      expired: k.vouchersExpired,
      outstanding: k.vouchersOutstanding,
    })),
  )
}

/** 推荐办卡 per referrer over a range: members they brought who joined in it, points earned for them in it. */
export interface ReferralRow {
  cardNo: string
  name: string
  referred: number
  points: number
}

const stmts = statements((s) => ({
  referrals: s.prepare(
    `SELECT r.card_no AS cardNo, r.name AS name,
            (SELECT count(*) FROM members m WHERE m.referrer_id = r.id AND m.join_date BETWEEN @fromDay AND @toDay)
              AS referred,
            (SELECT coalesce(sum(l.delta), 0) FROM points_ledger l
              WHERE l.member_id = r.id AND l.kind = 'referral' AND l.at >= @fromMs AND l.at < @toMs) AS points
       FROM members r WHERE r.id IN (SELECT referrer_id FROM members WHERE referrer_id IS NOT NULL)`,
  ),
}))

export function referralsByReferrer(db: Db, from: MonthKey, to: MonthKey): ReferralRow[] {
  const zone = storeZone(db)
  const rows = stmts(db).referrals.all({
    fromDay: firstDayOf(from),
    toDay: lastDayOf(to),
    fromMs: startOfDayMs(intToYmd(firstDayOf(from)), zone),
    toMs: endOfDayMs(intToYmd(lastDayOf(to)), zone),
  }) as ReferralRow[]
  return rows
    .filter((r) => r.referred || r.points)
    .sort((a, b) => b.referred - a.referred || b.points - a.points || a.cardNo.localeCompare(b.cardNo))
}
