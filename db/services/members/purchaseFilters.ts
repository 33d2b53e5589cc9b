import { storeDayInt, storeZone } from '../../clock'
import type { Db } from '../../handle'
import { statements } from '../../statements'
import { lastPurchaseId, membersBuyingSince, spendWindow } from '../care/highValue'

/**
 * What the member list's purchase filters need — each member's 12-month spend and the 课别 each
 * member bought in over the same 12 months — kept per connection the way the high-value ranking
 * is (care/highValue.ts): one pass over the window's purchases, then brought up to date from the
 * lines added since (purchases are append-only, so ids only grow) member by member on the
 * purchases_member_time index. A new store day moves the window and starts afresh.
 */

const stmts = statements((s) => ({
  // Reads the covering index (member_id, purchased_at, amount_fen) only, like the ranking.
  spendAll: s.prepare(
    `SELECT member_id AS id, sum(amount_fen) AS spend FROM purchases
     WHERE purchased_at >= ? AND purchased_at < ? AND member_id IS NOT NULL GROUP BY member_id`,
  ),
  spendOf: s
    .prepare(
      'SELECT coalesce(sum(amount_fen), 0) FROM purchases WHERE member_id = ? AND purchased_at >= ? AND purchased_at < ?',
    )
    .pluck(),
  // A sale (not a return) in the window; the department is not in any index, so this is one scan.
  boughtAll: s.prepare(
    `SELECT DISTINCT department AS dept, member_id AS id FROM purchases
     WHERE purchased_at >= ? AND purchased_at < ? AND amount_fen > 0 AND member_id IS NOT NULL AND department <> ''`,
  ),
  boughtSince: s.prepare(
    `SELECT department AS dept, member_id AS id FROM purchases
     WHERE id > ? AND purchased_at >= ? AND purchased_at < ? AND amount_fen > 0 AND member_id IS NOT NULL AND department <> ''`,
  ),
  departments: s
    .prepare("SELECT DISTINCT department FROM sales_monthly WHERE department <> '' ORDER BY department")
    .pluck(),
}))

interface Kept<T> {
  start: number
  end: number
  maxId: number
  value: T
}
const spends = new WeakMap<object, Kept<Map<number, number>>>()
const bought = new WeakMap<object, Kept<Map<string, Set<number>>>>()

/** Drops what is kept (the bench's cold figure). */
export function forgetPurchaseFilters(db: Db): void {
  spends.delete(db.sqlite)
  bought.delete(db.sqlite)
}

function windowNow(db: Db): [number, number] {
  return spendWindow(storeDayInt(db), storeZone(db))
}

/** Every member's spend (fen) in the 12-month window; members without a purchase in it are absent. */
export function spendByMember(db: Db): Map<number, number> {
  const [start, end] = windowNow(db)
  const maxId = lastPurchaseId(db)
  const st = stmts(db)
  const kept = spends.get(db.sqlite)
  if (kept && kept.start === start && kept.end === end) {
    if (kept.maxId === maxId) return kept.value
    const touched = membersBuyingSince(db, kept.maxId)
    if (touched) {
      for (const id of touched) kept.value.set(id, st.spendOf.get(id, start, end) as number)
      kept.maxId = maxId
      return kept.value
    }
  }
  const value = new Map<number, number>()
  for (const r of st.spendAll.all(start, end) as { id: number; spend: number }[]) value.set(r.id, r.spend)
  spends.set(db.sqlite, { start, end, maxId, value })
  return value
}

/** The members who bought in each 课别 in the 12-month window. */
function boughtByDepartment(db: Db): Map<string, Set<number>> {
  const [start, end] = windowNow(db)
  const maxId = lastPurchaseId(db)
  const st = stmts(db)
  const add = (map: Map<string, Set<number>>, rows: { dept: string; id: number }[]) => {
    for (const r of rows) {
      let set = map.get(r.dept)
      if (!set) map.set(r.dept, (set = new Set()))
      set.add(r.id)
    }
  }
  const kept = bought.get(db.sqlite)
  if (kept && kept.start === start && kept.end === end) {
    if (kept.maxId !== maxId) {
      add(kept.value, st.boughtSince.all(kept.maxId, start, end) as { dept: string; id: number }[])
      kept.maxId = maxId
    }
    return kept.value
  }
  const value = new Map<string, Set<number>>()
  add(value, st.boughtAll.all(start, end) as { dept: string; id: number }[])
  bought.set(db.sqlite, { start, end, maxId, value })
  return value
}

/**
 * The members whose 12-month spend lies outside [min, max] (fen; either end may be open), when
 * min ≤ 0 — a member who bought nothing has spent 0, so the filter keeps everyone except these —
 * or else the members inside it.
 */
export function spendFilterIds(
  db: Db,
  min: number | undefined,
  max: number | undefined,
): { ids: number[]; inside: boolean } {
  const spend = spendByMember(db)
  const lo = min ?? -Infinity
  const hi = max ?? Infinity
  const inside = lo > 0
  const ids: number[] = []
  for (const [id, fen] of spend) {
    const within = fen >= lo && fen <= hi
    if (within === inside) ids.push(id)
  }
  return { ids, inside }
}

/** The members who bought in `department` in the last 12 months. */
export function boughtInIds(db: Db, department: string): number[] {
  return [...(boughtByDepartment(db).get(department) ?? [])]
}

/** The 课别 the store's purchases name (from the monthly sums: a few hundred rows). */
export function purchaseDepartments(db: Db): string[] {
  return stmts(db).departments.all() as string[]
}
