import { SYSTEM_ACTOR } from '../../../db/actor'
import { DEFAULT_VOUCHER_RULES, voucherNoFrom } from '../../../db/rules/vouchers'
import { postPoints } from '../../../db/services/points/ledger'
import { createOperator } from '../../../db/services/operators'
import { lookupVoucher } from '../../../db/services/vouchers'
import type { AppState } from '../../../server/core/context'
import { createDispatcher } from '../../../server/core/dispatch'
import { handlers } from '../../../server/core/handlers'
import { WindowSessions } from '../../../server/core/sessions'
import { InProcessJobs } from '../../../server/core/sheets/jobs'
import { testShell } from '../../support/dispatcher'
import type { BenchContext } from '../context'
import type { BenchRow, BenchSection } from '../report'
import { sample, statOf } from '../stats'

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
    const desk = await deskCall(ctx)
    const times: number[] = []
    for (const memberId of served) {
      const t = performance.now()
      const r = await desk('yearly:redeem', { memberId, valueFen: 3000 })
      times.push(performance.now() - t)
      if (!r.ok) throw new Error(`yearly:redeem refused: ${r.error.message}`)
    }
    return [
      {
        label: `yearly:redeem, ${SERVED} members one at a time`,
        unit: 'ms',
        service: statOf(times),
        target: 10,
        note: 'the desk call through the dispatcher',
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

/** The VIP room's desk as the desktop app reaches main: the dispatcher with a logged-in operator. */
async function deskCall(ctx: BenchContext) {
  createOperator(ctx.db, { name: 'bench-vip', password: 'bench-secret', role: 'viproom' }, SYSTEM_ACTOR)
  const state: AppState = {
    db: ctx.db,
    dbFile: ctx.file,
    backupDir: `${ctx.dir}/backups`,
    openOptions: {},
    reopen: () => undefined,
    sessions: new WindowSessions(),
    imports: new Map(),
    sheets: new InProcessJobs(() => state.db),
  }
  const d = createDispatcher(handlers, state, testShell(), () => undefined)
  const login = await d.dispatch('session:login', { name: 'bench-vip', password: 'bench-secret' }, 1)
  if (!login.ok) throw new Error(`login failed: ${login.error.message}`)
  return (name: 'yearly:redeem', input: { memberId: number; valueFen: number }) => d.dispatch(name, input, 1)
}

function yearRound() {
  const rules = structuredClone(DEFAULT_VOUCHER_RULES)
  rules.yearly.from = '01-01'
  rules.yearly.to = '12-31'
  return rules
}
