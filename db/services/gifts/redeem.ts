import type { Actor } from '../../actor'
import { conflict, notFound, validationError } from '../../errors'
import { inTransaction, type Db } from '../../handle'
import { storeDayInt } from '../../clock'
import { eligibility, redemptionSlipNo, RETURN_DAYS, withinReturnWindow } from '../../rules/gifts'
import { statements } from '../../statements'
import { parseInput, z } from '../../validate'
import { recordAudit } from '../audit'
import { balanceNow, postDueExpiry } from '../points/lapse'
import { postPoints } from '../points/ledger'
import { getSettings } from '../settings'
import { giftByCode, requireKeeper } from './catalogue'
import { postMovement } from './movements'

const stmts = statements((s) => ({
  member: s.prepare('SELECT id, card_no, points, tier, status FROM members WHERE id = ?'),
  redemption: s.prepare(
    `INSERT INTO redemptions (member_id, points, points_before, points_after, operator_id, operator_name, at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ),
  redemptionById: s.prepare('SELECT id, member_id, at FROM redemptions WHERE id = ?'),
  redeemedLine: s.prepare(
    `SELECT -sum(CASE WHEN kind = 'redeem' THEN quantity ELSE 0 END) AS redeemed,
            sum(CASE WHEN kind = 'return' THEN quantity ELSE 0 END) AS returned,
            max(CASE WHEN kind = 'redeem' THEN points END) AS points
     FROM gift_movements WHERE redemption_id = ? AND gift_id = ?`,
  ),
}))

export interface MemberAtDesk {
  id: number
  cardNo: string
  points: number
  tier: string
  status: string
}

/** The member as the desk sees them: the balance net of points lapsed by now (see points/lapse.ts). */
export function memberAtDesk(db: Db, memberId: number): MemberAtDesk {
  const m = stmts(db).member.get(memberId) as
    { id: number; card_no: string; points: number; tier: string; status: string } | undefined
  if (!m) throw notFound('找不到该会员')
  return { id: m.id, cardNo: m.card_no, points: balanceNow(db, m.id, m.points), tier: m.tier, status: m.status }
}

export const todayOf = (db: Db) => storeDayInt(db)

const redeemSchema = z.object({
  memberId: z.number({ error: '请选择会员' }).int().positive('请选择会员'),
  lines: z
    .array(
      z.object({
        code: z.string({ error: '请选择礼品' }).trim().min(1, '请选择礼品'),
        qty: z.number({ error: '兑换数量须为整数' }).int('兑换数量须为整数').positive('兑换数量须大于 0').max(100),
      }),
      { error: '请选择要兑换的礼品' },
    )
    .min(1, '请选择要兑换的礼品')
    .max(50, '一次最多兑换 50 种礼品'),
})
export type RedeemInput = z.input<typeof redeemSchema>

export interface Redeemed {
  redemptionId: number
  /** DH000001: what the slip prints and the desk shows */
  slipNo: string
  memberId: number
  cardNo: string
  points: number
  pointsBefore: number
  pointsAfter: number
  lines: { code: string; name: string; qty: number; points: number }[]
  operatorName: string
  at: number
}

/**
 * Exchanges points for one or more gifts in one transaction: every line must be eligible (see
 * db/rules/gifts.ts), then one points ledger entry and one stock movement per gift are posted.
 * Any refusal changes nothing. BEGIN IMMEDIATE serialises two desks redeeming the last unit.
 */
export function redeemGifts(db: Db, input: RedeemInput, actor: Actor): Redeemed {
  requireKeeper(actor)
  const r = parseInput(redeemSchema, input)
  const wanted = new Map<string, number>()
  for (const l of r.lines) wanted.set(l.code, (wanted.get(l.code) ?? 0) + l.qty)
  const tiers = getSettings(db).tierTable
  return inTransaction(db, () => {
    // Points lapsed since midnight are posted first (and kept only if the redemption goes through).
    postDueExpiry(db, r.memberId)
    const m = memberAtDesk(db, r.memberId)
    if (m.status !== 'active') throw conflict('该会员卡不是正常状态（已挂失、补卡或注销），不能兑换')
    const today = todayOf(db)
    const lines = [...wanted].map(([code, qty]) => {
      const g = giftByCode(db, code)
      const e = eligibility(g, m, today, tiers, qty)
      if (!e.ok) throw conflict(e.reason)
      return { gift: g, qty, points: g.pointsPrice! * qty }
    })
    const total = lines.reduce((s, l) => s + l.points, 0)
    if (total > m.points)
      throw conflict(
        `积分不足：共需 ${total.toLocaleString('en-US')} 分，当前可用 ${m.points.toLocaleString('en-US')} 分`,
      )
    const at = db.now().getTime()
    const info = stmts(db).redemption.run(m.id, total, m.points, m.points - total, actor.id, actor.name, at)
    const redemptionId = Number(info.lastInsertRowid)
    const names = lines.map((l) => `${l.gift.name}×${l.qty}`).join('、')
    const posted = postPoints(
      db,
      { memberId: m.id, kind: 'redeem', points: -total, ref: `redemption:${redemptionId}`, reason: names },
      actor,
    )
    for (const l of lines) {
      postMovement(
        db,
        {
          giftId: l.gift.id,
          kind: 'redeem',
          quantity: -l.qty,
          points: l.gift.pointsPrice!,
          memberId: m.id,
          redemptionId,
        },
        actor,
      )
    }
    recordAudit(
      db,
      actor,
      'redeem',
      'member',
      m.id,
      `积分兑换 ${total} 分（兑换单 ${redemptionSlipNo(redemptionId)}）：${names}`,
    )
    return {
      redemptionId,
      slipNo: redemptionSlipNo(redemptionId),
      memberId: m.id,
      cardNo: m.cardNo,
      points: total,
      pointsBefore: m.points,
      pointsAfter: posted.balance,
      lines: lines.map((l) => ({ code: l.gift.code, name: l.gift.name, qty: l.qty, points: l.points })),
      operatorName: actor.name,
      at,
    }
  })
}

const returnSchema = z.object({
  redemptionId: z.number({ error: '请选择兑换单' }).int().positive('请选择兑换单'),
  code: z.string({ error: '请选择礼品' }).trim().min(1, '请选择礼品'),
  qty: z.number({ error: '退回数量须为整数' }).int('退回数量须为整数').positive('退回数量须大于 0'),
  reason: z.string({ error: '请填写质量问题' }).trim().min(1, '请填写质量问题').max(100, '最多 100 个字'),
})
export type ReturnInput = z.input<typeof returnSchema>

/**
 * Takes back a redeemed gift with a quality defect within RETURN_DAYS of the redemption: the stock
 * comes back and the points it cost are refunded ('refund'), in one transaction.
 */
export function returnRedeemed(
  db: Db,
  input: ReturnInput,
  actor: Actor,
): { points: number; pointsAfter: number; onHand: number } {
  requireKeeper(actor)
  const r = parseInput(returnSchema, input)
  return inTransaction(db, () => {
    const red = stmts(db).redemptionById.get(r.redemptionId) as
      { id: number; member_id: number; at: number } | undefined
    if (!red) throw notFound('找不到该兑换单')
    if (!withinReturnWindow(red.at, db.now().getTime()))
      throw conflict(`兑换礼品仅在兑换后 ${RETURN_DAYS} 天内因质量问题可退回`)
    const g = giftByCode(db, r.code)
    const line = stmts(db).redeemedLine.get(red.id, g.id) as {
      redeemed: number | null
      returned: number | null
      points: number | null
    }
    const left = (line.redeemed ?? 0) - (line.returned ?? 0)
    if (!line.redeemed) throw validationError(`该兑换单中没有 ${g.name}`)
    if (r.qty > left) throw conflict(`${g.name}最多还可退回 ${left} 件`)
    const points = (line.points ?? 0) * r.qty
    const moved = postMovement(
      db,
      {
        giftId: g.id,
        kind: 'return',
        quantity: r.qty,
        points: line.points ?? 0,
        memberId: red.member_id,
        redemptionId: red.id,
        reason: r.reason,
      },
      actor,
    )
    const posted = postPoints(
      db,
      {
        memberId: red.member_id,
        kind: 'refund',
        points,
        ref: `redemption:${red.id}`,
        reason: `退回 ${g.name}×${r.qty}：${r.reason}`,
      },
      actor,
    )
    recordAudit(
      db,
      actor,
      'return',
      'member',
      red.member_id,
      `兑换退回 ${g.code}×${r.qty}（兑换单 ${redemptionSlipNo(red.id)}），退还 ${points} 分`,
    )
    return { points, pointsAfter: posted.balance, onHand: moved.onHand }
  })
}
