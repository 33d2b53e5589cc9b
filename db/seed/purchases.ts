import type { Actor } from '../actor'
import { validationError } from '../errors'
import { inTransaction, withBulkCache, type Db } from '../handle'
import { storeToday, storeZone } from '../clock'
import { intToYmd } from '../rules/dates'
import { ymdInZone } from '../rules/storeClock'
import { recordAudit } from '../services/audit'
import { PurchaseBook, type PurchaseLine } from '../services/purchases/book'
import { getSettings } from '../services/settings'
import { parseInput, z } from '../validate'
import { departmentPicker, gaussian, lineAmountFen, type DepartmentPicker } from './departments'
import { dayNumber, fromDayNumber } from './lunar'
import { Random } from './random'
import { SalesCalendar, shoppingTime } from './salesCalendar'

const seedPurchasesSchema = z.object({
  purchases: z
    .number({ error: '消费行数应为数字' })
    .int('消费行数应为整数')
    .min(1, '消费行数至少为1')
    .max(10_000_000, '消费行数最多10,000,000'),
  seed: z.number({ error: '随机种子应为数字' }).int('随机种子应为整数').default(2014),
  /** How far back the history reaches */
  days: z.number().int().min(30).max(3650).default(730),
})
export type SeedPurchasesInput = z.input<typeof seedPurchasesSchema>

export interface SeedPurchasesResult {
  /** Lines written, returns included */
  purchases: number
  receipts: number
  returns: number
}

/** Appetite by tier: better cards buy more often. */
const TIER_APPETITE: Record<string, number> = { 普卡: 1, 银卡: 2, 金卡: 3.5, 钻石卡: 6 }
/** Share of members who stopped coming (沉睡会员: nothing in the last six months or more). */
const SLEEPING = 0.15
/** Share of lines where the member gave the phone number instead of the card. */
const BY_PHONE = 0.2
/** Lines written per transaction (and per flush of the members' last purchase times). */
const CHUNK = 50_000

interface MemberRow {
  id: number
  cardNo: string
  phone: string | null
  joinDay: number
  tier: string
}

interface Event {
  at: number
  line: PurchaseLine
}

/** Each member's lines, in proportion to a heavy-tailed appetite: a few buy a lot, many rarely. */
function allocate(rnd: Random, members: MemberRow[], windows: [number, number][], total: number): number[] {
  const span = windows.reduce((m, [lo, hi]) => Math.max(m, hi - lo + 1), 1)
  const weights = members.map((m, i) => {
    const [lo, hi] = windows[i]!
    if (hi < lo) return 0
    return Math.exp(1.1 * gaussian(rnd)) * (TIER_APPETITE[m.tier] ?? 1) * ((hi - lo + 1) / span)
  })
  const sum = weights.reduce((a, b) => a + b, 0)
  if (sum === 0) throw validationError('没有可以生成消费的会员')
  const counts = weights.map((w) => Math.floor((total * w) / sum + rnd.next()))
  let diff = total - counts.reduce((a, b) => a + b, 0)
  const eligible = weights.flatMap((w, i) => (w > 0 ? [i] : []))
  while (diff !== 0) {
    const i = rnd.pick(eligible)
    if (diff > 0) {
      counts[i]!++
      diff--
    } else if (counts[i]! > 0) {
      counts[i]!--
      diff++
    }
  }
  return counts
}

class Generator {
  private serial: number
  private readonly depts: DepartmentPicker = departmentPicker()

  constructor(
    private readonly rnd: Random,
    private readonly calendar: SalesCalendar,
    private readonly zone: string,
    firstSerial: number,
  ) {
    this.serial = firstSerial
  }

  private receiptNo(at: number): string {
    const d = ymdInZone(at, this.zone)
    const ymd = d.y * 10000 + d.m * 100 + d.d
    return `${ymd}${String(this.serial++).padStart(8, '0')}`
  }

  private ref(m: MemberRow): string {
    return m.phone && this.rnd.chance(BY_PHONE) ? m.phone : m.cardNo
  }

  /** A member's receipts and returns over [lo, hi], `lines` lines in all, in time order. */
  member(m: MemberRow, lo: number, hi: number, lines: number): Event[] {
    const rnd = this.rnd
    const returns = lines < 2 ? 0 : Math.min(Math.floor(lines / 2), binomial(rnd, lines, 0.03))
    const events: Event[] = []
    const sold: { line: PurchaseLine; day: number; returnRate: number }[] = []
    let left = lines - returns
    while (left > 0) {
      const dayNo = this.calendar.pick(rnd, lo, hi)
      const at = shoppingTime(rnd, fromDayNumber(dayNo), this.zone)
      const dept = this.depts.department.pick(rnd)
      const counters = this.depts.counters.get(dept)!
      let items = 1
      while (rnd.chance(dept.extraItems / (1 + dept.extraItems))) items++
      items = Math.min(items, left, 8)
      left -= items
      const receiptNo = this.receiptNo(at)
      const memberRef = this.ref(m)
      // Most receipts stay at one counter; a second item may come from a neighbouring one.
      let counter = counters.pick(rnd)
      for (let lineNo = 1; lineNo <= items; lineNo++) {
        if (lineNo > 1 && rnd.chance(0.3)) counter = counters.pick(rnd)
        const line: PurchaseLine = {
          receiptNo,
          lineNo,
          memberId: m.id,
          memberRef,
          purchasedAt: at,
          amountFen: lineAmountFen(rnd, counter),
          department: dept.name,
          counter: counter.name,
          noPoints: rnd.chance(counter.special),
          originalReceiptNo: null,
          source: 'import',
        }
        events.push({ at, line })
        sold.push({ line, day: dayNo, returnRate: dept.returnRate })
      }
    }
    // Returns come back within two weeks, mostly whole lines, now and then part of one.
    const picked = new Set<number>()
    for (let r = 0; r < returns && picked.size < sold.length; r++) {
      let i = rnd.int(0, sold.length - 1)
      for (let tries = 0; tries < 4 && (picked.has(i) || !rnd.chance(sold[i]!.returnRate * 25)); tries++)
        i = rnd.int(0, sold.length - 1)
      while (picked.has(i)) i = (i + 1) % sold.length
      picked.add(i)
      const o = sold[i]!.line
      // Never later than the calendar's last day, so no return lies in the future either.
      const later = rnd.int(0, Math.min(14, this.calendar.last - sold[i]!.day))
      const at =
        later === 0
          ? o.purchasedAt + rnd.int(20, 120) * 60_000
          : shoppingTime(rnd, fromDayNumber(sold[i]!.day + later), this.zone)
      const partial = o.amountFen >= 20_000 && rnd.chance(0.25)
      const amountFen = partial ? Math.round((o.amountFen * rnd.int(20, 80)) / 10_000) * 100 : o.amountFen
      events.push({
        at,
        line: {
          ...o,
          receiptNo: this.receiptNo(at),
          lineNo: 1,
          purchasedAt: at,
          amountFen: -amountFen,
          originalReceiptNo: o.receiptNo,
        },
      })
    }
    // Stable: lines of one receipt keep their order; a return never precedes its original.
    return events.sort((a, b) => a.at - b.at)
  }
}

/** Successes in n trials; n is small per member, so counting beats an approximation. */
function binomial(rnd: Random, n: number, p: number): number {
  let k = 0
  for (let i = 0; i < n; i++) if (rnd.chance(p)) k++
  return k
}

/**
 * Sample purchase history for the members already in the database: `purchases` lines (returns
 * included) over the last two years, written through the real purchase engine so that points,
 * the ledger and last purchase times agree with what an import would have produced. Deterministic
 * for a seed and a "today"; written in transactions of ~50,000 lines with one audit entry.
 */
export function seedPurchases(db: Db, input: SeedPurchasesInput, actor: Actor): SeedPurchasesResult {
  const { purchases: total, seed, days } = parseInput(seedPurchasesSchema, input)
  const rnd = new Random(seed ^ 0x70757263)
  const today = dayNumber(storeToday(db))
  // Up to yesterday, so that no sample purchase lies in the future of "now".
  const last = today - 1
  const first = today - days
  const members = (
    db.sqlite.prepare('SELECT id, card_no, phone, join_date, tier FROM members ORDER BY id').raw().all() as [
      number,
      string,
      string | null,
      number,
      string,
    ][]
  ).map(([id, cardNo, phone, join, tier]) => ({ id, cardNo, phone, joinDay: dayNumber(intToYmd(join)), tier }))
  if (!members.length) throw validationError('还没有会员，请先生成示例会员')
  const windows = members.map((m): [number, number] => {
    const lo = Math.max(first, m.joinDay)
    // Sleeping members stopped coming some time between six months and two years ago.
    const hi = rnd.chance(SLEEPING) ? last - rnd.int(183, days) : last
    return [lo, hi]
  })
  const counts = allocate(rnd, members, windows, total)
  const calendar = new SalesCalendar(first, last, getSettings(db).earning)
  const firstSerial = 1 + (db.sqlite.prepare('SELECT count(*) FROM purchases').pluck().get() as number)
  const gen = new Generator(rnd, calendar, storeZone(db), firstSerial)
  const out: SeedPurchasesResult = { purchases: 0, receipts: 0, returns: 0 }
  // Every member's lines land on index pages all over the file: a bigger page cache keeps them.
  withBulkCache(db, () => {
    const book = new PurchaseBook(db, true)
    let next = 0
    while (next < members.length) {
      // One transaction per ~CHUNK lines, each member's lines whole in one of them.
      inTransaction(db, () => {
        let written = 0
        for (; next < members.length && written < CHUNK; next++) {
          if (!counts[next]) continue
          const [lo, hi] = windows[next]!
          for (const { line } of gen.member(members[next]!, lo, hi, counts[next]!)) {
            const p = book.points(line)
            if (!p.ok) throw new Error(`seed: ${p.reason}`)
            book.write(line, p, actor)
            written++
            if (line.amountFen < 0) out.returns++
            if (line.lineNo === 1) out.receipts++
          }
        }
        book.flush()
        out.purchases += written
      })
    }
  })
  inTransaction(db, () =>
    recordAudit(
      db,
      actor,
      'seed',
      'purchase',
      null,
      `生成示例消费 ${out.purchases} 行（${out.receipts} 张小票，其中退货 ${out.returns} 张；随机种子 ${seed}）`,
    ),
  )
  return out
}
