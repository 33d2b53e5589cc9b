import { SYSTEM_ACTOR } from '../../../db/actor'
import { eligibleGifts, redeemGifts } from '../../../db/services/gifts'
import { postPoints } from '../../../db/services/points/ledger'
import type { BenchContext } from '../context'
import type { BenchRow, BenchSection } from '../report'
import { sample } from '../stats'

const GIFTS = 500

/** A 500-item catalogue with the mix of conditions a real one has, and plenty of stock. */
function seedCatalogue(ctx: BenchContext): void {
  const now = Date.now()
  const insert = ctx.db.sqlite.prepare(
    `INSERT INTO gifts (code, name, category, unit_cost_fen, points_price, on_hand, available_from, available_until,
                        max_balance, min_tier, created_at, updated_at)
     VALUES (?, ?, 'redemption', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  ctx.db.sqlite.transaction(() => {
    for (let i = 0; i < GIFTS; i++) {
      insert.run(
        `B${String(i).padStart(4, '0')}`,
        `兑换礼品${i}`,
        500 + (i % 50) * 100,
        i === 0 ? 1 : 100 + (i % 40) * 100,
        i % 9 === 0 && i > 0 ? 0 : 1_000_000,
        i % 13 === 0 && i > 0 ? 20990101 : null,
        i % 17 === 0 && i > 0 ? 20000101 : null,
        i % 5 === 0 && i > 0 ? 3000 : null,
        i % 7 === 0 && i > 0 ? '金卡' : null,
        now,
        now,
      )
    }
  })()
}

/**
 * The redemption desk: the list of gifts a member can and cannot take (500 items), and one
 * redemption (points ledger entry, stock movement, redemption row, audit) on the seeded members.
 */
export const giftsSection: BenchSection = {
  name: 'gifts',
  async run(ctx) {
    ctx.log('seeding 500 gifts…')
    seedCatalogue(ctx)
    const all = ctx.db.sqlite.prepare("SELECT id FROM members WHERE status = 'active'").pluck().all() as number[]
    const ids = Array.from({ length: Math.min(200, all.length) }, () => ctx.rnd.pick(all))
    ctx.db.sqlite.transaction(() => {
      for (const id of new Set(ids))
        postPoints(ctx.db, { memberId: id, kind: 'adjust', points: 5000, reason: 'bench' }, SYSTEM_ACTOR)
    })()
    const bare = {
      member: ctx.db.sqlite.prepare('SELECT points, tier, status FROM members WHERE id = ?'),
      gifts: ctx.db.sqlite.prepare(
        'SELECT * FROM gifts WHERE active = 1 AND points_price IS NOT NULL ORDER BY points_price, code',
      ),
    }
    const rows: BenchRow[] = [
      {
        label: 'eligible gifts for a member (500 items)',
        unit: 'ms',
        service: sample(ids, (memberId) => eligibleGifts(ctx.db, { memberId })),
        bare: sample(ids, (memberId) => {
          bare.member.get(memberId)
          bare.gifts.all()
        }),
        target: 10,
        note: `${new Set(ids).size} members`,
      },
      {
        label: 'redeem one gift',
        unit: 'ms',
        service: sample(ids, (memberId) =>
          redeemGifts(ctx.db, { memberId, lines: [{ code: 'B0000', qty: 1 }] }, SYSTEM_ACTOR),
        ),
        target: 5,
      },
    ]
    return rows
  },
}
