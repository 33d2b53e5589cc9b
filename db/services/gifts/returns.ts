import type { Actor } from '../../actor'
import { inTransaction, type Db } from '../../handle'
import { parseInput, z } from '../../validate'
import { requireKeeper } from './catalogue'
import { returnRedeemed } from './redeem'

const schema = z.object({
  redemptionId: z.number({ error: '请选择兑换单' }).int().positive('请选择兑换单'),
  lines: z
    .array(
      z.object({
        code: z.string({ error: '请选择礼品' }).trim().min(1, '请选择礼品'),
        qty: z.number({ error: '退回数量须为整数' }).int('退回数量须为整数').positive('退回数量须大于 0'),
      }),
      { error: '请选择要退回的礼品' },
    )
    .min(1, '请选择要退回的礼品')
    .max(50),
  reason: z.string({ error: '请填写质量问题' }).trim().min(1, '请填写质量问题').max(100, '最多 100 个字'),
})
export type ReturnLinesInput = z.input<typeof schema>

export interface Returned {
  memberId: number
  points: number
  pointsAfter: number
}

/**
 * Takes back several gifts of one redemption for the same defect: each line goes through
 * returnRedeemed (window, quantity left), all in one transaction, so one refused line returns none.
 */
export function returnRedemptionLines(db: Db, input: ReturnLinesInput, actor: Actor): Returned {
  requireKeeper(actor)
  const r = parseInput(schema, input)
  return inTransaction(db, () => {
    let points = 0
    let pointsAfter = 0
    for (const l of r.lines) {
      const done = returnRedeemed(
        db,
        { redemptionId: r.redemptionId, code: l.code, qty: l.qty, reason: r.reason },
        actor,
      )
      points += done.points
      pointsAfter = done.pointsAfter
    }
    const memberId = db.sqlite
      .prepare('SELECT member_id FROM redemptions WHERE id = ?')
      .pluck()
      .get(r.redemptionId) as number
    return { memberId, points, pointsAfter }
  })
}
