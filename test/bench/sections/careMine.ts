import { SYSTEM_ACTOR } from '../../../db/actor'
import { myVips } from '../../../db/services/care'
import type { BenchContext } from '../context'
import type { BenchSection } from '../report'
import { sample } from '../stats'

const STAFF = 30
const VIPS = 200

/**
 * 30 maintainers and 200 VIPs with a few contacts each, unless another section (the assignment
 * helper's seedCare) already put them there: then those are used as they are.
 */
function seedMine(ctx: BenchContext): number[] {
  const db = ctx.db.sqlite
  const open = db.prepare('SELECT count(*) FROM vip_assignments WHERE until_day IS NULL').pluck().get() as number
  if (open < VIPS) {
    const now = Date.now()
    const members = db.prepare("SELECT id FROM members WHERE status = 'active'").pluck().all() as number[]
    const picked = new Set<number>()
    while (picked.size < Math.min(VIPS, members.length)) picked.add(ctx.rnd.pick(members))
    db.transaction(() => {
      const staff = db.prepare(
        `INSERT INTO staff (name, department, hire_date, created_at, updated_at) VALUES (?, '营业一课', 20200101, ?, ?)`,
      )
      const ids = Array.from({ length: STAFF }, (_, i) => Number(staff.run(`我的VIP测${i}`, now, now).lastInsertRowid))
      const assign = db.prepare(
        `INSERT OR IGNORE INTO vip_assignments (member_id, staff_id, from_day, reason, created_at)
         VALUES (?, ?, 20250101, 'bench', ?)`,
      )
      const contact = db.prepare(
        `INSERT INTO vip_contacts (member_id, staff_id, kind, day, note, next_follow_up, created_at)
         VALUES (?, ?, 'phone', ?, 'bench', ?, ?)`,
      )
      ;[...picked].forEach((memberId, i) => {
        const staffId = ids[i % STAFF]!
        assign.run(memberId, staffId, now)
        for (let k = 0; k < 5; k++) contact.run(memberId, staffId, 20250110 + k * 100, 20250120 + k * 100, now)
      })
    })()
  }
  return db
    .prepare('SELECT DISTINCT staff_id FROM vip_assignments WHERE until_day IS NULL ORDER BY staff_id')
    .pluck()
    .all() as number[]
}

/** 我的VIP for one maintainer: birthdays, last sale, last contact, follow-up and 12-month spend. */
export const careMineSection: BenchSection = {
  name: 'careMine',
  async run(ctx) {
    ctx.log('seeding 30 maintainers and 200 VIPs…')
    const staffIds = seedMine(ctx)
    const planner = { ...SYSTEM_ACTOR, role: 'planner' as const }
    const bare = ctx.db.sqlite.prepare(
      `SELECT m.id, m.name, m.card_no, m.birth_month, m.birth_day,
              (SELECT max(p.purchased_at) FROM purchases p WHERE p.member_id = m.id AND p.amount_fen > 0) AS last_at,
              (SELECT sum(p.amount_fen) FROM purchases p WHERE p.member_id = m.id AND p.purchased_at > ?) AS spend,
              (SELECT max(c.day) FROM vip_contacts c WHERE c.member_id = m.id) AS contact_day
         FROM vip_assignments a JOIN members m ON m.id = a.member_id
        WHERE a.staff_id = ? AND a.until_day IS NULL`,
    )
    const yearAgo = Date.now() - 365 * 86400000
    return [
      {
        label: '我的VIP for one maintainer',
        unit: 'ms',
        service: sample(staffIds, (staffId) => myVips(ctx.db, { staffId }, planner), 300, 30),
        bare: sample(staffIds, (staffId) => bare.all(yearAgo, staffId), 300, 30),
        target: 20,
        note: `${staffIds.length} maintainers, ${VIPS} VIPs`,
      },
    ]
  },
}
