import type { Actor } from '../../actor'
import { conflict, notFound, validationError } from '../../errors'
import type { Db } from '../../handle'
import { statements } from '../../statements'
import { addPointsMove, MonthlySumsBatch, type PointsMove } from '../reports/monthlySums'

export type LedgerKind =
  'opening' | 'earn' | 'return' | 'redeem' | 'refund' | 'adjust' | 'expire' | 'transfer' | 'referral'

export const LEDGER_KIND_LABELS: Record<LedgerKind, string> = {
  opening: '期初积分',
  earn: '消费积分',
  return: '退货扣减',
  redeem: '积分兑换',
  refund: '兑换退回',
  adjust: '人工调整',
  expire: '积分过期',
  transfer: '积分转移',
  referral: '推荐奖励',
}

export interface Posting {
  memberId: number
  kind: LedgerKind
  /** The change asked for: positive grants points, negative takes them. */
  points: number
  /** When the movement counts (ms); defaults to now. */
  at?: number
  purchaseId?: number | null
  /** The purchase's department, when the caller has it at hand (the monthly sums are kept by it) */
  department?: string
  ref?: string | null
  reason?: string
}

export interface Posted {
  entryId: number
  /** How the balance and the debt actually moved */
  delta: number
  debtDelta: number
  balance: number
  debt: number
}

const stmts = statements((s) => ({
  member: s.prepare('SELECT points, points_debt FROM members WHERE id = ?'),
  insert: s.prepare(
    `INSERT INTO points_ledger (member_id, at, kind, delta, debt_delta, balance_after, debt_after, purchase_id, ref, reason, operator_id, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ),
  cache: s.prepare('UPDATE members SET points = ?, points_debt = ? WHERE id = ?'),
}))

interface Balance {
  points: number
  debt: number
}

/**
 * Appends one movement to the ledger given the member's balance before it; the caller writes the
 * balance. Earnings first pay off any debt. A return takes what the balance still has and records
 * the rest as debt; every other deduction is refused when the balance is too small, so a balance
 * never goes below zero.
 */
function append(db: Db, p: Posting, m: Balance, actor: Actor): Posted & { move: PointsMove } {
  if (!Number.isInteger(p.points)) throw validationError('积分必须是整数')
  let delta = p.points
  let debtDelta = 0
  if (p.points > 0 && m.debt > 0) {
    debtDelta = -Math.min(m.debt, p.points)
    delta = p.points + debtDelta
  } else if (p.points < 0 && -p.points > m.points) {
    if (p.kind !== 'return') {
      throw conflict(
        `积分不足：当前可用 ${m.points.toLocaleString('en-US')} 分，需要 ${(-p.points).toLocaleString('en-US')} 分`,
      )
    }
    delta = -m.points
    debtDelta = -p.points - m.points
  }
  const balance = m.points + delta
  const debt = m.debt + debtDelta
  const now = db.now().getTime()
  const at = p.at ?? now
  const info = stmts(db).insert.run(
    p.memberId,
    at,
    p.kind,
    delta,
    debtDelta,
    balance,
    debt,
    p.purchaseId ?? null,
    p.ref ?? null,
    p.reason ?? '',
    actor.id,
    now,
  )
  const move = { at, kind: p.kind, delta, department: p.department, purchaseId: p.purchaseId }
  return { entryId: Number(info.lastInsertRowid), delta, debtDelta, balance, debt, move }
}

function balanceOf(db: Db, memberId: number): Balance {
  const m = stmts(db).member.get(memberId) as { points: number; points_debt: number } | undefined
  if (!m) throw notFound('找不到该会员')
  return { points: m.points, debt: m.points_debt }
}

/** Appends one movement and updates the cached balance; the caller holds the transaction. */
export function postPoints(db: Db, p: Posting, actor: Actor): Posted {
  const { move, ...posted } = append(db, p, balanceOf(db, p.memberId), actor)
  stmts(db).cache.run(posted.balance, posted.debt, p.memberId)
  addPointsMove(db, move)
  return posted
}

/**
 * postPoints for a batch of movements in one transaction (a till import, the sample seed): the
 * same rules and ledger entries, but each member's balance is kept in memory and written to
 * members once by `flush`, which must run before the transaction ends (or anything reads
 * members.points). Rewriting the member row and its points index on every line was a large share
 * of a million-line import.
 */
export class PointsBatch {
  private readonly balances = new Map<number, Balance>()
  private readonly sums: MonthlySumsBatch

  constructor(private readonly db: Db) {
    this.sums = new MonthlySumsBatch(db)
  }

  post(p: Posting, actor: Actor): Posted {
    const { move, ...posted } = append(
      this.db,
      p,
      this.balances.get(p.memberId) ?? balanceOf(this.db, p.memberId),
      actor,
    )
    this.balances.set(p.memberId, { points: posted.balance, debt: posted.debt })
    this.sums.move(move)
    return posted
  }

  flush(): void {
    const cache = stmts(this.db).cache
    for (const [memberId, b] of this.balances) cache.run(b.points, b.debt, memberId)
    this.balances.clear()
    this.sums.flush()
  }
}

export interface BalanceDifference {
  memberId: number
  cardNo: string
  cached: { points: number; debt: number }
  ledger: { points: number; debt: number }
}

/** Recomputes every balance from its ledger and lists the members whose cache disagrees. */
export function checkBalances(db: Db): { members: number; differences: BalanceDifference[] } {
  const rows = db.sqlite
    .prepare(
      `SELECT m.id, m.card_no, m.points, m.points_debt, coalesce(l.points, 0) AS lp, coalesce(l.debt, 0) AS ld
       FROM members m LEFT JOIN (
         SELECT member_id, sum(delta) AS points, sum(debt_delta) AS debt FROM points_ledger GROUP BY member_id
       ) l ON l.member_id = m.id
       WHERE m.points != coalesce(l.points, 0) OR m.points_debt != coalesce(l.debt, 0)`,
    )
    .all() as { id: number; card_no: string; points: number; points_debt: number; lp: number; ld: number }[]
  const members = db.sqlite.prepare('SELECT count(*) FROM members').pluck().get() as number
  return {
    members,
    differences: rows.map((r) => ({
      memberId: r.id,
      cardNo: r.card_no,
      cached: { points: r.points, debt: r.points_debt },
      ledger: { points: r.lp, debt: r.ld },
    })),
  }
}
