import type { Actor } from '../actor'
import { storeMonthKey } from '../clock'
import { AppError, conflict } from '../errors'
import { inTransaction, type Db } from '../handle'
import { CARD_DESIGNS } from '../rules/birthdayMail'
import { monthText, shiftMonth } from '../rules/months'
import { recordAudit } from '../services/audit'
import { insertCounter, insertDepartment, listDepartments } from '../services/departments/list'
import { birthdayBatchCards, markBirthdayCards, recordBirthdayBatch } from '../services/birthdays/batches'
import { saveStoreSales } from '../services/reports/storeSales'
import { parseInput, z } from '../validate'
import { seedMembers } from '.'
import { seedCare } from './demoCare'
import { seedGifts, seedIssues, seedRedemptions } from './demoGifts'
import { DEPARTMENTS } from './departments'
import { seedPurchases } from './purchases'
import { Random } from './random'

/**
 * The demo store (`seed --demo`, and the 示例数据 of the first run): the sample members and their
 * purchases as `seed` makes them, then everything the other screens need — the gift room, the
 * maintainers, the whole store's monthly sales and this month's birthday cards — written through
 * the same services the screens use. The same seed and the same "today" give the same database.
 */

const demoSchema = z.object({
  members: z
    .number({ error: '会员数量应为数字' })
    .int('会员数量应为整数')
    .min(20, '示例数据至少需要 20 名会员')
    .max(1_000_000, '会员数量最多1,000,000'),
  /** Purchase lines; default ten a member */
  purchases: z.number().int().min(1).max(10_000_000).optional(),
  seed: z.number({ error: '随机种子应为数字' }).int('随机种子应为整数').default(2014),
  /** Where gift photos go (photos/ beside the database) */
  photosDir: z.string().min(1),
})
export type DemoInput = z.input<typeof demoSchema>

export interface DemoResult {
  members: number
  purchases: number
  gifts: number
  issued: number
  redemptions: number
  staff: number
  assigned: number
  contacts: number
  storeSales: number
  birthdayCards: number
}

/** `seed --demo`'s size unless --members says otherwise. */
export const DEMO_MEMBERS = 2000
/** The first run's 示例数据: quick on a shop PC, and still enough for every list to page. */
export const FIRST_RUN_MEMBERS = 500

/** Store sales by department over the last 13 months, with VIP sales a quarter to a third of them. */
function seedStoreSales(db: Db, rnd: Random, actor: Actor): number {
  const now = storeMonthKey(db)
  const vipOf = db.sqlite.prepare('SELECT amount_fen FROM sales_monthly WHERE month = ? AND department = ?').pluck()
  let written = 0
  for (let back = 12; back >= 0; back--) {
    const month = shiftMonth(now, -back)
    for (const d of DEPARTMENTS) {
      const vip = (vipOf.get(month, d.name) as number | undefined) ?? 0
      // The share creeps up over the year, as the programme grows towards its 30–35 % goal.
      const share = 0.24 + (12 - back) * 0.005 + rnd.next() * 0.05
      const fen = vip > 0 ? vip / share : d.weight * rnd.int(40_000, 60_000) * 100
      saveStoreSales(db, { month: monthText(month), department: d.name, amountFen: Math.round(fen / 100) * 100 }, actor)
      written++
    }
  }
  return written
}

/**
 * Puts the demo's departments and counters on the list (设置 → 课别与专柜), so that in training the
 * desk's selects offer the counters the sample purchases were made at and the till wizard knows
 * them. Only adds: a department or counter already there (or deactivated) stays as it is.
 */
export function seedDepartmentList(db: Db, actor: Actor): { departments: number; counters: number } {
  return inTransaction(db, () => {
    const known = new Map(listDepartments(db).map((d) => [d.name, d]))
    let departments = 0
    let counters = 0
    for (const d of DEPARTMENTS) {
      const have = known.get(d.name)
      const id = have?.id ?? insertDepartment(db, d.name, actor)
      if (!have) departments++
      const names = new Set(have?.counters.map((c) => c.name))
      for (const c of d.counters)
        if (!names.has(c.name)) {
          insertCounter(db, id, c.name)
          counters++
        }
    }
    recordAudit(
      db,
      actor,
      'seed',
      'department',
      null,
      `示例数据：课别与专柜新增课别 ${departments} 个、专柜 ${counters} 个`,
    )
    return { departments, counters }
  })
}

/**
 * This month's birthday cards, recorded as the 生日关怀 screen records a run once it has printed
 * (recordBirthdayBatch writes the batch without printing anything); most are marked mailed and
 * one came back undeliverable. None when nobody born this month can be mailed.
 */
function seedBirthdayRun(db: Db, actor: Actor): number {
  const month = monthText(storeMonthKey(db))
  let batch
  try {
    batch = recordBirthdayBatch(db, { month, design: CARD_DESIGNS[0], labels: 'envelope' }, actor)
  } catch (e) {
    // "Nobody to print this month" is a possible answer for a small store; anything else is a bug.
    if (e instanceof AppError && e.kind === 'validation') return 0
    throw e
  }
  const cards = birthdayBatchCards(db, { batchId: batch.id })
  const mailed = cards.slice(0, Math.floor(cards.length * 0.8)).map((c) => c.id)
  if (mailed.length) markBirthdayCards(db, { cardIds: mailed, status: 'mailed' }, actor)
  const back = cards[cards.length - 1]
  if (cards.length >= 10 && back) markBirthdayCards(db, { cardIds: [back.id], status: 'returned' }, actor)
  return batch.cardCount
}

/** One step of the demo, named as the first run's progress bar names it. */
export interface DemoStep {
  phase: string
  run: () => void
}

const NOTHING_ELSE: DemoResult = {
  members: 0,
  purchases: 0,
  gifts: 0,
  issued: 0,
  redemptions: 0,
  staff: 0,
  assigned: 0,
  contacts: 0,
  storeSales: 0,
  birthdayCards: 0,
}

/**
 * The demo as steps, so that a host can say which one runs before it starts (the first run shows
 * a progress bar); `result()` once all have run. `membersOnly`: members and purchases alone, for
 * practising the gift room and the maintainers from scratch. Checks the input and that the
 * database is empty before any step exists.
 */
export function demoSteps(
  db: Db,
  input: DemoInput,
  actor: Actor,
  membersOnly = false,
): { steps: DemoStep[]; result: () => DemoResult } {
  const v = parseInput(demoSchema, input)
  const filled = db.sqlite.prepare('SELECT (SELECT count(*) FROM members) + (SELECT count(*) FROM gifts)').pluck()
  if ((filled.get() as number) > 0) throw conflict('数据库中已有会员或礼品：示例数据只能生成到空数据库')
  const out: DemoResult = { ...NOTHING_ELSE }
  const steps: DemoStep[] = [
    {
      phase: '会员',
      run: () => {
        seedDepartmentList(db, actor)
        out.members = seedMembers(db, { members: v.members, seed: v.seed }, actor).members
      },
    },
    {
      phase: '消费记录与积分',
      run: () =>
        (out.purchases = seedPurchases(
          db,
          { purchases: v.purchases ?? out.members * 10, seed: v.seed },
          actor,
        ).purchases),
    },
  ]
  if (!membersOnly)
    steps.push({
      phase: '礼品、维护人、全店销售与生日贺卡',
      run: () => Object.assign(out, seedRest(db, v, out, actor)),
    })
  return { steps, result: () => out }
}

/**
 * The gift room, maintainers, store sales and birthday cards. One transaction (so one step): the
 * services' own transactions nest as savepoints, this part is written whole or not at all, and
 * hundreds of small commits do not each wait for the disk.
 */
function seedRest(db: Db, v: z.infer<typeof demoSchema>, done: DemoResult, actor: Actor): Partial<DemoResult> {
  // Its own stream, so that the gift room does not change when the purchase generator does.
  const rnd = new Random(v.seed ^ 0x6d656d6f)
  return inTransaction(db, () => {
    const gifts = seedGifts(db, rnd, v.photosDir, actor)
    const issued = seedIssues(db, rnd, actor)
    const redemptions = seedRedemptions(db, rnd, Math.min(40, Math.max(5, Math.round(done.members / 15))), actor)
    const care = seedCare(db, rnd, Math.min(60, Math.round(done.members / 8)), actor)
    const storeSales = seedStoreSales(db, rnd, actor)
    const birthdayCards = seedBirthdayRun(db, actor)
    recordAudit(
      db,
      actor,
      'seed',
      'database',
      null,
      `生成示例数据：礼品 ${gifts} 种、兑换 ${redemptions} 单、维护人 ${care.staff} 名、全店销售 ${storeSales} 条、生日贺卡 ${birthdayCards} 张（随机种子 ${v.seed}）`,
    )
    return { gifts, issued, redemptions, ...care, storeSales, birthdayCards }
  })
}

export function seedDemo(db: Db, input: DemoInput, actor: Actor): DemoResult {
  const { steps, result } = demoSteps(db, input, actor)
  for (const step of steps) step.run()
  return result()
}
