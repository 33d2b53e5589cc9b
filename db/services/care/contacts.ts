import { storeDayInt } from '../../clock'
import type { Actor } from '../../actor'
import { forbidden, notFound, validationError } from '../../errors'
import { inTransaction, type Db } from '../../handle'
import { CONTACT_KIND_LABELS, CONTACT_KINDS, type ContactKind } from '../../rules/care'
import { formatYmd, intToYmd, isValidSolar, ymdToInt } from '../../rules/dates'
import { recordAudit } from '../audit'
import { parseInput, z } from '../../validate'

/**
 * The maintenance log (维护记录). A contact is written by the member's current maintainer, or by a
 * planner on the maintainer's behalf. A follow-up is "done" by logging the next contact: the
 * latest contact's next follow-up is the one that is due (see myVips), so nothing is ever edited.
 */

/** Roles that log contacts for any maintainer and read every maintainer's VIPs. */
export const CARE_PLANNERS = ['admin', 'planner'] as const
export const isCarePlanner = (actor: Actor) => (CARE_PLANNERS as readonly string[]).includes(actor.role)

const dayText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')

const logSchema = z.object({
  memberId: z.number({ error: '请选择会员' }).int().positive(),
  kind: z.enum(CONTACT_KINDS, { error: '请选择联系方式' }),
  day: dayText.optional(),
  note: z.string().trim().max(500, '备注最多500字').default(''),
  nextFollowUp: dayText.nullish(),
  staffId: z.number().int().positive().optional(),
})
export type LogContactInput = z.input<typeof logSchema>

export interface ContactRecord {
  id: number
  memberId: number
  staffId: number
  staffName: string
  kind: ContactKind
  kindLabel: string
  day: string
  note: string
  nextFollowUp: string | null
  operatorName: string | null
  createdAt: number
}

export interface StaffBrief {
  id: number
  name: string
  department: string
  active: boolean
}

const today = (db: Db) => storeDayInt(db)
const toDay = (s: string) => Number(s.replaceAll('-', ''))
const validDay = (s: string) => isValidSolar(intToYmd(toDay(s)))
export const dayString = (n: number) => formatYmd(intToYmd(n))

/** The staff record an operator is linked to (staff.operator_id), or null. */
export function staffOfOperator(db: Db, operatorId: number | null): StaffBrief | null {
  if (operatorId === null) return null
  const row = db.sqlite
    .prepare('SELECT id, name, department, active FROM staff WHERE operator_id = ?')
    .get(operatorId) as { id: number; name: string; department: string; active: number } | undefined
  return row ? { ...row, active: row.active === 1 } : null
}

/** Who maintains the member now: the open period of vip_assignments. */
export function currentMaintainer(db: Db, memberId: number): { staffId: number; fromDay: number } | null {
  const row = db.sqlite
    .prepare(
      'SELECT staff_id AS staffId, from_day AS fromDay FROM vip_assignments WHERE member_id = ? AND until_day IS NULL',
    )
    .get(memberId) as { staffId: number; fromDay: number } | undefined
  return row ?? null
}

/**
 * Which staff member a caller acts as: their own linked record, or for planners the one named
 * (default: whoever holds the member). Throws when the caller may not log for this member.
 */
function loggingStaff(db: Db, memberId: number, staffId: number | undefined, actor: Actor) {
  const holder = currentMaintainer(db, memberId)
  if (isCarePlanner(actor)) {
    if (!holder) throw validationError('这位会员目前没有维护人，请先在「维护人」中分配后再记录')
    if (staffId !== undefined && staffId !== holder.staffId) throw validationError('只能为会员当前的维护人记录维护情况')
    return holder
  }
  const me = staffOfOperator(db, actor.id)
  if (!me) throw forbidden('您的账号还没有关联维护人，请企划在「维护人」中关联后再记录')
  if (staffId !== undefined && staffId !== me.id) throw forbidden('只能以您本人的名义记录维护情况')
  if (!holder || holder.staffId !== me.id) throw forbidden('这位会员不是您当前维护的VIP')
  return holder
}

/** Records one contact; returns it as the lists show it. */
export function logContact(db: Db, input: LogContactInput, actor: Actor): ContactRecord {
  const v = parseInput(logSchema, input)
  const now = today(db)
  if (v.day !== undefined && !validDay(v.day)) throw validationError('联系日期不是有效日期')
  const day = v.day === undefined ? now : toDay(v.day)
  if (day > now) throw validationError('联系日期不能晚于今天')
  let next: number | null = null
  if (v.nextFollowUp) {
    if (!validDay(v.nextFollowUp)) throw validationError('下次跟进日期不是有效日期')
    next = toDay(v.nextFollowUp)
    if (next < day) throw validationError('下次跟进日期不能早于联系日期')
  }
  return inTransaction(db, () => {
    const member = db.sqlite.prepare('SELECT card_no FROM members WHERE id = ?').get(v.memberId) as
      { card_no: string } | undefined
    if (!member) throw notFound('找不到该会员')
    const holder = loggingStaff(db, v.memberId, v.staffId, actor)
    if (day < holder.fromDay) throw validationError(`联系日期早于这段维护的开始日期（${dayString(holder.fromDay)}）`)
    const at = db.now().getTime()
    const id = db.sqlite
      .prepare(
        `INSERT INTO vip_contacts (member_id, staff_id, kind, day, note, next_follow_up, created_at, created_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(v.memberId, holder.staffId, v.kind, day, v.note, next, at, actor.id).lastInsertRowid as number
    // The note may hold anything the member said: the audit names the kind and the card only.
    recordAudit(
      db,
      actor,
      'contact',
      'member',
      v.memberId,
      `维护记录：${CONTACT_KIND_LABELS[v.kind]} 卡号${member.card_no}`,
    )
    return contactById(db, Number(id))
  })
}

const CONTACT_SELECT = `
  SELECT c.id, c.member_id AS memberId, c.staff_id AS staffId, s.name AS staffName, c.kind, c.day, c.note,
         c.next_follow_up AS nextFollowUp, o.name AS operatorName, c.created_at AS createdAt
    FROM vip_contacts c
    JOIN staff s ON s.id = c.staff_id
    LEFT JOIN operators o ON o.id = c.created_by`

interface ContactRow extends Omit<ContactRecord, 'day' | 'nextFollowUp' | 'kindLabel'> {
  day: number
  nextFollowUp: number | null
}
const toRecord = (r: ContactRow): ContactRecord => ({
  ...r,
  kindLabel: CONTACT_KIND_LABELS[r.kind],
  day: dayString(r.day),
  nextFollowUp: r.nextFollowUp === null ? null : dayString(r.nextFollowUp),
})

function contactById(db: Db, id: number): ContactRecord {
  return toRecord(db.sqlite.prepare(`${CONTACT_SELECT} WHERE c.id = ?`).get(id) as ContactRow)
}

const memberSchema = z.object({ memberId: z.number().int().positive() })

/** A member's whole log, newest first, whoever maintained them. */
export function contactsOf(db: Db, input: z.input<typeof memberSchema>): ContactRecord[] {
  const v = parseInput(memberSchema, input)
  const rows = db.sqlite
    .prepare(`${CONTACT_SELECT} WHERE c.member_id = ? ORDER BY c.day DESC, c.id DESC`)
    .all(v.memberId) as ContactRow[]
  return rows.map(toRecord)
}

const staffMonthSchema = z.object({
  staffId: z.number().int().positive(),
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM'),
})

/** One maintainer's contacts in a month (the meeting report), oldest first. */
export function contactsOfStaff(db: Db, input: z.input<typeof staffMonthSchema>): ContactRecord[] {
  const v = parseInput(staffMonthSchema, input)
  const [y, m] = v.month.split('-').map(Number) as [number, number]
  const first = ymdToInt({ y, m, d: 1 })
  const rows = db.sqlite
    .prepare(`${CONTACT_SELECT} WHERE c.staff_id = ? AND c.day >= ? AND c.day <= ? ORDER BY c.day, c.id`)
    .all(v.staffId, first, first + 30) as ContactRow[]
  return rows.map(toRecord)
}

export interface MaintainerPeriod {
  staffId: number
  staffName: string
  from: string
  /** Last day maintained (the period's untilDay is exclusive); null while it lasts */
  until: string | null
  reason: string
  endReason: string | null
}

/** Who maintained the member, when: every period of vip_assignments, newest first. */
export function maintainerHistory(db: Db, input: z.input<typeof memberSchema>): MaintainerPeriod[] {
  const v = parseInput(memberSchema, input)
  const rows = db.sqlite
    .prepare(
      `SELECT a.staff_id AS staffId, s.name AS staffName, a.from_day AS fromDay, a.until_day AS untilDay,
              a.reason, a.end_reason AS endReason
         FROM vip_assignments a JOIN staff s ON s.id = a.staff_id
        WHERE a.member_id = ? ORDER BY a.from_day DESC, a.id DESC`,
    )
    .all(v.memberId) as {
    staffId: number
    staffName: string
    fromDay: number
    untilDay: number | null
    reason: string
    endReason: string | null
  }[]
  return rows.map((r) => ({
    staffId: r.staffId,
    staffName: r.staffName,
    from: dayString(r.fromDay),
    until: r.untilDay === null ? null : dayString(lastDayBefore(r.untilDay)),
    reason: r.reason,
    endReason: r.endReason,
  }))
}

function lastDayBefore(day: number): number {
  const { y, m, d } = intToYmd(day)
  const dt = new Date(Date.UTC(y, m - 1, d - 1))
  return ymdToInt({ y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() })
}
