import type { Db } from '../../handle'
import { redemptionSlipNo, type GiftMovementKind, type IssuePurpose } from '../../rules/gifts'
import { giftByCode } from './catalogue'

export interface RedemptionRecord {
  redemptionId: number
  /** DH000001, as on the printed slip */
  slipNo: string
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
    .all(input.memberId, input.limit ?? 100) as Omit<RedemptionRecord, 'lines' | 'slipNo'>[]
  const lines = db.sqlite.prepare(
    `SELECT g.code, g.name,
            -sum(CASE WHEN m.kind = 'redeem' THEN m.quantity ELSE 0 END) AS qty,
            -sum(CASE WHEN m.kind = 'redeem' THEN m.quantity * m.points ELSE 0 END) AS points,
            sum(CASE WHEN m.kind = 'return' THEN m.quantity ELSE 0 END) AS returned
     FROM gift_movements m JOIN gifts g ON g.id = m.gift_id
     WHERE m.redemption_id = ? GROUP BY g.id ORDER BY g.code`,
  )
  return heads.map((h) => ({
    ...h,
    slipNo: redemptionSlipNo(h.redemptionId),
    lines: lines.all(h.redemptionId) as RedemptionRecord['lines'],
  }))
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
  /** the redemption's DH number when the movement belongs to one */
  slipNo: string | null
  reason: string
  operatorName: string | null
  at: number
}

/** A gift's stock movements, newest first, with the member's card and the operator's name. */
export function giftMovementHistory(db: Db, input: { code: string; limit?: number }): MovementRecord[] {
  const g = giftByCode(db, input.code)
  const rows = db.sqlite
    .prepare(
      `SELECT m.id, m.kind, m.quantity, m.on_hand_after AS onHandAfter, m.unit_cost_fen AS unitCostFen, m.points,
              m.supplier, m.purpose, mem.card_no AS cardNo, m.redemption_id AS redemptionId, m.reason,
              coalesce(o.name, CASE WHEN m.operator_id IS NULL THEN '系统' END) AS operatorName, m.at
       FROM gift_movements m
       LEFT JOIN members mem ON mem.id = m.member_id
       LEFT JOIN operators o ON o.id = m.operator_id
       WHERE m.gift_id = ? ORDER BY m.id DESC LIMIT ?`,
    )
    .all(g.id, input.limit ?? 200) as Omit<MovementRecord, 'slipNo'>[]
  return rows.map((r) => ({ ...r, slipNo: r.redemptionId === null ? null : redemptionSlipNo(r.redemptionId) }))
}

// The monthly figures grew into their own file; kept reachable from here for existing callers.
export { giftMonthReport, type GiftMonthReport } from './report'
