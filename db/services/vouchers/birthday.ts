import type { Actor } from '../../actor'
import { storeDayInt } from '../../clock'
import { conflict, forbidden } from '../../errors'
import { inTransaction, type Db } from '../../handle'
import { intToYmd } from '../../rules/dates'
import { firstDayOf, lastDayOf, monthKeyOf } from '../../rules/months'
import { BIRTHDAY_SENDERS } from '../../rules/roles'
import { statements } from '../../statements'
import { parseInput } from '../../validate'
import { recordAudit } from '../audit'
import { birthdayMonthSchema, birthdaysOfMonth, type BirthdayMember } from '../birthdays/month'
import { getSettings } from '../settings'
import { issueIn, kindOf } from './issue'

/**
 * 生日礼券: a tier's birthday benefit, issued with the month's birthday run (cards printed, SMS list
 * exported) so the card and the SMS can carry the number. The voucher's `ref` names the member and
 * the birthday's day this year, and `ref` is unique: a second run, a reprint or a colleague's run
 * at the same time can never give one birthday two vouchers.
 */

/** The ref that makes a birthday's voucher unique. */
export const birthdayVoucherRef = (memberId: number, dateThisYear: string) => `birthday:${memberId}:${dateThisYear}`

export interface BirthdayVoucherNote {
  voucherNo: string
  valueFen: number
}

const stmts = statements((s) => ({
  byRef: s.prepare(
    `SELECT voucher_no AS voucherNo, value_fen AS valueFen FROM vouchers WHERE ref = ? AND status != 'voided'`,
  ),
  held: s.prepare('SELECT 1 FROM vouchers WHERE ref = ?'),
  month: s.prepare(
    `SELECT count(*) AS count, coalesce(sum(value_fen), 0) AS fen FROM vouchers
      WHERE source = 'birthday' AND ref LIKE ? ESCAPE '\\'`,
  ),
}))

/** Members of the month who get a birthday voucher: active, at the settings' lowest tier or above. */
export function birthdayVoucherEligible(db: Db, month: string): BirthdayMember[] {
  const s = getSettings(db)
  const rule = s.vouchers.birthday
  if (!rule.enabled) return []
  // Tier order is the tier table's: the lowest tier first, so "or above" is a later index.
  const order = s.tierTable.map((t) => t.name)
  const lowest = order.indexOf(rule.minTier)
  if (lowest < 0) return []
  return birthdaysOfMonth(db, { month, status: 'active' }).rows.filter((r) => order.indexOf(r.tier) >= lowest)
}

/** The voucher a member holds for this birthday (voided ones do not count), or null. */
export function birthdayVoucherOf(db: Db, memberId: number, dateThisYear: string): BirthdayVoucherNote | null {
  return (stmts(db).byRef.get(birthdayVoucherRef(memberId, dateThisYear)) as BirthdayVoucherNote | undefined) ?? null
}

/** Birthday vouchers issued for a month's birthdays (any status): the cost screen's actual line. */
export function birthdayVouchersIssued(db: Db, month: string): { count: number; fen: number } {
  return stmts(db).month.get(`birthday:%:${month}-%`) as { count: number; fen: number }
}

export interface BirthdayVoucherRun {
  /** Issued by this call */
  issued: number
  /** Held already (an earlier run) */
  already: number
  /** Members of the month who get one */
  eligible: number
}

/**
 * Issues the month's birthday vouchers: one per eligible member, valid from the month's first day
 * (today when later) to its last. A month that has ended is refused: its vouchers could not be used.
 * Does nothing when birthday vouchers are switched off in settings.
 */
export function issueBirthdayVouchers(db: Db, input: { month: string }, actor: Actor): BirthdayVoucherRun {
  if (!BIRTHDAY_SENDERS.includes(actor.role)) throw forbidden(`操作员"${actor.name}"的角色无权发放生日礼券`)
  const month = parseInput(birthdayMonthSchema.shape.month, input?.month)
  const rule = getSettings(db).vouchers.birthday
  if (!rule.enabled) return { issued: 0, already: 0, eligible: 0 }
  const key = monthKeyOf(month)!
  const today = storeDayInt(db)
  const last = lastDayOf(key)
  if (today > last) throw conflict(`${month} 已过，不能再发放该月的生日礼券`)
  const from = Math.max(firstDayOf(key), today)
  return inTransaction(db, () => {
    const members = birthdayVoucherEligible(db, month)
    if (!members.length) return { issued: 0, already: 0, eligible: 0 }
    const kind = kindOf(db, rule.kind)
    const held = stmts(db).held
    let issued = 0
    for (const m of members) {
      // Any voucher with the ref, voided too: voiding one was someone's decision, not a reason for another.
      if (held.get(birthdayVoucherRef(m.memberId, m.dateThisYear)) !== undefined) continue
      issueIn(
        db,
        {
          kind,
          memberId: m.memberId,
          source: 'birthday',
          reason: `${month} 生日礼券`,
          ref: birthdayVoucherRef(m.memberId, m.dateThisYear),
          valueFen: rule.valueFen,
          validUntil: last,
          today: intToYmd(from),
        },
        actor,
        'birthday',
      )
      issued++
    }
    if (issued)
      recordAudit(db, actor, 'create', 'voucher', month, `发放 ${month} 生日礼券 ${issued} 张（${rule.kind}）`)
    return { issued, already: members.length - issued, eligible: members.length }
  })
}

/**
 * The run's hook: issue what is due when birthday vouchers are on and the month has not ended
 * (a card reprinted for a past month still prints, without a new voucher).
 */
export function birthdayVouchersForRun(db: Db, month: string, actor: Actor): BirthdayVoucherRun | null {
  if (!getSettings(db).vouchers.birthday.enabled) return null
  const key = monthKeyOf(month)
  if (!key || storeDayInt(db) > lastDayOf(key)) return null
  return issueBirthdayVouchers(db, { month }, actor)
}

/** For the month's list: how many members get a birthday voucher, and how many hold theirs already. */
export function birthdayVoucherCount(db: Db, month: string): { eligible: number; issued: number } {
  return { eligible: birthdayVoucherEligible(db, month).length, issued: birthdayVouchersIssued(db, month).count }
}
