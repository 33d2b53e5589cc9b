import { storeDayInt } from '../../clock'
import type { Actor } from '../../actor'
import { conflict, notFound, validationError } from '../../errors'
import { inTransaction, type Db } from '../../handle'
import { statements } from '../../statements'
import { parseInput, z } from '../../validate'
import { recordAudit } from '../audit'
import { getSettings } from '../settings'
import { dayInput, showDay, toDay } from './days'
import { staffById, type StaffRow } from './staff'

/** One period of one maintainer looking after one member. */
export interface AssignmentPeriod {
  id: number
  memberId: number
  cardNo: string
  memberName: string
  staffId: number
  staffName: string
  from: string
  /** YYYY-MM-DD the period ended (exclusive); null while it lasts */
  until: string | null
  reason: string
  endReason: string | null
  createdBy: string | null
  endedBy: string | null
}

const stmts = statements((s) => ({
  member: s.prepare('SELECT id, card_no AS cardNo, name, status FROM members WHERE id = ?'),
  card: s.prepare('SELECT member_id FROM member_cards WHERE card_no = ?').pluck(),
  open: s.prepare(
    `SELECT a.id, a.staff_id AS staffId, a.from_day AS fromDay, s.name AS staffName
     FROM vip_assignments a JOIN staff s ON s.id = a.staff_id WHERE a.member_id = ? AND a.until_day IS NULL`,
  ),
  lastEnd: s.prepare('SELECT max(until_day) FROM vip_assignments WHERE member_id = ?').pluck(),
  openOfStaff: s.prepare(
    'SELECT id, member_id AS memberId FROM vip_assignments WHERE staff_id = ? AND until_day IS NULL',
  ),
  end: s.prepare('UPDATE vip_assignments SET until_day = ?, end_reason = ?, ended_at = ?, ended_by = ? WHERE id = ?'),
  start: s.prepare(
    `INSERT INTO vip_assignments (member_id, staff_id, from_day, reason, created_at, created_by)
     VALUES (?, ?, ?, ?, ?, ?)`,
  ),
  history: s.prepare(
    `SELECT a.id, a.member_id AS memberId, m.card_no AS cardNo, m.name AS memberName, a.staff_id AS staffId,
            s.name AS staffName, a.from_day AS fromDay, a.until_day AS untilDay, a.reason, a.end_reason AS endReason,
            c.name AS createdBy, e.name AS endedBy
     FROM vip_assignments a JOIN members m ON m.id = a.member_id JOIN staff s ON s.id = a.staff_id
     LEFT JOIN operators c ON c.id = a.created_by LEFT JOIN operators e ON e.id = a.ended_by
     WHERE (? IS NULL OR a.member_id = ?) AND (? IS NULL OR a.staff_id = ?)
     ORDER BY a.from_day DESC, a.id DESC`,
  ),
}))

interface OpenRow {
  id: number
  staffId: number
  fromDay: number
  staffName: string
}

export interface MemberRef {
  id: number
  cardNo: string
  name: string
}

export function memberForCare(db: Db, memberId: number): MemberRef {
  const m = stmts(db).member.get(memberId) as (MemberRef & { status: string }) | undefined
  if (!m) throw notFound('找不到该会员')
  if (m.status === 'closed') throw validationError(`会员 ${m.cardNo} 已销卡，不能分配维护人`)
  return m
}

/** Any card the member ever held finds them. */
export function memberIdByCardNo(db: Db, cardNo: string): number {
  const id = stmts(db).card.get(cardNo.trim()) as number | undefined
  if (id === undefined) throw notFound(`找不到卡号为 ${cardNo.trim()} 的会员`)
  return id
}

export const openAssignmentOf = (db: Db, memberId: number): OpenRow | undefined =>
  stmts(db).open.get(memberId) as OpenRow | undefined

/**
 * Refuses a maintainer who cannot take `adding` more VIPs: left, too new, or full. `override`
 * lets a planner go beyond capacity on purpose (never beyond eligibility).
 */
export function checkCanTake(db: Db, s: StaffRow, adding: number, override = false): void {
  if (!s.active) throw conflict(`维护人"${s.name}"已离职，不能再分配VIP`)
  if (!s.eligible) {
    const need = getSettings(db).care.minServiceMonths
    throw conflict(`维护人"${s.name}"入职 ${s.serviceMonths} 个月，未满 ${need} 个月，暂不能维护VIP`)
  }
  if (!override && s.vipCount + adding > s.capacity) {
    throw conflict(
      `维护人"${s.name}"已维护 ${s.vipCount} 位VIP，名额 ${s.capacity} 位，再分配 ${adding} 位将超出名额；` +
        '可调高其名额、选择其他维护人，或勾选"允许超出名额"',
    )
  }
}

function checkFrom(db: Db, memberId: number, from: number, open: OpenRow | undefined): void {
  const today = storeDayInt(db)
  if (from > today) throw validationError('开始日期不能晚于今天')
  const last = stmts(db).lastEnd.get(memberId) as number | null
  const floor = Math.max(open?.fromDay ?? 0, last ?? 0)
  if (from < floor) throw validationError(`开始日期不能早于 ${showDay(floor)}（该会员上一段维护期）`)
}

/** Ends the member's open period (if any) and starts one with the staff member; inside a transaction. */
export function startPeriod(
  db: Db,
  memberId: number,
  staffId: number,
  from: number,
  reason: string,
  endReason: string,
  actor: Actor,
): void {
  const st = stmts(db)
  const now = db.now().getTime()
  const open = openAssignmentOf(db, memberId)
  if (open) st.end.run(from, endReason, now, actor.id, open.id)
  st.start.run(memberId, staffId, from, reason, now, actor.id)
}

const changeSchema = z.object({
  memberId: z.number().int().positive(),
  staffId: z.number().int().positive(),
  from: dayInput('开始日期').optional(),
  reason: z.string().trim().max(100, '原因最多 100 个字').optional(),
  override: z.boolean().optional(),
})
export type AssignInput = z.input<typeof changeSchema>

export interface AssignResult {
  memberId: number
  cardNo: string
  staffName: string
  previousStaffName: string | null
  from: string
}

/**
 * Gives a member to a maintainer, or moves them from their current one (`move`); a move ends
 * the old period on the day the new one starts.
 */
function change(db: Db, input: AssignInput, actor: Actor, mode: 'assign' | 'move'): AssignResult {
  const v = parseInput(changeSchema, input)
  const from = v.from ? toDay(v.from) : storeDayInt(db)
  return inTransaction(db, () => {
    const m = memberForCare(db, v.memberId)
    const s = staffById(db, v.staffId)
    const open = openAssignmentOf(db, m.id)
    if (open?.staffId === s.id) throw conflict(`会员 ${m.cardNo} 已由"${s.name}"维护`)
    if (mode === 'assign' && open)
      throw conflict(`会员 ${m.cardNo} 已由"${open.staffName}"维护；要换人请用"调整维护人"`)
    if (mode === 'move' && !open) throw conflict(`会员 ${m.cardNo} 尚未分配维护人`)
    checkCanTake(db, s, 1, v.override)
    checkFrom(db, m.id, from, open)
    const over = v.override && s.vipCount + 1 > s.capacity ? '（超出名额）' : ''
    const reason = (v.reason || (mode === 'assign' ? '手动分配' : '调整维护人')) + over
    startPeriod(db, m.id, s.id, from, reason, reason, actor)
    const what = open ? `由 ${open.staffName} 调整为 ${s.name}` : `分配给 ${s.name}`
    recordAudit(db, actor, mode, 'vip_assignment', m.id, `会员 ${m.cardNo} ${what}（${showDay(from)}）：${reason}`)
    return {
      memberId: m.id,
      cardNo: m.cardNo,
      staffName: s.name,
      previousStaffName: open?.staffName ?? null,
      from: showDay(from)!,
    }
  })
}

export const assignMember = (db: Db, input: AssignInput, actor: Actor) => change(db, input, actor, 'assign')
export const moveMember = (db: Db, input: AssignInput, actor: Actor) => change(db, input, actor, 'move')

const releaseSchema = z.object({
  memberId: z.number().int().positive(),
  on: dayInput('结束日期').optional(),
  reason: z.string().trim().min(1, '请填写原因').max(100, '原因最多 100 个字'),
})
export type ReleaseInput = z.input<typeof releaseSchema>

/** Ends a member's maintenance: back to the unassigned pool. */
export function releaseMember(db: Db, input: ReleaseInput, actor: Actor): { memberId: number; staffName: string } {
  const v = parseInput(releaseSchema, input)
  const on = v.on ? toDay(v.on) : storeDayInt(db)
  return inTransaction(db, () => {
    const m = memberForCare(db, v.memberId)
    const open = openAssignmentOf(db, m.id)
    if (!open) throw conflict(`会员 ${m.cardNo} 尚未分配维护人`)
    if (on < open.fromDay) throw validationError(`结束日期不能早于维护开始日 ${showDay(open.fromDay)}`)
    if (on > storeDayInt(db)) throw validationError('结束日期不能晚于今天')
    stmts(db).end.run(on, v.reason, db.now().getTime(), actor.id, open.id)
    recordAudit(
      db,
      actor,
      'release',
      'vip_assignment',
      m.id,
      `会员 ${m.cardNo} 解除 ${open.staffName} 的维护：${v.reason}`,
    )
    return { memberId: m.id, staffName: open.staffName }
  })
}

const handOverSchema = z.object({
  fromStaffId: z.number().int().positive(),
  /** null: back into the unassigned pool */
  toStaffId: z.number().int().positive().nullable(),
  on: dayInput('交接日期').optional(),
  reason: z.string().trim().max(100, '原因最多 100 个字').optional(),
  override: z.boolean().optional(),
})
export type HandOverInput = z.input<typeof handOverSchema>

/** All of one maintainer's VIPs to another (or back to the pool), in one transaction. */
export function handOver(db: Db, input: HandOverInput, actor: Actor): { moved: number; to: string | null } {
  const v = parseInput(handOverSchema, input)
  const on = v.on ? toDay(v.on) : storeDayInt(db)
  return inTransaction(db, () => {
    const st = stmts(db)
    const from = staffById(db, v.fromStaffId)
    const to = v.toStaffId === null ? null : staffById(db, v.toStaffId)
    if (to?.id === from.id) throw validationError('交接对象不能是同一位维护人')
    const pairs = st.openOfStaff.all(from.id) as { id: number; memberId: number }[]
    if (!pairs.length) throw conflict(`维护人"${from.name}"名下没有VIP，无需交接`)
    if (to) checkCanTake(db, to, pairs.length, v.override)
    for (const p of pairs) {
      const open = openAssignmentOf(db, p.memberId)!
      checkFrom(db, p.memberId, on, open)
    }
    const reason = v.reason || (to ? `交接：${from.name} → ${to.name}` : `交接：${from.name} 名下退回待分配`)
    const now = db.now().getTime()
    for (const p of pairs) {
      if (to) startPeriod(db, p.memberId, to.id, on, reason, reason, actor)
      else st.end.run(on, reason, now, actor.id, p.id)
    }
    const target = to ? `交给 ${to.name}` : '退回待分配'
    recordAudit(
      db,
      actor,
      'handover',
      'staff',
      from.id,
      `${from.name} 名下 ${pairs.length} 位VIP ${target}（${showDay(on)}）`,
    )
    return { moved: pairs.length, to: to?.name ?? null }
  })
}

interface RawPeriod extends Omit<AssignmentPeriod, 'from' | 'until'> {
  fromDay: number
  untilDay: number | null
}

/** Who maintained whom, newest first: for one member, one maintainer, or both. */
export function assignmentHistory(db: Db, input: { memberId?: number; staffId?: number }): AssignmentPeriod[] {
  const v = parseInput(
    z.object({ memberId: z.number().int().positive().optional(), staffId: z.number().int().positive().optional() }),
    input,
  )
  const m = v.memberId ?? null
  const s = v.staffId ?? null
  return (stmts(db).history.all(m, m, s, s) as RawPeriod[]).map(({ fromDay, untilDay, ...r }) => ({
    ...r,
    from: showDay(fromDay)!,
    until: showDay(untilDay),
  }))
}
