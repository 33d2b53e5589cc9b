import { leagueReportHtml } from '../../../db/print/leagueReport'
import { monthDays } from '../../../db/rules/care'
import { cakeList, monthlyLeague } from '../../../db/services/care'
import type { BenchContext } from '../context'
import type { BenchSection } from '../report'
import { sample } from '../stats'

const STAFF = 30
const VIPS = 200

/**
 * 30 maintainers and 200 VIPs held since January 2025, a tenth of them handed to another
 * maintainer mid last month, unless another section already put VIPs there: then those are used.
 */
function seedLeague(ctx: BenchContext, last: { from: number }): void {
  const db = ctx.db.sqlite
  const open = db.prepare('SELECT count(*) FROM vip_assignments WHERE until_day IS NULL').pluck().get() as number
  if (open >= VIPS) return
  const now = Date.now()
  const members = db.prepare("SELECT id FROM members WHERE status = 'active'").pluck().all() as number[]
  const picked = new Set<number>()
  while (picked.size < Math.min(VIPS, members.length)) picked.add(ctx.rnd.pick(members))
  db.transaction(() => {
    const staff = db.prepare(
      `INSERT INTO staff (name, department, hire_date, created_at, updated_at) VALUES (?, '营业二课', 20200101, ?, ?)`,
    )
    const ids = Array.from({ length: STAFF }, (_, i) => Number(staff.run(`评比测${i}`, now, now).lastInsertRowid))
    const period = db.prepare(
      `INSERT INTO vip_assignments (member_id, staff_id, from_day, until_day, reason, created_at)
       VALUES (?, ?, ?, ?, 'bench', ?)`,
    )
    const handOver = last.from + 14
    ;[...picked].forEach((memberId, i) => {
      const staffId = ids[i % STAFF]!
      if (i % 10 === 0) {
        period.run(memberId, staffId, 20250101, handOver, now)
        period.run(memberId, ids[(i + 1) % STAFF]!, handOver, null, now)
      } else period.run(memberId, staffId, 20250101, null, now)
    })
  })()
}

/** 月度评比 for last month, its printed report's HTML (chart included) and next month's cake list. */
export const careLeagueSection: BenchSection = {
  name: 'careLeague',
  async run(ctx) {
    const d = new Date()
    const lastMonth = new Date(d.getFullYear(), d.getMonth() - 1, 1)
    const nextMonth = new Date(d.getFullYear(), d.getMonth() + 1, 1)
    const label = (x: Date) => `${x.getFullYear()}-${String(x.getMonth() + 1).padStart(2, '0')}`
    const { from, until } = monthDays(lastMonth.getFullYear(), lastMonth.getMonth() + 1)
    ctx.log('seeding 30 maintainers and 200 VIPs for the league…')
    seedLeague(ctx, { from })
    const month = label(lastMonth)
    // The same counts in one statement, for scale: receipts per maintainer on the days they held the VIP.
    const bare = ctx.db.sqlite.prepare(
      `SELECT a.staff_id, count(DISTINCT a.member_id) AS vips, count(DISTINCT p.receipt_no) AS purchases
         FROM vip_assignments a
         LEFT JOIN purchases p ON p.member_id = a.member_id AND p.purchase_date >= max(a.from_day, ?)
          AND p.purchase_date < min(coalesce(a.until_day, ?), ?) AND p.amount_fen > 0 AND p.original_receipt_no IS NULL
        WHERE a.from_day < ? AND (a.until_day IS NULL OR a.until_day > ?)
        GROUP BY a.staff_id`,
    )
    const league = monthlyLeague(ctx.db, { month })
    const purchases = league.rows.reduce((s, r) => s + r.purchases, 0)
    return [
      {
        label: 'league for one month',
        unit: 'ms',
        service: sample([month], (m) => monthlyLeague(ctx.db, { month: m }), 100, 10),
        bare: sample([0], () => bare.all(from, until, until, until, from), 100, 10),
        target: 200,
        note: `${league.rows.length} maintainers, ${purchases} receipts in ${month}`,
      },
      {
        label: 'league report HTML (with SVG chart)',
        unit: 'ms',
        service: sample([month], (m) => leagueReportHtml(ctx.db, { month: m }), 30, 3),
        note: 'table, chart, contacts, next month birthdays',
      },
      {
        label: 'cake list for next month',
        unit: 'ms',
        service: sample([label(nextMonth)], (m) => cakeList(ctx.db, { month: m }), 30, 3),
        note: `${ctx.members.toLocaleString('en-US')} members`,
      },
    ]
  },
}
