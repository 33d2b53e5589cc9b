import { storeDayInt, storeZone } from '../../clock'
import type { Actor } from '../../actor'
import { conflict, validationError } from '../../errors'
import { inTransaction, type Db } from '../../handle'
import {
  PROPOSAL_REASON_LABELS,
  proposeAssignments,
  type ProposalMember,
  type ProposalStaff,
} from '../../rules/careProposal'
import { statements } from '../../statements'
import { parseInput, z } from '../../validate'
import { recordAudit } from '../audit'
import { memberForCare, openAssignmentOf, startPeriod } from './assign'
import { showDay } from './days'
import { highValueList, lastPurchaseId, membersBuyingSince, spendWindow, warmHighValue } from './highValue'
import { listStaff } from './staff'

export interface ProposalRow {
  memberId: number
  cardNo: string
  name: string
  tier: string
  value: number
  /** Where the member spends most over 12 months */
  department: string | null
  /** Who holds them now: an ex-maintainer who left, or (rebalancing) a current one */
  currentStaffId: number | null
  currentStaffName: string | null
  staffId: number
  staffName: string
  reason: string
}

/** A maintainer's load before the proposal, for the planner's live totals. */
export interface StaffLoad {
  id: number
  name: string
  department: string
  capacity: number
  eligible: boolean
  /** VIPs (and their value) that stay with them whatever the proposal says */
  keptCount: number
  keptValue: number
}

export interface Proposal {
  rebalance: boolean
  rows: ProposalRow[]
  /** High-value members left waiting: no eligible maintainer had room */
  unplaced: { memberId: number; cardNo: string; name: string; value: number }[]
  staff: StaffLoad[]
}

const stmts = statements((s) => ({
  topDepartment: s
    .prepare(
      `SELECT department FROM purchases WHERE member_id = ? AND purchased_at >= ? AND purchased_at < ? AND department <> ''
       GROUP BY department ORDER BY sum(amount_fen) DESC, department LIMIT 1`,
    )
    .pluck(),
}))

/**
 * Where each member buys most is a walk over their year of purchase lines (the department is not
 * in the covering index), and the proposal asks it for hundreds of members at once. Kept per
 * connection like the spend ranking: a member's answer only changes when they buy, and the window
 * only moves with the day.
 */
interface KeptDepartments {
  start: number
  end: number
  maxId: number
  of: Map<number, string | null>
}
const departments = new WeakMap<object, KeptDepartments>()

function departmentsOf(db: Db, memberIds: number[], start: number, end: number): Map<number, string | null> {
  const maxId = lastPurchaseId(db)
  let kept = departments.get(db.sqlite)
  if (!kept || kept.start !== start || kept.end !== end) kept = { start, end, maxId, of: new Map() }
  if (kept.maxId !== maxId) {
    const touched = membersBuyingSince(db, kept.maxId)
    if (touched) for (const id of touched) kept.of.delete(id)
    else kept.of.clear()
    kept.maxId = maxId
  }
  const top = stmts(db).topDepartment
  for (const id of memberIds)
    if (!kept.of.has(id)) kept.of.set(id, (top.get(id, start, end) as string | undefined) ?? null)
  departments.set(db.sqlite, kept)
  return kept.of
}

/** The day's ranking and the list's departments worked out ahead of the planner (start-up, hourly). */
export function warmCare(db: Db): void {
  warmHighValue(db)
  const [start, end] = spendWindow(storeDayInt(db), storeZone(db))
  departmentsOf(
    db,
    highValueList(db).rows.map((r) => r.memberId),
    start,
    end,
  )
}

/**
 * Proposes maintainers for every high-value member who has none (or whose maintainer left).
 * With `rebalance`, members on the list who do have a maintainer are shared out again too; a
 * member proposed to stay where they are is left out of the rows.
 */
export function proposeAutoAssign(db: Db, input: { rebalance?: boolean } = {}): Proposal {
  const rebalance = parseInput(z.object({ rebalance: z.boolean().optional() }), input).rebalance ?? false
  const list = highValueList(db).rows
  const staff = listStaff(db)
  const [start, end] = spendWindow(storeDayInt(db), storeZone(db))
  const moving = list.filter((r) => r.inCriteria && (r.status !== 'assigned' || rebalance))
  const movingIds = new Set(moving.map((r) => r.memberId))
  const kept = new Map<number, { count: number; value: number }>()
  for (const r of list) {
    if (r.staffId === null || movingIds.has(r.memberId)) continue
    const k = kept.get(r.staffId) ?? { count: 0, value: 0 }
    k.count++
    k.value += r.value
    kept.set(r.staffId, k)
  }
  const loads: StaffLoad[] = staff
    .filter((s) => s.active)
    .map((s) => ({
      id: s.id,
      name: s.name,
      department: s.department,
      capacity: s.capacity,
      eligible: s.eligible,
      keptCount: kept.get(s.id)?.count ?? 0,
      keptValue: kept.get(s.id)?.value ?? 0,
    }))
  const departmentOf = departmentsOf(
    db,
    moving.map((r) => r.memberId),
    start,
    end,
  )
  const members: ProposalMember[] = moving.map((r) => ({
    memberId: r.memberId,
    value: r.value,
    department: departmentOf.get(r.memberId) ?? null,
    current: r.status === 'assigned' ? r.staffId : null,
  }))
  const proposalStaff: ProposalStaff[] = loads.map((l) => ({ ...l, count: l.keptCount, value: l.keptValue }))
  const result = proposeAssignments(members, proposalStaff)
  const byMember = new Map(moving.map((r) => [r.memberId, r]))
  const deptOf = new Map(members.map((m) => [m.memberId, m.department]))
  const nameOf = new Map(staff.map((s) => [s.id, s.name]))
  const rows: ProposalRow[] = result.pairs
    .filter((p) => byMember.get(p.memberId)!.staffId !== p.staffId)
    .map((p) => {
      const r = byMember.get(p.memberId)!
      return {
        memberId: r.memberId,
        cardNo: r.cardNo,
        name: r.name,
        tier: r.tier,
        value: r.value,
        department: deptOf.get(r.memberId) ?? null,
        currentStaffId: r.staffId,
        currentStaffName: r.staffName,
        staffId: p.staffId,
        staffName: nameOf.get(p.staffId)!,
        reason: PROPOSAL_REASON_LABELS[p.reason],
      }
    })
  const unplaced = result.unplaced.map((id) => {
    const r = byMember.get(id)!
    return { memberId: id, cardNo: r.cardNo, name: r.name, value: r.value }
  })
  return { rebalance, rows, unplaced, staff: loads }
}

const applySchema = z.object({
  rows: z
    .array(
      z.object({
        memberId: z.number().int().positive(),
        staffId: z.number().int().positive(),
        /** Who held the member when the proposal was made: the apply refuses if that changed */
        currentStaffId: z.number().int().positive().nullable(),
      }),
    )
    .min(1, '方案里没有要分配的会员'),
  rebalance: z.boolean().optional(),
})
export type ApplyProposalInput = z.input<typeof applySchema>

/**
 * Writes the planner's (possibly edited) proposal in one transaction, checking everything again:
 * each member still held as the proposal saw them, each maintainer eligible and within capacity
 * once all the rows are counted (members leaving a maintainer free room first).
 */
export function applyAutoAssign(db: Db, input: ApplyProposalInput, actor: Actor): { assigned: number; moved: number } {
  const v = parseInput(applySchema, input)
  const seen = new Set<number>()
  for (const r of v.rows) {
    if (seen.has(r.memberId)) throw validationError('方案中同一会员出现了两次')
    seen.add(r.memberId)
  }
  const today = storeDayInt(db)
  return inTransaction(db, () => {
    const staff = new Map(listStaff(db).map((s) => [s.id, s]))
    const delta = new Map<number, number>()
    let moved = 0
    for (const r of v.rows) {
      const m = memberForCare(db, r.memberId)
      const open = openAssignmentOf(db, r.memberId)
      if ((open?.staffId ?? null) !== r.currentStaffId) {
        throw conflict(`会员 ${m.cardNo} 的维护人已有变动，请重新生成方案`)
      }
      if (open && !v.rebalance && staff.get(open.staffId)?.active) {
        throw conflict(`会员 ${m.cardNo} 已由"${open.staffName}"维护；调整现有维护关系需选择"重新均衡"`)
      }
      if (open && open.fromDay > today)
        throw conflict(`会员 ${m.cardNo} 的维护期从 ${showDay(open.fromDay)} 开始，今天不能调整`)
      const s = staff.get(r.staffId)
      if (!s) throw validationError('方案中有不存在的维护人')
      if (!s.active) throw conflict(`维护人"${s.name}"已离职，不能再分配VIP`)
      if (!s.eligible) throw conflict(`维护人"${s.name}"入职未满规定月数，暂不能维护VIP`)
      delta.set(s.id, (delta.get(s.id) ?? 0) + 1)
      if (open) {
        delta.set(open.staffId, (delta.get(open.staffId) ?? 0) - 1)
        moved++
      }
    }
    for (const [id, d] of delta) {
      const s = staff.get(id)!
      if (d > 0 && s.vipCount + d > s.capacity) {
        throw conflict(
          `维护人"${s.name}"已维护 ${s.vipCount} 位，方案再分配 ${d} 位将超出名额 ${s.capacity} 位；请调整方案`,
        )
      }
    }
    const reason = v.rebalance ? '自动分配（重新均衡）' : '自动分配'
    for (const r of v.rows) startPeriod(db, r.memberId, r.staffId, today, reason, reason, actor)
    recordAudit(
      db,
      actor,
      'auto_assign',
      'vip_assignment',
      null,
      `${reason}：${v.rows.length} 位VIP，其中调整 ${moved} 位`,
    )
    return { assigned: v.rows.length - moved, moved }
  })
}
