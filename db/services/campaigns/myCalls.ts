import type { Actor } from '../../actor'
import { storeDayInt, storeZone } from '../../clock'
import { forbidden, notFound } from '../../errors'
import { inTransaction, type Db } from '../../handle'
import { CALL_OUTCOME_LABELS, type CallOutcome } from '../../rules/campaigns'
import { dayString } from '../../rules/dates'
import { maskPhone } from '../../rules/phone'
import { CARE_PLANNERS } from '../../rules/roles'
import { dayOf } from '../../rules/tiers'
import { parseInput, z } from '../../validate'
import { recordAudit } from '../audit'
import { staffOfOperator, type StaffBrief } from '../care/contacts'
import { campaignName } from './calls'

/** One member on a caller's list: who, how to reach them, and where the calls stand. */
export interface CallListRow {
  campaignId: number
  campaignName: string
  memberId: number
  cardNo: string
  name: string
  tier: string
  /** Masked (138****5678); the caller shows it in full with campaigns:revealPhone (audited) */
  phone: string | null
  staffName: string | null
  voucherNo: string | null
  calls: number
  lastOutcome: CallOutcome | null
  lastOutcomeLabel: string | null
  lastCallDay: string | null
  lastNote: string
  /** YYYY-MM-DD of the latest call's next try */
  nextTry: string | null
  /** The next try is today or past: call again now */
  due: boolean
}

export interface MyCallsResult {
  staff: StaffBrief | null
  today: string
  rows: CallListRow[]
}

interface Raw extends Omit<CallListRow, 'lastOutcomeLabel' | 'lastCallDay' | 'nextTry' | 'due' | 'phone'> {
  phone: string | null
  lastAt: number | null
  nextTryInt: number | null
}

/** The latest call per list member (campaign_calls_member index: campaign, member, at). */
const ROWS_SQL = `
  SELECT cm.campaign_id AS campaignId, c.name AS campaignName, m.id AS memberId, m.card_no AS cardNo,
         m.name, m.tier, m.phone, s.name AS staffName, v.voucher_no AS voucherNo,
         (SELECT count(*) FROM campaign_calls k WHERE k.campaign_id = cm.campaign_id AND k.member_id = cm.member_id) AS calls,
         k.outcome AS lastOutcome, k.at AS lastAt, coalesce(k.note, '') AS lastNote, k.next_try AS nextTryInt
    FROM campaign_members cm
    JOIN campaigns c ON c.id = cm.campaign_id
    JOIN members m ON m.id = cm.member_id
    LEFT JOIN staff s ON s.id = cm.staff_id
    LEFT JOIN vouchers v ON v.id = cm.voucher_id
    LEFT JOIN campaign_calls k ON k.id = (
      SELECT k2.id FROM campaign_calls k2 WHERE k2.campaign_id = cm.campaign_id AND k2.member_id = cm.member_id
       ORDER BY k2.at DESC, k2.id DESC LIMIT 1)`

/** Rows of a caller's list or of a whole campaign; raw phones, for the exports to mask or not. */
export function callRows(
  db: Db,
  where: { staffId?: number; campaignId?: number },
): (CallListRow & { rawPhone: string | null })[] {
  const clauses: string[] = []
  const params: number[] = []
  if (where.staffId !== undefined) {
    clauses.push('cm.staff_id = ?')
    params.push(where.staffId)
  }
  if (where.campaignId !== undefined) {
    clauses.push('cm.campaign_id = ?')
    params.push(where.campaignId)
  }
  const today = storeDayInt(db)
  const zone = storeZone(db)
  const rows = db.sqlite
    .prepare(`${ROWS_SQL} WHERE ${clauses.join(' AND ') || '1'} ORDER BY cm.campaign_id DESC, m.card_no`)
    .all(...params) as Raw[]
  return rows.map(({ lastAt, nextTryInt, phone, ...r }) => ({
    ...r,
    phone: maskPhone(phone),
    rawPhone: phone,
    lastOutcomeLabel: r.lastOutcome ? CALL_OUTCOME_LABELS[r.lastOutcome] : null,
    lastCallDay: lastAt === null ? null : dayString(dayOf(lastAt, zone)),
    nextTry: nextTryInt === null ? null : dayString(nextTryInt),
    due: nextTryInt !== null && nextTryInt <= today,
  }))
}

/** Not yet called first, then calls due again (soonest next try first), then the rest. */
const rank = (r: CallListRow) => (r.calls === 0 ? 0 : r.due ? 1 : r.nextTry ? 2 : 3)

/**
 * 我的回访: the members of every campaign given to the logged-in operator's staff record. An
 * operator with no staff record gets `staff: null` and no rows (the screen says whom to ask).
 */
export function myCalls(db: Db, actor: Actor): MyCallsResult {
  const staff = staffOfOperator(db, actor.id)
  const today = dayString(storeDayInt(db))
  if (!staff) return { staff, today, rows: [] }
  const rows = callRows(db, { staffId: staff.id })
    .map(({ rawPhone: _raw, ...r }) => r)
    .sort((a, b) => rank(a) - rank(b) || (a.nextTry ?? '').localeCompare(b.nextTry ?? ''))
  return { staff, today, rows }
}

const revealSchema = z.object({ campaignId: z.number().int().positive(), memberId: z.number().int().positive() })

/**
 * The full phone of a member on the caller's own list (planners may look at any list member);
 * every look is in the audit log, as on the member drawer.
 */
export function revealCallPhone(db: Db, input: z.input<typeof revealSchema>, actor: Actor): { value: string | null } {
  const v = parseInput(revealSchema, input)
  return inTransaction(db, () => {
    const name = campaignName(db, v.campaignId)
    const row = db.sqlite
      .prepare(
        `SELECT m.card_no AS cardNo, m.phone, cm.staff_id AS staffId FROM campaign_members cm
           JOIN members m ON m.id = cm.member_id WHERE cm.campaign_id = ? AND cm.member_id = ?`,
      )
      .get(v.campaignId, v.memberId) as { cardNo: string; phone: string | null; staffId: number | null } | undefined
    if (!row) throw notFound('该会员不在此活动的回访名单中')
    if (!CARE_PLANNERS.includes(actor.role) && staffOfOperator(db, actor.id)?.id !== row.staffId)
      throw forbidden('只能查看分给您回访的会员的手机号')
    recordAudit(db, actor, 'reveal', 'member', v.memberId, `「${name}」回访查看完整手机 卡号${row.cardNo}`)
    return { value: row.phone }
  })
}
