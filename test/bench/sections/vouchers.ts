import { SYSTEM_ACTOR } from '../../../db/actor'
import { DEFAULT_VOUCHER_RULES, voucherNoFrom } from '../../../db/rules/vouchers'
import { postPoints } from '../../../db/services/points/ledger'
import { lookupVoucher, redeemPointsForVouchers } from '../../../db/services/vouchers'
import type { BenchContext } from '../context'
import type { BenchRow, BenchSection } from '../report'
import { sample } from '../stats'

const VOUCHERS = 100_000
const SERVED = 700

/** 100,000 vouchers over the seeded members, as years of yearly redemptions would leave them. */
function seedVouchers(ctx: BenchContext, memberIds: number[]): string[] {
  const insert = ctx.db.sqlite.prepare(
    `INSERT INTO vouchers (voucher_no, kind, value_fen, member_id, source, reason, points_used, valid_from, valid_until,
       issued_at, status) VALUES (?, '积分通用券', ?, ?, 'points', '年度积分兑换', ?, 20251101, 20260131, ?, ?)`,
  )
  const event = ctx.db.sqlite.prepare(
    `INSERT INTO voucher_events (voucher_id, kind, at, channel, created_at) VALUES (?, 'issued', ?, 'bench', ?)`,
  )
  const numbers: string[] = []
  const seen = new Set<string>()
  const at = Date.UTC(2025, 10, 15)
  ctx.db.sqlite.transaction(() => {
    while (numbers.length < VOUCHERS) {
      const body = String(ctx.rnd.int(1, 9)) + String(ctx.rnd.int(0, 9_999_999_999)).padStart(10, '0')
      const no = voucherNoFrom(body)
      if (seen.has(no)) continue
      seen.add(no)
      const value = [3000, 4000, 5000][numbers.length % 3]!
      const id = insert.run(
        no,
        value,
        ctx.rnd.pick(memberIds),
        value,
        at,
        numbers.length % 4 ? 'used' : 'issued',
      ).lastInsertRowid
      event.run(id, at, at)
      numbers.push(no)
    }
  })()
  return numbers
}

/**
 * The yearly redemption at the VIP room: 700 members served one at a time (points → one 30 元
 * voucher, its ledger entry, audit), and a voucher looked up by its number among 100,000.
 */
export const vouchersSection: BenchSection = {
  name: 'vouchers',
  async run(ctx) {
    const all = ctx.db.sqlite.prepare("SELECT id FROM members WHERE status = 'active'").pluck().all() as number[]
    ctx.log(`seeding ${VOUCHERS.toLocaleString('en-US')} vouchers…`)
    const numbers = seedVouchers(ctx, all)
    const served = [...new Set(Array.from({ length: SERVED * 2 }, () => ctx.rnd.pick(all)))].slice(0, SERVED)
    ctx.db.sqlite.transaction(() => {
      for (const id of served)
        postPoints(ctx.db, { memberId: id, kind: 'adjust', points: 20_000, reason: 'bench' }, SYSTEM_ACTOR)
    })()
    const lookups = Array.from({ length: 1000 }, () => ctx.rnd.pick(numbers))
    const bare = ctx.db.sqlite.prepare('SELECT * FROM vouchers WHERE voucher_no = ?')
    // Inside the window whatever day the bench runs: the store's yearly window set to the whole year.
    ctx.db.sqlite
      .prepare(`INSERT OR REPLACE INTO settings (key, value, updated_at) VALUES ('vouchers', ?, 0)`)
      .run(JSON.stringify(yearRound()))
    return [
      {
        label: `yearly redemption: ${SERVED} members one at a time`,
        unit: 'ms',
        service: sample(
          served,
          (memberId) => redeemPointsForVouchers(ctx.db, { memberId, valueFen: 3000 }, SYSTEM_ACTOR),
          SERVED,
          0,
        ),
        target: 10,
      },
      {
        label: `voucher lookup by number (${VOUCHERS.toLocaleString('en-US')} vouchers)`,
        unit: 'ms',
        service: sample(lookups, (no) => lookupVoucher(ctx.db, no)),
        bare: sample(lookups, (no) => bare.get(no)),
        target: 1,
      },
    ] satisfies BenchRow[]
  },
}

function yearRound() {
  const rules = structuredClone(DEFAULT_VOUCHER_RULES)
  rules.yearly.from = '01-01'
  rules.yearly.to = '12-31'
  return rules
}
