import type { Actor } from '../../actor'
import { forbidden } from '../../errors'
import { inTransaction, type Db } from '../../handle'
import type { Role } from '../../rules/roles'
import { parseInput, z } from '../../validate'
import { recordAudit } from '../audit'
import { postDueExpiry } from './lapse'
import { postPoints, type Posted } from './ledger'

/** Manual adjustments move points outside every rule, so only the programme's owners may make them. */
export const POINTS_ADJUSTERS: readonly Role[] = ['admin', 'planner']

const adjustInput = z.object({
  memberId: z.number({ error: '请选择会员' }).int().positive('请选择会员'),
  points: z
    .number({ error: '请填写调整积分' })
    .int('调整积分必须是整数')
    .refine((n) => n !== 0, '调整积分不能为 0'),
  reason: z.string({ error: '请填写调整原因' }).trim().min(1, '请填写调整原因').max(100, '调整原因最多 100 个字'),
})
export type AdjustInput = z.input<typeof adjustInput>

/**
 * Adds (positive) or takes (negative) points by hand, with the reason on the ledger entry and an
 * audit entry. A deduction beyond the balance is refused by the ledger and changes nothing.
 */
export function adjustPoints(db: Db, input: AdjustInput, actor: Actor): Posted {
  if (!POINTS_ADJUSTERS.includes(actor.role)) throw forbidden('只有管理员和企划可以调整积分')
  const a = parseInput(adjustInput, input)
  return inTransaction(db, () => {
    // A deduction must not take points that lapsed since midnight: they go first, as the job would.
    if (a.points < 0) postDueExpiry(db, a.memberId)
    const posted = postPoints(db, { memberId: a.memberId, kind: 'adjust', points: a.points, reason: a.reason }, actor)
    const signed = a.points > 0 ? `+${a.points}` : String(a.points)
    recordAudit(db, actor, 'adjust', 'points', a.memberId, `人工调整积分 ${signed}：${a.reason}`)
    return posted
  })
}
