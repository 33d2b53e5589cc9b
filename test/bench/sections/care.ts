import { SYSTEM_ACTOR } from '../../../db/actor'
import { STAFF_DEPARTMENTS } from '../../../db/rules/care'
import { addMonths } from '../../../db/rules/tiers'
import { storeDayInt, storeZone } from '../../../db/clock'
import {
  forgetSpendRanking,
  highValueList,
  highValueMembers,
  proposeAutoAssign,
  spendWindow,
} from '../../../db/services/care'
import { insertPurchase } from '../../support/careSql'
import { getSettings, updateSettings } from '../../../db/services/settings'
import type { BenchContext } from '../context'
import type { BenchRow, BenchSection } from '../report'
import { sample, statOf } from '../stats'

export const CARE_STAFF = 30
export const CARE_VIPS = 200

/**
 * The issue's care data: 30 staff across the departments (a few too new to maintain, one who
 * left) and 200 VIPs — the best spenders — assigned for the last 13 months, so that any month's
 * league has maintainers. Idempotent: a second call (another section) finds them and returns them.
 * Plain SQL, so that it stays fast and leaves the services' own timings alone.
 */
export function seedCare(ctx: BenchContext): { staffIds: number[]; memberIds: number[] } {
  const db = ctx.db
  const existing = db.sqlite.prepare('SELECT id FROM staff ORDER BY id').pluck().all() as number[]
  if (existing.length >= CARE_STAFF) {
    const memberIds = db.sqlite
      .prepare('SELECT member_id FROM vip_assignments WHERE until_day IS NULL ORDER BY id')
      .pluck()
      .all() as number[]
    return { staffIds: existing, memberIds }
  }
  const today = storeDayInt(db)
  const from = addMonths(today, -13)
  const now = db.now().getTime()
  const [start, end] = spendWindow(today, storeZone(db))
  const memberIds = db.sqlite
    .prepare(
      `SELECT member_id FROM purchases WHERE purchased_at >= ? AND purchased_at < ?
       GROUP BY member_id ORDER BY sum(amount_fen) DESC LIMIT ?`,
    )
    .pluck()
    .all(start, end, CARE_VIPS) as number[]
  const addStaff = db.sqlite.prepare(
    `INSERT INTO staff (name, department, hire_date, active, capacity, left_on, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const assign = db.sqlite.prepare(
    `INSERT INTO vip_assignments (member_id, staff_id, from_day, reason, created_at) VALUES (?, ?, ?, '手动分配', ?)`,
  )
  const staffIds: number[] = []
  db.sqlite.transaction(() => {
    for (let i = 0; i < CARE_STAFF; i++) {
      const recent = i >= CARE_STAFF - 3
      const hire = recent ? addMonths(today, -2) : addMonths(today, -24 - i)
      const left = i === 0 ? addMonths(today, -1) : null
      const dept = STAFF_DEPARTMENTS[i % STAFF_DEPARTMENTS.length]!
      const id = addStaff.run(`维护人${String(i + 1).padStart(2, '0')}`, dept, hire, left ? 0 : 1, 12, left, now, now)
      staffIds.push(Number(id.lastInsertRowid))
    }
    // The 27 who may maintain share the VIPs round-robin (the leaver keeps theirs: they need a hand-over).
    const holders = staffIds.slice(0, CARE_STAFF - 3)
    memberIds.forEach((m, i) => assign.run(m, holders[i % holders.length]!, from, now))
  })()
  return { staffIds, memberIds }
}

/** The automatic proposal on the seeded store: 200 VIPs held, the next 100 of the list waiting. */
export const careSection: BenchSection = {
  name: 'care',
  async run(ctx) {
    ctx.log('seeding 30 staff and 200 VIP assignments…')
    seedCare(ctx)
    const care = getSettings(ctx.db).care
    updateSettings(ctx.db, { care: { ...care, highValue: { ...care.highValue, top: 300 } } }, SYSTEM_ACTOR)
    const [start, end] = spendWindow(storeDayInt(ctx.db), storeZone(ctx.db))
    const bareRanking = ctx.db.sqlite.prepare(
      `SELECT member_id, sum(amount_fen) AS s FROM purchases WHERE purchased_at >= ? AND purchased_at < ?
       GROUP BY member_id ORDER BY s DESC LIMIT 300`,
    )
    const proposal = proposeAutoAssign(ctx.db)
    const note = `${proposal.rows.length} proposed, ${proposal.unplaced.length} unplaced; list of ${highValueList(ctx.db).rows.length}`
    // A purchase at the desk, then the planner's click: the kept ranking catches up on that purchase.
    const members = ctx.db.sqlite.prepare('SELECT id FROM members').pluck().all() as number[]
    let receipt = 0
    const afterPurchase: number[] = []
    for (let i = 0; i < 33; i++) {
      insertPurchase(ctx.db, ctx.rnd.pick(members), `BENCH-CARE-${++receipt}`, ctx.db.now(), 88_800)
      const t0 = performance.now()
      proposeAutoAssign(ctx.db)
      if (i >= 3) afterPurchase.push(performance.now() - t0)
    }
    const rows: BenchRow[] = [
      {
        label: '12-month spend ranking, full pass',
        unit: 'ms',
        service: sample(
          [0],
          () => {
            forgetSpendRanking(ctx.db)
            highValueMembers(ctx.db)
          },
          5,
          1,
        ),
        bare: sample([0], () => bareRanking.all(start, end), 5, 1),
        note: 'once a day: at start-up and on the hourly timer, not on a click',
      },
      {
        label: 'auto-assignment proposal after a new purchase',
        unit: 'ms',
        service: statOf(afterPurchase),
        target: 100,
        note: 'the kept ranking re-sums the members the new purchases touched',
      },
      {
        label: 'auto-assignment proposal, nothing new',
        unit: 'ms',
        service: sample([0], () => proposeAutoAssign(ctx.db), 30, 3),
        target: 100,
        note,
      },
      {
        label: 'high-value list (300 + assigned)',
        unit: 'ms',
        service: sample([0], () => highValueList(ctx.db), 30, 3),
      },
    ]
    return rows
  },
}
