/**
 * The automatic assignment proposal (自动分配), as a pure function: no database, safe for the
 * renderer and for property tests.
 *
 * It works in rounds. Each round takes the eligible staff with room left who hold the fewest VIPs,
 * and gives each of them one of the most valuable members still waiting: first back to the
 * maintainer who holds them now (when rebalancing, so that as few pairs as possible move), then to
 * a maintainer of the member's own department (同课优先), the rest highest value to the lowest
 * total (均衡).
 *
 * What that guarantees (test/unit/care-proposal-properties.test.ts checks it):
 * - only eligible staff, nobody beyond capacity, only the members passed in;
 * - a maintainer who was given a member holds at most one more VIP than any eligible maintainer
 *   with room left (water-filling by count);
 * - among maintainers who started with the same number of VIPs and none of them full, the new
 *   value each was given differs by at most the single most valuable member: each round's
 *   members are all worth no more than the previous round's, so one maintainer's round r is
 *   bounded by another's round r-1, leaving only the first round's member as the gap.
 */

export interface ProposalMember {
  memberId: number
  /** What the member is worth on the list's measure (fen of spend, or points) */
  value: number
  /** The department where they spend most; null when unknown */
  department: string | null
  /** Rebalancing: who holds them now, kept when that maintainer is in the round */
  current?: number | null
}

export interface ProposalStaff {
  id: number
  department: string
  capacity: number
  eligible: boolean
  /** VIPs they keep (pairs the proposal does not touch) and those VIPs' value */
  count: number
  value: number
}

export type ProposalReason = 'keep' | 'department' | 'balance'

export const PROPOSAL_REASON_LABELS: Record<ProposalReason, string> = {
  keep: '保持现维护人',
  department: '同课优先',
  balance: '均衡',
}

export interface ProposedPair {
  memberId: number
  staffId: number
  reason: ProposalReason
}

export interface ProposalResult {
  pairs: ProposedPair[]
  /** Members no eligible maintainer had room for */
  unplaced: number[]
}

interface Load {
  s: ProposalStaff
  count: number
  value: number
}

/** Proposes a maintainer for each member; deterministic for the same input. */
export function proposeAssignments(
  members: readonly ProposalMember[],
  staff: readonly ProposalStaff[],
): ProposalResult {
  const queue = [...members].sort((a, b) => b.value - a.value || a.memberId - b.memberId)
  const loads: Load[] = staff.filter((s) => s.eligible).map((s) => ({ s, count: s.count, value: s.value }))
  const pairs: ProposedPair[] = []
  let next = 0
  while (next < queue.length) {
    const open = loads.filter((l) => l.count < l.s.capacity)
    if (!open.length) break
    const fewest = Math.min(...open.map((l) => l.count))
    const round = open.filter((l) => l.count === fewest)
    const batch = queue.slice(next, next + round.length)
    next += batch.length
    const free = new Set(round)
    const give = (m: ProposalMember, l: Load, reason: ProposalReason) => {
      free.delete(l)
      l.count++
      l.value += m.value
      pairs.push({ memberId: m.memberId, staffId: l.s.id, reason })
    }
    const rest: ProposalMember[] = []
    for (const m of batch) {
      const holder = [...free].find((l) => l.s.id === m.current)
      if (holder) give(m, holder, 'keep')
      else rest.push(m)
    }
    const deferred: ProposalMember[] = []
    for (const m of rest) {
      const same = [...free].filter((l) => m.department !== null && l.s.department === m.department)
      if (same.length) give(m, lowest(same), 'department')
      else deferred.push(m)
    }
    for (const m of deferred) give(m, lowest([...free]), 'balance')
  }
  return { pairs, unplaced: queue.slice(next).map((m) => m.memberId) }
}

/** The maintainer with the least total value (then fewest, then lowest id, for a stable result). */
function lowest(loads: Load[]): Load {
  let best = loads[0]!
  for (const l of loads) {
    if (l.value < best.value || (l.value === best.value && l.s.id < best.s.id)) best = l
  }
  return best
}

/** Whole months from hire day to today (yyyymmdd both); a month counts once its day is reached. */
export function serviceMonths(hireDate: number, today: number): number {
  const hy = Math.floor(hireDate / 10000)
  const hm = Math.floor(hireDate / 100) % 100
  const hd = hireDate % 100
  const ty = Math.floor(today / 10000)
  const tm = Math.floor(today / 100) % 100
  const td = today % 100
  const months = (ty - hy) * 12 + (tm - hm) - (td < hd ? 1 : 0)
  return Math.max(0, months)
}

/** May maintain VIPs: active and in service at least the settings' months. */
export const isEligibleStaff = (
  s: { active: boolean; hireDate: number },
  today: number,
  minServiceMonths: number,
): boolean => s.active && serviceMonths(s.hireDate, today) >= minServiceMonths
