import { storeDayInt, storeZone } from '../../clock'
import type { Db } from '../../handle'
import type { HighValueMeasure } from '../../rules/care'
import { maskPhone } from '../../rules/phone'
import { addMonths, dayEndMs, dayOf, tierRank } from '../../rules/tiers'
import { statements } from '../../statements'
import { getSettings } from '../settings'
import { showDay } from './days'

/** Where a member stands: nobody looks after them, someone does, or their maintainer has left. */
export type HighValueStatus = 'unassigned' | 'assigned' | 'staffLeft'

export interface HighValueRow {
  memberId: number
  cardNo: string
  name: string
  tier: string
  /** Masked */
  phone: string | null
  /** 1-based place on the list; null for an assigned member who no longer meets the criteria */
  rank: number | null
  /** The list's measure: fen of 12-month spend, or points */
  value: number
  spendFen: number
  points: number
  /**
   * false: assigned but no longer on the list by the criteria. They stay shown (flagged) so the
   * planner decides whether to release them; nothing releases a VIP behind the planner's back.
   */
  inCriteria: boolean
  status: HighValueStatus
  staffId: number | null
  staffName: string | null
  /** YYYY-MM-DD the current maintainer took over */
  since: string | null
  daysSinceContact: number | null
  lastPurchase: string | null
}

export interface HighValueList {
  measure: HighValueMeasure
  rows: HighValueRow[]
}

const stmts = statements((s) => ({
  // Closed cards are left out after the ranking (see topSpenders), so this reads the covering index only.
  rankSpend: s.prepare(
    `SELECT member_id AS id, sum(amount_fen) AS spend FROM purchases
     WHERE purchased_at >= ? AND purchased_at < ? GROUP BY member_id HAVING spend > 0
     ORDER BY spend DESC, member_id LIMIT ?`,
  ),
  topSpendOpen: s.prepare(
    `SELECT member_id AS id, sum(amount_fen) AS spend FROM purchases
     WHERE purchased_at >= ? AND purchased_at < ? GROUP BY member_id
     HAVING spend > 0 AND (SELECT status FROM members WHERE id = member_id) <> 'closed'
     ORDER BY spend DESC, member_id LIMIT ?`,
  ),
  lastPurchaseId: s.prepare('SELECT max(id) FROM purchases').pluck(),
  // By rowid only: with DISTINCT the planner walks the member index over every purchase.
  linesSince: s.prepare('SELECT member_id FROM purchases WHERE id > ? ORDER BY id LIMIT ?').pluck(),
  status: s.prepare('SELECT status FROM members WHERE id = ?').pluck(),
  topPoints: s
    .prepare(
      `SELECT id FROM members WHERE points > 0 AND points >= ? AND status <> 'closed'
     ORDER BY points DESC, id LIMIT ?`,
    )
    .pluck(),
  byTier: s
    .prepare("SELECT id FROM members WHERE tier IN (SELECT value FROM json_each(?)) AND status <> 'closed'")
    .pluck(),
  spendOf: s
    .prepare(
      'SELECT coalesce(sum(amount_fen), 0) FROM purchases WHERE member_id = ? AND purchased_at >= ? AND purchased_at < ?',
    )
    .pluck(),
  member: s.prepare(
    `SELECT id, card_no AS cardNo, name, tier, phone, points, status, last_purchase_at AS lastPurchaseAt
     FROM members WHERE id = ?`,
  ),
  open: s.prepare(
    `SELECT a.member_id AS memberId, a.staff_id AS staffId, a.from_day AS fromDay, s.name, s.active
     FROM vip_assignments a JOIN staff s ON s.id = a.staff_id WHERE a.until_day IS NULL`,
  ),
  lastContact: s.prepare('SELECT max(day) FROM vip_contacts WHERE member_id = ?').pluck(),
}))

/** The 12-month spend window as purchase times: the days after today a year ago, up to today. */
export function spendWindow(today: number, zone: string): [number, number] {
  return [dayEndMs(addMonths(today, -12), zone), dayEndMs(today, zone)]
}

function daysBetween(from: number, to: number): number {
  const d = (n: number) => Date.UTC(Math.floor(n / 10000), (Math.floor(n / 100) % 100) - 1, n % 100)
  return Math.round((d(to) - d(from)) / 86_400_000)
}

interface Ranked {
  id: number
  spend: number
}

/**
 * The 12-month spend ranking is one pass over every purchase in the window (a quarter of a second
 * on 3 million lines), while the list, the proposal and the screens ask for it again and again.
 * So it is kept per connection for the day's window, with a margin below the places asked for,
 * and brought up to date from the purchases added since (by id: purchases are append-only): only
 * the members those touch can have moved, and each is re-summed on its own index. A member
 * outside the kept rows can only have entered by buying, so the rows above the old cut-off stay
 * exact; when too few are left above it (returns), or the day moves, it is computed afresh.
 */
interface SpendRanking {
  start: number
  end: number
  maxId: number
  rows: Ranked[]
  /** The last kept row at computation: anything not kept ranks below it */
  cutoff: Ranked | null
}
const rankings = new WeakMap<object, SpendRanking>()
/** More new purchase lines than this and one full pass is cheaper than following each member. */
const MAX_TOUCHED = 5000

/** Drops the kept ranking, so the next list pays for the full pass (the bench's cold figure). */
export const forgetSpendRanking = (db: Db) => rankings.delete(db.sqlite)

const ranksAbove = (r: Ranked, cut: Ranked | null) =>
  !cut || r.spend > cut.spend || (r.spend === cut.spend && r.id <= cut.id)
const bySpend = (a: Ranked, b: Ranked) => b.spend - a.spend || a.id - b.id

function freshRanking(db: Db, start: number, end: number, want: number, maxId: number): SpendRanking {
  const rows = stmts(db).rankSpend.all(start, end, want) as Ranked[]
  return { start, end, maxId, rows, cutoff: rows.length < want ? null : rows[rows.length - 1]! }
}

/**
 * The members whose purchases were added after purchase `sinceId`, or null when there are so many
 * that recomputing from scratch is cheaper than following them one by one.
 */
export function membersBuyingSince(db: Db, sinceId: number): number[] | null {
  const lines = stmts(db).linesSince.all(sinceId, MAX_TOUCHED + 1) as (number | null)[]
  if (lines.length > MAX_TOUCHED) return null
  return [...new Set(lines.filter((id): id is number => id !== null))]
}

/** The last purchase's id: what a kept figure was computed up to. */
export const lastPurchaseId = (db: Db) => (stmts(db).lastPurchaseId.get() as number | null) ?? 0

/** The kept ranking with the purchases since folded in, or null when it cannot be trusted. */
function caughtUp(db: Db, kept: SpendRanking, maxId: number): SpendRanking | null {
  const st = stmts(db)
  const touched = membersBuyingSince(db, kept.maxId)
  if (!touched) return null
  const rows = new Map(kept.rows.map((r) => [r.id, r]))
  for (const id of touched) {
    const spend = st.spendOf.get(id, kept.start, kept.end) as number
    if (spend > 0) rows.set(id, { id, spend })
    else rows.delete(id)
  }
  const sorted = [...rows.values()].filter((r) => ranksAbove(r, kept.cutoff)).sort(bySpend)
  return { ...kept, maxId, rows: sorted }
}

function topSpenders(db: Db, start: number, end: number, need: number): Ranked[] {
  const st = stmts(db)
  const maxId = lastPurchaseId(db)
  const want = Math.max(need * 2, need + 200)
  let kept = rankings.get(db.sqlite)
  if (kept && (kept.start !== start || kept.end !== end)) kept = undefined
  if (kept && kept.maxId !== maxId) kept = caughtUp(db, kept, maxId) ?? undefined
  const open = (r: SpendRanking) => r.rows.filter((row) => st.status.get(row.id) !== 'closed')
  if (kept) {
    const rows = open(kept)
    if (rows.length >= need || !kept.cutoff) {
      rankings.set(db.sqlite, kept)
      return rows.slice(0, need)
    }
  }
  const fresh = freshRanking(db, start, end, want, maxId)
  rankings.set(db.sqlite, fresh)
  const rows = open(fresh)
  if (rows.length >= need || !fresh.cutoff) return rows.slice(0, need)
  return st.topSpendOpen.all(start, end, need) as Ranked[]
}

/**
 * Computes the day's ranking ahead of the planner (at start-up), so the first list or proposal
 * of the day does not pay for the full pass. Only the spend measure needs it.
 */
export function warmHighValue(db: Db): void {
  if (getSettings(db).care.highValue.measure === 'spend') highValueMembers(db)
}

/** The members meeting the criteria, best first, each with their 12-month spend. */
export function highValueMembers(db: Db): { id: number; spend: number | null }[] {
  const { highValue: hv } = getSettings(db).care
  const st = stmts(db)
  const [start, end] = spendWindow(storeDayInt(db), storeZone(db))
  if (hv.measure === 'spend') {
    return topSpenders(db, start, end, hv.top).filter((r) => r.spend >= hv.minimum)
  }
  if (hv.measure === 'points') {
    return (st.topPoints.all(hv.minimum, hv.top) as number[]).map((id) => ({ id, spend: null }))
  }
  const table = getSettings(db).tierTable
  const floor = Math.max(0, tierRank(table, hv.minTier))
  const tiers = table.slice(floor).map((t) => t.name)
  const ids = st.byTier.all(JSON.stringify(tiers)) as number[]
  return ids
    .map((id) => ({ id, spend: st.spendOf.get(id, start, end) as number }))
    .filter((r) => r.spend >= hv.minimum)
    .sort((a, b) => b.spend - a.spend || a.id - b.id)
    .slice(0, hv.top)
}

interface OpenPair {
  memberId: number
  staffId: number
  fromDay: number
  name: string
  active: number
}

/** Every open assignment by member. */
export function openAssignments(db: Db): Map<number, OpenPair> {
  return new Map((stmts(db).open.all() as OpenPair[]).map((p) => [p.memberId, p]))
}

/**
 * The high-value list: the members the criteria pick, then those assigned who fell out of them,
 * each with their maintainer (or none, or one who left) and how long since the last contact.
 */
export function highValueList(db: Db): HighValueList {
  const { measure } = getSettings(db).care.highValue
  const st = stmts(db)
  const today = storeDayInt(db)
  const [start, end] = spendWindow(today, storeZone(db))
  const picked = highValueMembers(db)
  const pairs = openAssignments(db)
  const pickedIds = new Set(picked.map((p) => p.id))
  const dropped = [...pairs.keys()].filter((id) => !pickedIds.has(id)).map((id) => ({ id, spend: null }))
  const rows: HighValueRow[] = []
  for (const [i, p] of [...picked, ...dropped].entries()) {
    const m = st.member.get(p.id) as {
      id: number
      cardNo: string
      name: string
      tier: string
      phone: string | null
      points: number
      lastPurchaseAt: number | null
    }
    const spendFen = p.spend ?? (st.spendOf.get(p.id, start, end) as number)
    const pair = pairs.get(p.id)
    const contact = st.lastContact.get(p.id) as number | null
    const inCriteria = i < picked.length
    rows.push({
      memberId: m.id,
      cardNo: m.cardNo,
      name: m.name,
      tier: m.tier,
      phone: maskPhone(m.phone),
      rank: inCriteria ? i + 1 : null,
      value: measure === 'points' ? m.points : spendFen,
      spendFen,
      points: m.points,
      inCriteria,
      status: !pair ? 'unassigned' : pair.active ? 'assigned' : 'staffLeft',
      staffId: pair?.staffId ?? null,
      staffName: pair?.name ?? null,
      since: pair ? showDay(pair.fromDay) : null,
      daysSinceContact: contact === null ? null : daysBetween(contact, today),
      lastPurchase: m.lastPurchaseAt === null ? null : showDay(dayOf(m.lastPurchaseAt, storeZone(db))),
    })
  }
  const tail = rows.slice(picked.length).sort((a, b) => b.value - a.value)
  return { measure, rows: [...rows.slice(0, picked.length), ...tail] }
}
