import { storeZone } from '../../../db/clock'
import { SYSTEM_ACTOR } from '../../../db/actor'
import { formatDay } from '../../../db/rules/expiry'
import { expirePoints } from '../../../db/services/points/expiry'
import { checkBalances } from '../../../db/services/points/ledger'
import { memberLedger, memberPurchases } from '../../../db/services/purchases/history'
import { memberTierHistory } from '../../../db/services/tiers'
import type { BenchContext } from '../context'
import { once, type BenchRow, type BenchSection } from '../report'
import { sample, timeOnce } from '../stats'

/** Random members who bought something: the drawer is opened on them. */
function buyers(ctx: BenchContext, n: number): number[] {
  const ids = ctx.db.sqlite
    .prepare('SELECT id FROM members WHERE last_purchase_at IS NOT NULL')
    .pluck()
    .all() as number[]
  if (!ids.length) return []
  return Array.from({ length: n }, () => ctx.rnd.pick(ids))
}

/**
 * The member drawer's purchases, points and tier tabs (first page of each), the balance check
 * over every member, and the expiry run over the whole ledger.
 */
export const pointsSection: BenchSection = {
  name: 'points',
  async run(ctx) {
    const rows: BenchRow[] = []
    const s = ctx.db.sqlite
    const ids = buyers(ctx, 1000)
    if (ids.length) {
      const bare = {
        purchases: s.prepare(
          'SELECT * FROM purchases WHERE member_id = ? ORDER BY purchased_at DESC, id DESC LIMIT 20 OFFSET 0',
        ),
        purchaseCount: s.prepare('SELECT count(*) FROM purchases WHERE member_id = ?').pluck(),
        ledger: s.prepare('SELECT * FROM points_ledger WHERE member_id = ? ORDER BY id DESC LIMIT 20 OFFSET 0'),
        ledgerCount: s.prepare('SELECT count(*) FROM points_ledger WHERE member_id = ?').pluck(),
        tier: s.prepare('SELECT tier, valid_until FROM members WHERE id = ?'),
        tierChanges: s.prepare(
          'SELECT * FROM tier_changes WHERE member_id = ? ORDER BY at DESC, id DESC LIMIT 20 OFFSET 0',
        ),
        tierCount: s.prepare('SELECT count(*) FROM tier_changes WHERE member_id = ?').pluck(),
        renewals: s.prepare('SELECT * FROM card_renewals WHERE member_id = ? ORDER BY at DESC, id DESC LIMIT 50'),
      }
      rows.push({
        label: 'member detail: purchases + ledger + tier history',
        unit: 'ms',
        service: sample(ids, (memberId) => {
          memberPurchases(ctx.db, { memberId })
          memberLedger(ctx.db, { memberId })
          memberTierHistory(ctx.db, { memberId })
        }),
        bare: sample(ids, (memberId) => {
          bare.purchases.all(memberId)
          bare.purchaseCount.get(memberId)
          bare.ledger.all(memberId)
          bare.ledgerCount.get(memberId)
          bare.tier.get(memberId)
          bare.tierChanges.all(memberId)
          bare.tierCount.get(memberId)
          bare.renewals.all(memberId)
        }),
        target: 20,
        note: `${new Set(ids).size} random buyers`,
      })
    }

    ctx.log('checking balances…')
    const check = await timeOnce(() => checkBalances(ctx.db))
    const entries = s.prepare('SELECT count(*) FROM points_ledger').pluck().get() as number
    rows.push({
      label: 'recompute and check all balances',
      unit: 's',
      service: once(check.ms),
      target: 10_000,
      note: `${check.value.members} members, ${entries.toLocaleString('en-US')} entries, ${check.value.differences.length} differences`,
    })

    ctx.log('expiring points…')
    const asOf = formatDay(ctx.db.now().getTime(), storeZone(ctx.db))
    const run = await timeOnce(() => expirePoints(ctx.db, { asOf }, SYSTEM_ACTOR))
    rows.push({
      label: `expiry run over all members (as of ${asOf})`,
      unit: 's',
      service: once(run.ms),
      target: 10_000,
      note: `${run.value.members} members, ${run.value.points.toLocaleString('en-US')} points lapsed`,
    })
    const again = await timeOnce(() => expirePoints(ctx.db, { asOf }, SYSTEM_ACTOR))
    rows.push({
      label: 'expiry run again, same day (nothing left to do)',
      unit: 's',
      service: once(again.ms),
      target: 10_000,
      note: `${again.value.members} members`,
    })
    return rows
  },
}
