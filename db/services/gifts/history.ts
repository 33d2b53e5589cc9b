import type { Db } from '../../handle'
import {
  GIFT_CATEGORIES,
  ISSUE_PURPOSE_KEYS,
  type GiftCategory,
  type GiftMovementKind,
  type IssuePurpose,
} from '../../rules/gifts'
import { giftByCode } from './catalogue'

export interface RedemptionRecord {
  redemptionId: number
  at: number
  points: number
  pointsBefore: number
  pointsAfter: number
  operatorName: string
  lines: { code: string; name: string; qty: number; points: number; returned: number }[]
}

/** A member's redemptions, newest first, each with its gifts and what came back. */
export function memberRedemptions(db: Db, input: { memberId: number; limit?: number }): RedemptionRecord[] {
  const heads = db.sqlite
    .prepare(
      `SELECT id AS redemptionId, at, points, points_before AS pointsBefore, points_after AS pointsAfter,
              operator_name AS operatorName
       FROM redemptions WHERE member_id = ? ORDER BY at DESC, id DESC LIMIT ?`,
    )
    .all(input.memberId, input.limit ?? 100) as Omit<RedemptionRecord, 'lines'>[]
  const lines = db.sqlite.prepare(
    `SELECT g.code, g.name,
            -sum(CASE WHEN m.kind = 'redeem' THEN m.quantity ELSE 0 END) AS qty,
            -sum(CASE WHEN m.kind = 'redeem' THEN m.quantity * m.points ELSE 0 END) AS points,
            sum(CASE WHEN m.kind = 'return' THEN m.quantity ELSE 0 END) AS returned
     FROM gift_movements m JOIN gifts g ON g.id = m.gift_id
     WHERE m.redemption_id = ? GROUP BY g.id ORDER BY g.code`,
  )
  return heads.map((h) => ({ ...h, lines: lines.all(h.redemptionId) as RedemptionRecord['lines'] }))
}

export interface MovementRecord {
  id: number
  kind: GiftMovementKind
  quantity: number
  onHandAfter: number
  unitCostFen: number
  points: number
  supplier: string
  purpose: IssuePurpose | null
  cardNo: string | null
  redemptionId: number | null
  reason: string
  operatorName: string | null
  at: number
}

/** A gift's stock movements, newest first, with the member's card and the operator's name. */
export function giftMovementHistory(db: Db, input: { code: string; limit?: number }): MovementRecord[] {
  const g = giftByCode(db, input.code)
  return db.sqlite
    .prepare(
      `SELECT m.id, m.kind, m.quantity, m.on_hand_after AS onHandAfter, m.unit_cost_fen AS unitCostFen, m.points,
              m.supplier, m.purpose, mem.card_no AS cardNo, m.redemption_id AS redemptionId, m.reason,
              coalesce(o.name, CASE WHEN m.operator_id IS NULL THEN '系统' END) AS operatorName, m.at
       FROM gift_movements m
       LEFT JOIN members mem ON mem.id = m.member_id
       LEFT JOIN operators o ON o.id = m.operator_id
       WHERE m.gift_id = ? ORDER BY m.id DESC LIMIT ?`,
    )
    .all(g.id, input.limit ?? 200) as MovementRecord[]
}

export interface GiftMonthReport {
  /** Cost (fen) of gifts that left the room (issued or redeemed, net of returns), by category */
  costByCategory: Record<GiftCategory, number>
  /** Cost (fen) of issued gifts by purpose */
  costByPurpose: Record<IssuePurpose, number>
  redemptions: number
  redeemedPoints: number
  /** Stock value (fen) now: on hand × catalogue unit cost */
  stockValueFen: number
}

/**
 * One calendar month (local time) of gift cost, redemptions and the stock value now. Cost is the
 * unit cost recorded on each movement, so a later price change does not rewrite past months.
 */
export function giftMonthReport(db: Db, input: { year: number; month: number }): GiftMonthReport {
  const from = new Date(input.year, input.month - 1, 1).getTime()
  const to = new Date(input.year, input.month, 1).getTime()
  const costByCategory = Object.fromEntries(GIFT_CATEGORIES.map((c) => [c, 0])) as Record<GiftCategory, number>
  const costByPurpose = Object.fromEntries(ISSUE_PURPOSE_KEYS.map((p) => [p, 0])) as Record<IssuePurpose, number>
  const byCategory = db.sqlite
    .prepare(
      `SELECT g.category, -sum(m.quantity * m.unit_cost_fen) AS cost
       FROM gift_movements m JOIN gifts g ON g.id = m.gift_id
       WHERE m.kind IN ('issue', 'redeem', 'return') AND m.at >= ? AND m.at < ? GROUP BY g.category`,
    )
    .all(from, to) as { category: GiftCategory; cost: number }[]
  for (const r of byCategory) costByCategory[r.category] = r.cost
  const byPurpose = db.sqlite
    .prepare(
      `SELECT purpose, -sum(quantity * unit_cost_fen) AS cost FROM gift_movements
       WHERE kind = 'issue' AND at >= ? AND at < ? GROUP BY purpose`,
    )
    .all(from, to) as { purpose: IssuePurpose; cost: number }[]
  for (const r of byPurpose) costByPurpose[r.purpose] = r.cost
  const red = db.sqlite
    .prepare(`SELECT count(*) AS n, coalesce(sum(points), 0) AS points FROM redemptions WHERE at >= ? AND at < ?`)
    .get(from, to) as { n: number; points: number }
  const refunded = db.sqlite
    .prepare(
      `SELECT coalesce(sum(quantity * points), 0) FROM gift_movements WHERE kind = 'return' AND at >= ? AND at < ?`,
    )
    .pluck()
    .get(from, to) as number
  const stockValueFen = db.sqlite
    .prepare('SELECT coalesce(sum(on_hand * unit_cost_fen), 0) FROM gifts')
    .pluck()
    .get() as number
  return { costByCategory, costByPurpose, redemptions: red.n, redeemedPoints: red.points - refunded, stockValueFen }
}
