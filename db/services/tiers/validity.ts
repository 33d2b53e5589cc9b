import { storeDayInt, storeZone } from '../../clock'
import { SYSTEM_ACTOR, type Actor } from '../../actor'
import { conflict, forbidden, notFound, validationError } from '../../errors'
import { inTransaction, type Db } from '../../handle'
import { formatYmd, intToYmd } from '../../rules/dates'
import {
  addMonths,
  dayEndMs,
  dayStartMs,
  hasLapsed,
  periodOf,
  qualifiesForRenewal,
  RENEW_ANYWAY_ROLES,
  renewedUntil,
  validUntilFor,
  type CardValidity,
} from '../../rules/tiers'
import { statements } from '../../statements'
import { parseInput, z } from '../../validate'
import { recordAudit } from '../audit'
import { getSettings } from '../settings'

export const showDay = (day: number | null): string | null => (day === null ? null : formatYmd(intToYmd(day)))

const stmts = statements((s) => ({
  missing: s.prepare('SELECT id, join_date AS joinDate FROM members WHERE valid_until IS NULL'),
  setValid: s.prepare('UPDATE members SET valid_until = ? WHERE id = ?'),
  earned: s
    .prepare(
      // By member: the (kind, at) index would read every member's earnings in the period.
      `SELECT coalesce(sum(delta), 0) FROM points_ledger INDEXED BY points_ledger_member
       WHERE member_id = ? AND kind = 'earn' AND at >= ? AND at < ?`,
    )
    .pluck(),
  lapsedSince: s.prepare(
    `SELECT id, valid_until AS validUntil FROM members
     WHERE valid_until >= ? AND valid_until < ? AND status <> 'closed'`,
  ),
  lastRenewalRun: s.prepare("SELECT max(day) FROM tier_jobs WHERE job = 'renewal'").pluck(),
  jobRun: s.prepare(
    `INSERT INTO tier_jobs (job, day, changed, detail, at, operator_id) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (job, day) DO UPDATE SET changed = changed + excluded.changed, at = excluded.at`,
  ),
  renewal: s.prepare(
    `INSERT INTO card_renewals (member_id, from_valid_until, to_valid_until, earned_points, automatic, reason, at,
       operator_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ),
  member: s.prepare('SELECT id, card_no AS cardNo, name, status, valid_until AS validUntil FROM members WHERE id = ?'),
}))

/** Points the member earned (earn entries) in the validity period that ends on `validUntil`. */
export function earnedInPeriod(db: Db, memberId: number, validUntil: number, v: CardValidity): number {
  const p = periodOf(validUntil, v)
  return stmts(db).earned.get(memberId, dayStartMs(p.from, storeZone(db)), dayEndMs(p.to, storeZone(db))) as number
}

/**
 * Gives every card without a validity one: join date + the validity months. New members get it as
 * they are created or imported; at start-up it fills in cards from before the rule existed.
 */
export function assignMissingValidity(db: Db): number {
  const v = getSettings(db).cardValidity
  const st = stmts(db)
  const rows = st.missing.all() as { id: number; joinDate: number }[]
  for (const r of rows) st.setValid.run(validUntilFor(r.joinDate, v), r.id)
  return rows.length
}

export interface RenewalRun {
  /** Cards that had no validity and got one */
  assigned: number
  checked: number
  renewed: number
}

/**
 * Renews, for one more period each time, every card that lapsed before `asOf` while its member
 * earned at least the renewal points in the period. Only cards that lapsed since the previous run
 * are looked at, so a second run the same day does nothing.
 */
export function renewDueCards(db: Db, input: { asOf: number }, actor: Actor): RenewalRun {
  const v = getSettings(db).cardValidity
  const today = input.asOf
  return inTransaction(db, () => {
    const st = stmts(db)
    const assigned = assignMissingValidity(db)
    const since = (st.lastRenewalRun.get() as number | null) ?? 0
    const due = st.lapsedSince.all(since, today) as { id: number; validUntil: number }[]
    const now = db.now().getTime()
    let renewed = 0
    for (const card of due) {
      let until = card.validUntil
      while (until < today) {
        const earned = earnedInPeriod(db, card.id, until, v)
        if (!qualifiesForRenewal(earned, v)) break
        const next = addMonths(until, v.months)
        const reason = `有效期内获得积分 ${earned.toLocaleString('en-US')}，达到续期标准 ${v.renewalPoints.toLocaleString('en-US')}，自动续期`
        st.renewal.run(card.id, until, next, earned, 1, reason, now, actor.id)
        until = next
      }
      if (until !== card.validUntil) {
        st.setValid.run(until, card.id)
        renewed++
      }
    }
    st.jobRun.run('renewal', Math.max(today, since), renewed, `检查 ${due.length} 张过期卡`, now, actor.id)
    if (renewed) recordAudit(db, actor, 'renew', 'card', null, `自动续期：${renewed} 张会员卡`)
    return { assigned, checked: due.length, renewed }
  })
}

/** What start-up runs: validity for cards without one, then the automatic renewals due by today. */
export function cardJobsAtStartup(db: Db): RenewalRun {
  return renewDueCards(db, { asOf: storeDayInt(db) }, SYSTEM_ACTOR)
}

const renewSchema = z.object({
  id: z.number().int().positive(),
  reason: z.string().trim().max(200).optional(),
})
export type RenewCardInput = z.input<typeof renewSchema>

export interface RenewedCard {
  id: number
  cardNo: string
  /** YYYY-MM-DD */
  from: string | null
  to: string
  earnedPoints: number
  qualified: boolean
}

/**
 * Renews one lapsed card. A member who earned the renewal points in the period qualifies; anyone
 * else only by an administrator or planner, with a reason. A refused call changes nothing.
 */
export function renewCard(db: Db, input: RenewCardInput, actor: Actor): RenewedCard {
  const q = parseInput(renewSchema, input)
  const v = getSettings(db).cardValidity
  return inTransaction(db, () => {
    const st = stmts(db)
    const m = st.member.get(q.id) as
      { id: number; cardNo: string; name: string; status: string; validUntil: number | null } | undefined
    if (!m) throw notFound('找不到该会员')
    if (m.status === 'closed') throw conflict('该会员卡已注销，不能续期')
    const today = storeDayInt(db)
    if (m.validUntil === null || !hasLapsed(m.validUntil, today)) throw conflict('该会员卡尚未过期，无需续期')
    const earned = earnedInPeriod(db, m.id, m.validUntil, v)
    const qualified = qualifiesForRenewal(earned, v)
    if (!qualified) {
      if (!RENEW_ANYWAY_ROLES.includes(actor.role))
        throw forbidden(`有效期内积分 ${earned} 未达到续期标准 ${v.renewalPoints}，只有管理员或企划可以破例续期`)
      if (!q.reason)
        throw validationError('未达到续期标准，破例续期须填写原因', [{ field: 'reason', message: '请填写原因' }])
    }
    const to = renewedUntil(m.validUntil, today, v)
    const reason =
      (qualified ? `有效期内获得积分 ${earned}，达到续期标准` : `破例续期（有效期内积分 ${earned}）`) +
      (q.reason ? `：${q.reason}` : '')
    const now = db.now().getTime()
    st.renewal.run(m.id, m.validUntil, to, earned, 0, reason, now, actor.id)
    st.setValid.run(to, m.id)
    recordAudit(db, actor, 'renew', 'card', m.id, `会员卡续期 卡号${m.cardNo}：至 ${showDay(to)}；${reason}`)
    return {
      id: m.id,
      cardNo: m.cardNo,
      from: showDay(m.validUntil),
      to: showDay(to)!,
      earnedPoints: earned,
      qualified,
    }
  })
}
