import type { Actor } from '../../actor'
import { conflict, notFound } from '../../errors'
import type { Db } from '../../handle'
import type { GiftMovementKind, IssuePurpose } from '../../rules/gifts'
import { statements } from '../../statements'
import { memberIdByCard } from '../members/rows'

export interface Movement {
  giftId: number
  kind: GiftMovementKind
  /** Signed: positive adds stock, negative takes it. */
  quantity: number
  unitCostFen?: number
  points?: number
  supplier?: string
  purpose?: IssuePurpose | null
  memberId?: number | null
  redemptionId?: number | null
  reason?: string
}

export interface Moved {
  movementId: number
  onHand: number
}

const stmts = statements((s) => ({
  gift: s.prepare('SELECT name, on_hand, unit_cost_fen FROM gifts WHERE id = ?'),
  insert: s.prepare(
    `INSERT INTO gift_movements (gift_id, kind, quantity, on_hand_after, unit_cost_fen, points, supplier, purpose, member_id, redemption_id, reason, operator_id, at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ),
  cache: s.prepare('UPDATE gifts SET on_hand = ? WHERE id = ?'),
}))

/**
 * Appends one stock movement and updates the cached on-hand; the caller holds the transaction.
 * A movement that would take stock below zero is refused (and the CHECKs stop one that slips by).
 */
export function postMovement(db: Db, m: Movement, actor: Actor): Moved {
  const g = stmts(db).gift.get(m.giftId) as { name: string; on_hand: number; unit_cost_fen: number } | undefined
  if (!g) throw notFound('找不到该礼品')
  const onHand = g.on_hand + m.quantity
  if (onHand < 0) throw conflict(`${g.name}库存不足：现有 ${g.on_hand} 件，需要 ${-m.quantity} 件`)
  const info = stmts(db).insert.run(
    m.giftId,
    m.kind,
    m.quantity,
    onHand,
    m.unitCostFen ?? g.unit_cost_fen,
    m.points ?? 0,
    m.supplier ?? '',
    m.purpose ?? null,
    m.memberId ?? null,
    m.redemptionId ?? null,
    m.reason ?? '',
    actor.id,
    db.now().getTime(),
  )
  stmts(db).cache.run(onHand, m.giftId)
  return { movementId: Number(info.lastInsertRowid), onHand }
}

export interface StockDifference {
  code: string
  name: string
  cached: number
  movements: number
}

/** Recomputes every gift's stock from its movements and lists the gifts whose cache disagrees. */
export function checkStock(db: Db): { gifts: number; differences: StockDifference[] } {
  const rows = db.sqlite
    .prepare(
      `SELECT g.code, g.name, g.on_hand AS cached, coalesce(m.total, 0) AS movements
       FROM gifts g LEFT JOIN (SELECT gift_id, sum(quantity) AS total FROM gift_movements GROUP BY gift_id) m
         ON m.gift_id = g.id
       WHERE g.on_hand != coalesce(m.total, 0) OR coalesce(m.total, 0) < 0
       ORDER BY g.code`,
    )
    .all() as StockDifference[]
  const count = db.sqlite.prepare('SELECT count(*) FROM gifts').pluck().get() as number
  return { gifts: count, differences: rows }
}

/** A member id from a card number (current or replaced), or not-found. */
export function memberIdOfCard(db: Db, cardNo: string): number {
  const id = memberIdByCard(db, cardNo.trim())
  if (id === undefined) throw notFound(`找不到卡号为 ${cardNo} 的会员`)
  return id
}
