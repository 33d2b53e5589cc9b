import { storeDayInt, storeZone } from '../../clock'
import { SYSTEM_ACTOR, type Actor } from '../../actor'
import { conflict } from '../../errors'
import { inTransaction, type Db } from '../../handle'
import { dayString, parseIsoDay, ymdToInt } from '../../rules/dates'
import { addMonths, dayStartMs, reviewDecision, reviewDueOn, tierRank } from '../../rules/tiers'
import { statements } from '../../statements'
import { parseInput, z } from '../../validate'
import { recordAudit } from '../audit'
import { getSettings } from '../settings'
import { applyTierChange } from './upgrade'
import { showDay } from './validity'

const stmts = statements((s) => ({
  ran: s.prepare("SELECT 1 FROM tier_jobs WHERE job = 'review' AND day = ?").pluck(),
  latest: s.prepare("SELECT max(day) FROM tier_jobs WHERE job = 'review'").pluck(),
  spend: s.prepare(
    `SELECT member_id AS id, sum(amount_fen) AS fen FROM purchases
     WHERE purchase_date >= ? AND purchase_date < ? GROUP BY member_id`,
  ),
  members: s.prepare("SELECT id, tier, points FROM members WHERE status <> 'closed'"),
  job: s.prepare('INSERT INTO tier_jobs (job, day, changed, detail, at, operator_id) VALUES (?, ?, ?, ?, ?, ?)'),
}))

const reviewInput = z.object({
  asOf: z
    .string()
    .refine((s) => parseIsoDay(s) !== null, '日期应为 YYYY-MM-DD 格式的有效日期')
    .optional(),
})
export type ReviewInput = z.input<typeof reviewInput>

export interface ReviewRun {
  /** YYYY-MM-DD of the review day that applies on asOf */
  reviewDay: string
  /** true when that review had already run: nothing changed */
  alreadyRan: boolean
  checked: number
  upgraded: number
  downgraded: number
}

/**
 * The yearly review: on or after the review day, every member's tier is set to what the 12
 * months before that day earn — the only time a tier goes down. Each review day runs once.
 */
export function reviewTiers(db: Db, input: ReviewInput, actor: Actor): ReviewRun {
  const q = parseInput(reviewInput, input)
  const s = getSettings(db)
  const today = q.asOf ? ymdToInt(parseIsoDay(q.asOf)!) : storeDayInt(db)
  const day = reviewDueOn(s.tierReview, today)
  const out: ReviewRun = { reviewDay: showDay(day)!, alreadyRan: false, checked: 0, upgraded: 0, downgraded: 0 }
  return inTransaction(db, () => {
    const st = stmts(db)
    if (st.ran.get(day)) return { ...out, alreadyRan: true }
    const latest = st.latest.get() as number | null
    if (latest !== null && latest > day) throw conflict(`已进行过 ${showDay(latest)} 的评级，不能再补做更早的评级`)
    const spend = new Map<number, number>()
    for (const r of st.spend.all(addMonths(day, -12), day) as { id: number; fen: number }[]) spend.set(r.id, r.fen)
    const at = dayStartMs(day, storeZone(db))
    const members = st.members.all() as { id: number; tier: string; points: number }[]
    for (const m of members) {
      const change = reviewDecision(s.tierTable, m.tier, { spendFen: spend.get(m.id) ?? 0, points: m.points })
      if (!change) continue
      if (tierRank(s.tierTable, change.to) > tierRank(s.tierTable, m.tier)) out.upgraded++
      else out.downgraded++
      applyTierChange(db, m.id, m.tier, change.to, change.reason, at, actor)
    }
    out.checked = members.length
    const detail = `评级 ${out.checked} 名会员：升级 ${out.upgraded}，降级 ${out.downgraded}`
    st.job.run('review', day, out.upgraded + out.downgraded, detail, db.now().getTime(), actor.id)
    recordAudit(db, actor, 'review', 'tier', null, `年度评级（${out.reviewDay}）：${detail}`)
    return out
  })
}

/**
 * At start-up: runs the review whose day has come and not yet run. On a database that never had
 * a review, today's due review is only recorded as the starting point: tiers brought over from an
 * old system are not downgraded for lack of purchase history here; the next review day counts.
 */
export function reviewTiersAtStartup(db: Db): ReviewRun {
  const today = storeDayInt(db)
  const st = stmts(db)
  const day = reviewDueOn(getSettings(db).tierReview, today)
  const latest = st.latest.get() as number | null
  // A review day moved earlier in the year can fall before the last review: nothing is due then.
  if (latest !== null && day <= latest)
    return { reviewDay: showDay(day)!, alreadyRan: true, checked: 0, upgraded: 0, downgraded: 0 }
  if (latest === null) {
    inTransaction(db, () => st.job.run('review', day, 0, '启用时的起点，不做评级', db.now().getTime(), SYSTEM_ACTOR.id))
    return { reviewDay: showDay(day)!, alreadyRan: true, checked: 0, upgraded: 0, downgraded: 0 }
  }
  return reviewTiers(db, { asOf: dayString(today) }, SYSTEM_ACTOR)
}
