import { afterEach, describe, expect, it } from 'vitest'
import { rewardWeekDays } from '../../db/rules/points'
import { seedMembers } from '../../db/seed'
import { DEPARTMENTS } from '../../db/seed/departments'
import { seedPurchases } from '../../db/seed/purchases'
import { listAudit } from '../../db/services/audit'
import { checkStock } from '../../db/services/gifts'
import { checkBalances } from '../../db/services/points/ledger'
import { runCliCaptured } from '../support/cli'
import { makeTestDb, type TestDb } from '../support/db'
import { dispatcherFor, testShell } from '../support/dispatcher'
import { storeDate } from '../support/storeTime'

const open: TestDb[] = []
const fresh = () => {
  const t = makeTestDb()
  open.push(t)
  return t
}
afterEach(() => open.splice(0).forEach((t) => t.close()))

describe('sample purchases', () => {
  const seeded = (members: number, purchases: number, seed = 11) => {
    const t = fresh()
    seedMembers(t.db, { members, seed }, t.admin)
    const result = seedPurchases(t.db, { purchases, seed }, t.admin)
    return { t, result }
  }
  type Line = {
    receipt_no: string
    line_no: number
    member_id: number
    purchased_at: number
    purchase_date: number
    amount_fen: number
    department: string
    counter: string
    no_points: number
    original_receipt_no: string | null
    points: number
  }
  const lines = (t: TestDb) =>
    t.db.sqlite
      .prepare(
        `SELECT receipt_no, line_no, member_id, purchased_at, purchase_date, amount_fen, department, counter, no_points,
           original_receipt_no, points FROM purchases ORDER BY receipt_no, line_no`,
      )
      .all() as Line[]

  it('are the same for the same seed and differ for another seed', () => {
    const a = seeded(150, 1500, 3)
    const b = seeded(150, 1500, 3)
    const c = seeded(150, 1500, 4)
    expect(lines(a.t)).toEqual(lines(b.t))
    expect(lines(a.t)).not.toEqual(lines(c.t))
    expect(a.result).toEqual(b.result)
  })

  it('write exactly the lines asked for, through the points engine, with a consistent ledger', () => {
    const { t, result } = seeded(400, 6000)
    const all = lines(t)
    expect(result.purchases).toBe(6000)
    expect(all).toHaveLength(6000)
    expect(new Set(all.map((l) => l.receipt_no)).size).toBe(result.receipts)
    expect(checkBalances(t.db).differences).toEqual([])
    const ledger = t.db.sqlite
      .prepare("SELECT count(*) FROM points_ledger WHERE kind IN ('earn', 'return')")
      .pluck()
      .get() as number
    expect(ledger).toBe(all.filter((l) => l.points !== 0).length)
    expect(t.db.sqlite.prepare('SELECT count(*) FROM members WHERE points < 0 OR points_debt < 0').pluck().get()).toBe(
      0,
    )
    // Every line lies in the two years before "now", none in the future.
    const now = t.db.now().getTime()
    expect(Math.max(...all.map((l) => l.purchased_at))).toBeLessThan(now)
    expect(Math.min(...all.map((l) => l.purchased_at))).toBeGreaterThan(now - 731 * 86_400_000)
    // last_purchase_at is each member's latest sale.
    const stale = t.db.sqlite
      .prepare(
        `SELECT count(*) FROM members m WHERE last_purchase_at IS NOT
           (SELECT max(purchased_at) FROM purchases p WHERE p.member_id = m.id AND amount_fen > 0)`,
      )
      .pluck()
      .get()
    expect(stale).toBe(0)
    const audit = listAudit(t.db, { entity: 'purchase' }).rows
    expect(audit.map((a) => a.action)).toEqual(['seed'])
  })

  it('has about 3 % returns, each of a real earlier receipt of the same member, taking back no more than it earned', () => {
    const { t, result } = seeded(400, 8000)
    const all = lines(t)
    const returns = all.filter((l) => l.amount_fen < 0)
    expect(returns).toHaveLength(result.returns)
    expect(returns.length / all.length).toBeGreaterThan(0.015)
    expect(returns.length / all.length).toBeLessThan(0.045)
    const receipts = new Map<string, Line[]>()
    for (const l of all) if (l.amount_fen > 0) receipts.set(l.receipt_no, [...(receipts.get(l.receipt_no) ?? []), l])
    for (const r of returns) {
      const original = receipts.get(r.original_receipt_no!)
      expect(original, r.receipt_no).toBeDefined()
      expect(original![0]!.member_id).toBe(r.member_id)
      expect(original![0]!.purchased_at).toBeLessThan(r.purchased_at)
      expect(r.purchased_at - original![0]!.purchased_at).toBeLessThanOrEqual(15 * 86_400_000)
      expect(-r.amount_fen).toBeLessThanOrEqual(Math.max(...original!.map((o) => o.amount_fen)))
      expect(r.points).toBeLessThanOrEqual(0)
      const earned = original!.reduce((n, o) => n + o.points, 0)
      const taken = returns
        .filter((x) => x.original_receipt_no === r.original_receipt_no)
        .reduce((n, x) => n - x.points, 0)
      expect(taken).toBeLessThanOrEqual(earned)
    }
    // Some returns are partial.
    expect(
      returns.some((r) => receipts.get(r.original_receipt_no!)!.every((o) => o.amount_fen !== -r.amount_fen)),
    ).toBe(true)
  })

  it('spread over the five departments and their counters, with multi-line receipts and special-price lines', () => {
    const { t } = seeded(300, 6000)
    const all = lines(t)
    for (const d of DEPARTMENTS) {
      const mine = all.filter((l) => l.department === d.name)
      expect(mine.length, d.name).toBeGreaterThan(300)
      for (const l of mine) expect(d.counters.map((c) => c.name)).toContain(l.counter)
      expect(new Set(mine.map((l) => l.counter)).size).toBeGreaterThan(d.counters.length / 2)
    }
    expect(all.every((l) => Number.isInteger(l.amount_fen) && l.amount_fen !== 0)).toBe(true)
    expect(all.filter((l) => l.line_no > 1).length / all.length).toBeGreaterThan(0.15)
    const special = all.filter((l) => l.no_points === 1)
    expect(special.length / all.length).toBeGreaterThan(0.02)
    expect(special.filter((l) => l.amount_fen > 0).every((l) => l.points === 0)).toBe(true)
    // Jewellery and cosmetics sell dearer than the supermarket.
    const avg = (dept: string) => {
      const xs = all.filter((l) => l.department === dept && l.amount_fen > 0)
      return xs.reduce((n, l) => n + l.amount_fen, 0) / xs.length
    }
    expect(avg('营业一课')).toBeGreaterThan(3 * avg('营业五课'))
  })

  it('are busier on member days, in the reward week and at weekends, and skewed across members', () => {
    const { t } = seeded(600, 20000)
    const all = lines(t).filter((l) => l.amount_fen > 0)
    const byDay = new Map<number, number>()
    for (const l of all) byDay.set(l.purchase_date, (byDay.get(l.purchase_date) ?? 0) + 1)
    const reward = new Set<number>()
    for (const y of [2024, 2025, 2026])
      for (let m = 1; m <= 12; m++) for (const d of rewardWeekDays(y, m)) reward.add(y * 10000 + m * 100 + d.d)
    // Average lines per calendar day over the last year, by kind of day.
    // Calendar days (UTC arithmetic: a day, not an instant)
    const first = new Date(Date.UTC(2025, 10, 23))
    const kinds = {
      memberDay: [] as number[],
      reward: [] as number[],
      weekday: [] as number[],
      weekend: [] as number[],
    }
    for (let d = new Date(first); d < new Date(Date.UTC(2026, 10, 23)); d.setUTCDate(d.getUTCDate() + 1)) {
      const key = d.getUTCFullYear() * 10000 + (d.getUTCMonth() + 1) * 100 + d.getUTCDate()
      const n = byDay.get(key) ?? 0
      if ([9, 19, 29].includes(d.getUTCDate())) kinds.memberDay.push(n)
      else if (reward.has(key)) kinds.reward.push(n)
      else if (d.getUTCDay() === 0 || d.getUTCDay() === 6) kinds.weekend.push(n)
      else kinds.weekday.push(n)
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
    expect(mean(kinds.memberDay)).toBeGreaterThan(1.5 * mean(kinds.weekday))
    expect(mean(kinds.reward)).toBeGreaterThan(1.3 * mean(kinds.weekday))
    expect(mean(kinds.weekend)).toBeGreaterThan(1.3 * mean(kinds.weekday))
    // 双十一 beats an ordinary November weekday.
    expect(byDay.get(20251111) ?? 0).toBeGreaterThan(mean(kinds.weekday))
    // A tenth of the buyers make a good share of the lines, and sleeping members exist.
    const perMember = t.db.sqlite
      .prepare('SELECT count(*) FROM purchases GROUP BY member_id ORDER BY 1 DESC')
      .pluck()
      .all() as number[]
    const top = perMember.slice(0, Math.ceil(perMember.length / 10)).reduce((a, b) => a + b, 0)
    expect(top / 20000).toBeGreaterThan(0.3)
    const halfYearAgo = storeDate(2026, 4, 23).getTime()
    const sleeping = t.db.sqlite
      .prepare('SELECT count(*) FROM members WHERE last_purchase_at < ?')
      .pluck()
      .get(halfYearAgo) as number
    expect(sleeping / 600).toBeGreaterThan(0.08)
  })

  it('refuses without members, and a bad count, in Chinese', () => {
    const t = fresh()
    expect(() => seedPurchases(t.db, { purchases: 10 }, t.admin)).toThrow(/会员/)
    expect(() => seedPurchases(t.db, { purchases: 0 }, t.admin)).toThrow(/消费行数/)
  })
})

describe('cli: seed --purchases', () => {
  const cli = (t: TestDb, ...args: string[]) => runCliCaptured(['--db', t.file, ...args], { cwd: t.dir })

  it('seeds members and their purchases in one go, or purchases for the members already there', async () => {
    const t = fresh()
    const both = await cli(t, '--json', 'seed', '--members', '80', '--purchases', '800', '--seed', '5')
    expect(both).toMatchObject({ code: 0, stderr: '' })
    expect(JSON.parse(both.stdout)).toMatchObject({ members: 80, purchases: 800 })
    const more = await cli(t, 'seed', '--purchases', '200')
    expect(more.code).toBe(0)
    expect(more.stdout).toMatch(/已生成 200 行示例消费/)
    expect(t.db.sqlite.prepare('SELECT count(*) FROM purchases').pluck().get()).toBe(1000)
    expect(checkBalances(t.db).differences).toEqual([])
    const help = await cli(t, 'help')
    expect(help.stdout).toContain('--purchases N')
  })

  it('needs --members or --purchases, and a positive count', async () => {
    const t = fresh()
    expect((await cli(t, 'seed')).stderr).toMatch(/--members N.*--purchases N/)
    expect((await cli(t, 'seed', '--purchases', '0')).code).toBe(2)
    expect((await cli(t, 'seed', '--purchases', '10')).stderr).toMatch(/会员/)
  })
})

describe('the app’s sample data (data:seedSample)', () => {
  it('gives a new store the demo data with 500 members and about ten purchases each, quickly, and only once', async () => {
    const t = fresh()
    const d = await dispatcherFor(t, testShell(), { 1: 'admin' })
    const started = performance.now()
    const r = await d.dispatch('data:seedSample', { members: 500, purchases: 5000 }, 1)
    const took = performance.now() - started
    console.log(`data:seedSample (500 members, 5,000 lines, the demo store): ${Math.round(took)} ms`)
    expect(took).toBeLessThan(8000)
    expect(r).toMatchObject({ ok: true, data: { members: 500, purchases: 5000, gifts: 21, staff: 10 } })
    expect(checkBalances(t.db).differences).toEqual([])
    expect(checkStock(t.db).differences).toEqual([])
    const again = await d.dispatch('data:seedSample', {}, 1)
    expect(again).toMatchObject({ ok: false, error: { kind: 'conflict' } })
  })

  it('makes members and purchases alone when asked (the gift room and maintainers stay empty)', async () => {
    const t = fresh()
    const d = await dispatcherFor(t, testShell(), { 1: 'admin' })
    const r = await d.dispatch('data:seedSample', { members: 50, membersOnly: true }, 1)
    expect(r).toMatchObject({ ok: true, data: { members: 50, purchases: 500, gifts: 0, staff: 0 } })
    const count = (table: string) => t.db.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get()
    expect([count('members'), count('gifts'), count('staff'), count('store_sales')]).toEqual([50, 0, 0, 0])
  })
})
