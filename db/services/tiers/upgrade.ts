import { storeZone } from '../../clock'
import type { Actor } from '../../actor'
import type { Db } from '../../handle'
import {
  spendWindowStart,
  tierFor,
  tierRank,
  tierReason,
  upgradeOnPurchase,
  type TierFacts,
  type TierTable,
} from '../../rules/tiers'
import { statements } from '../../statements'
import { recordAudit } from '../audit'
import { BUMP_VERSION } from '../members/version'

const stmts = statements((s) => ({
  // 1st: [[tier, lowest spend bar above it, lowest points bar above it]] for every tier but the top;
  // 2nd: [[member id, window start, window end]]. Only members who reach a higher tier come back.
  candidates: s.prepare(
    `WITH bars(tier, spend, points) AS (SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?)),
       w(id, start, last) AS (SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?))
     SELECT id, cardNo, tier, points, spend FROM (
       SELECT m.id, m.card_no AS cardNo, m.tier, m.points, b.spend AS bar, b.points AS pointsBar,
         (SELECT coalesce(sum(p.amount_fen), 0) FROM purchases p
          WHERE p.member_id = w.id AND p.purchased_at > w.start AND p.purchased_at <= w.last) AS spend
       FROM w JOIN members m ON m.id = w.id JOIN bars b ON b.tier = m.tier)
     WHERE spend >= bar OR points >= pointsBar`,
  ),
  // A tier change is a change of the member for the edit form (see members/version.ts).
  setTier: s.prepare(`UPDATE members SET tier = ?, ${BUMP_VERSION} WHERE id = ?`),
  change: s.prepare(
    'INSERT INTO tier_changes (member_id, from_tier, to_tier, reason, at, operator_id) VALUES (?, ?, ?, ?, ?, ?)',
  ),
}))

/** Writes one tier change and its record; the caller holds the transaction. */
export function applyTierChange(
  db: Db,
  memberId: number,
  from: string,
  to: string,
  reason: string,
  at: number,
  actor: Actor,
): void {
  const st = stmts(db)
  st.setTier.run(to, db.now().getTime(), actor.id, memberId)
  st.change.run(memberId, from, to, reason, at, actor.id)
}

/**
 * Upgrades members whose purchases crossed a tier threshold. PurchaseBook notes each sale line;
 * `settle` then looks at all touched members in one statement (an indexed 12-month sum each, only
 * for members below the top tier, returning only those who reach a higher one), and replays each
 * such member's noted lines in memory to date every crossing at the purchase that made it. The
 * spend before the batch is taken over the window that ends at the member's last line.
 */
export class TierUpgrades {
  /** Per member: the noted lines as [at, fen, at, fen, …] in the order written */
  private readonly touched = new Map<number, number[]>()
  private actor: Actor | null = null
  /** For each tier below the top: the lowest spend and points thresholds above it */
  private readonly bars: string

  constructor(
    private readonly db: Db,
    private readonly table: TierTable,
  ) {
    const min = (xs: (number | null)[]) => {
      const v = xs.filter((x): x is number => x !== null)
      return v.length ? Math.min(...v) : null
    }
    this.bars = JSON.stringify(
      table.slice(0, -1).map((t, i) => {
        const above = table.slice(i + 1)
        return [t.name, min(above.map((x) => x.minSpendFen)), min(above.map((x) => x.minPoints))]
      }),
    )
  }

  note(memberId: number, at: number, fen: number, actor: Actor): void {
    this.actor = actor
    const lines = this.touched.get(memberId)
    if (lines) lines.push(at, fen)
    else this.touched.set(memberId, [at, fen])
  }

  /** Applies the upgrades of every member noted since the last call; the caller holds the transaction. */
  settle(): number {
    const actor = this.actor
    if (!actor || this.table.length < 2 || !this.touched.size) {
      this.touched.clear()
      return 0
    }
    const windows: [number, number, number][] = []
    const zone = storeZone(this.db)
    for (const [id, lines] of this.touched) {
      let last = 0
      for (let i = 0; i < lines.length; i += 2) last = Math.max(last, lines[i]!)
      windows.push([id, spendWindowStart(last, zone), last])
    }
    const found = stmts(this.db).candidates.all(this.bars, JSON.stringify(windows)) as Candidate[]
    const changes: string[] = []
    for (const c of found) {
      const to = this.walk(c, this.touched.get(c.id)!, actor)
      if (to !== c.tier) changes.push(`${c.cardNo} ${c.tier}→${to}`)
    }
    this.touched.clear()
    if (changes.length === 1) recordAudit(this.db, actor, 'upgrade', 'tier', null, `消费升级：${changes[0]}`)
    else if (changes.length > 1)
      recordAudit(this.db, actor, 'upgrade', 'tier', null, `消费升级：${changes.length} 名会员（${changes[0]} 等）`)
    return changes.length
  }

  /** Replays the noted lines on top of the spend before them; returns the final tier. */
  private walk(c: Candidate, lines: number[], actor: Actor): string {
    let noted = 0
    for (let i = 1; i < lines.length; i += 2) noted += lines[i]!
    let spendFen = c.spend - noted
    let current = c.tier
    let lastAt = 0
    for (let i = 0; i < lines.length; i += 2) {
      spendFen += lines[i + 1]!
      lastAt = lines[i]!
      const up = upgradeOnPurchase(this.table, current, { spendFen, points: c.points })
      if (up) {
        applyTierChange(this.db, c.id, current, up.to, up.reason, lastAt, actor)
        current = up.to
      }
    }
    // The sum over the final window can exceed the replay's (returns, lines out of order): settle it.
    const facts: TierFacts = { spendFen: c.spend, points: c.points }
    const target = tierFor(this.table, facts)
    if (tierRank(this.table, target.name) > tierRank(this.table, current)) {
      applyTierChange(
        this.db,
        c.id,
        current,
        target.name,
        tierReason(target, facts, this.table[0]!.name),
        lastAt,
        actor,
      )
      current = target.name
    }
    return current
  }
}

interface Candidate {
  id: number
  cardNo: string
  tier: string
  points: number
  spend: number
}
