import type { Actor } from '../../actor'
import { inTransaction, type Db } from '../../handle'
import { ISSUE_PURPOSE_KEYS, ISSUE_PURPOSE_LABELS } from '../../rules/gifts'
import { parseInput, z } from '../../validate'
import { validationError } from '../../errors'
import { quantityProblem } from '../../rules/limits'
import { recordAudit } from '../audit'
import { getSettings } from '../settings'
import { checkGiftLimits, giftByCode, requireKeeper } from './catalogue'
import { memberIdOfCard, postMovement, type Moved } from './movements'

const code = z.string({ error: '请选择礼品' }).trim().min(1, '请选择礼品')
const quantity = (label: string) =>
  z
    .number({ error: `请填写${label}` })
    .int(`${label}须为整数`)
    .positive(`${label}须大于 0`)
    .max(1_000_000)
const text = (max: number) => z.string().trim().max(max, `最多 ${max} 个字`).default('')

const receiveSchema = z.object({
  code,
  quantity: quantity('入库数量'),
  unitCostFen: z.number({ error: '单价须为整数（分）' }).int('单价须精确到分').min(0, '单价不能为负').optional(),
  supplier: text(40),
  reason: text(100),
})
export type ReceiveInput = z.input<typeof receiveSchema>

/** Goods in from a supplier; the unit cost defaults to the catalogue's. */
export function receiveStock(db: Db, input: ReceiveInput, actor: Actor): Moved {
  requireKeeper(actor)
  const r = parseInput(receiveSchema, input)
  checkGiftLimits(db, { unitCostFen: r.unitCostFen })
  const tooMany = quantityProblem(getSettings(db).limits, '入库数量', r.quantity)
  if (tooMany) throw validationError(tooMany, [{ field: 'quantity', message: tooMany }])
  return inTransaction(db, () => {
    const g = giftByCode(db, r.code)
    const moved = postMovement(
      db,
      {
        giftId: g.id,
        kind: 'receive',
        quantity: r.quantity,
        unitCostFen: r.unitCostFen ?? g.unitCostFen,
        supplier: r.supplier,
        reason: r.reason,
      },
      actor,
    )
    recordAudit(db, actor, 'receive', 'gift', g.id, `礼品 ${g.code} 入库 ${r.quantity} 件`)
    return moved
  })
}

const issueSchema = z.object({
  code,
  quantity: quantity('发放数量'),
  purpose: z.enum(ISSUE_PURPOSE_KEYS, { error: '请选择发放用途' }),
  /** The member the gift goes to, where there is one (opening, birthday, referral, cake). */
  cardNo: z.string().trim().min(1).max(30).optional(),
  reason: text(100),
})
export type IssueInput = z.input<typeof issueSchema>

/** Gifts handed out without points: opening, birthday, referral, cake delivery, events. */
export function issueGift(db: Db, input: IssueInput, actor: Actor): Moved {
  requireKeeper(actor)
  const r = parseInput(issueSchema, input)
  return inTransaction(db, () => {
    const g = giftByCode(db, r.code)
    const memberId = r.cardNo ? memberIdOfCard(db, r.cardNo) : null
    const moved = postMovement(
      db,
      { giftId: g.id, kind: 'issue', quantity: -r.quantity, purpose: r.purpose, memberId, reason: r.reason },
      actor,
    )
    recordAudit(
      db,
      actor,
      'issue',
      'gift',
      g.id,
      `礼品 ${g.code} 发放 ${r.quantity} 件（${ISSUE_PURPOSE_LABELS[r.purpose]}）`,
    )
    return moved
  })
}

const stocktakeSchema = z.object({
  code,
  counted: z.number({ error: '请填写盘点数量' }).int('盘点数量须为整数').min(0, '盘点数量不能为负').max(1_000_000),
  reason: z.string({ error: '请填写盘点差异原因' }).trim().min(1, '请填写盘点差异原因').max(100, '最多 100 个字'),
})
export type StocktakeInput = z.input<typeof stocktakeSchema>

/**
 * A count (盘点): posts the difference between the counted and the recorded stock with the reason;
 * a count that matches posts nothing.
 */
export function stocktake(db: Db, input: StocktakeInput, actor: Actor): Moved & { difference: number } {
  requireKeeper(actor)
  const r = parseInput(stocktakeSchema, input)
  return inTransaction(db, () => {
    const g = giftByCode(db, r.code)
    const difference = r.counted - g.onHand
    if (difference === 0) return { movementId: 0, onHand: g.onHand, difference }
    const moved = postMovement(db, { giftId: g.id, kind: 'stocktake', quantity: difference, reason: r.reason }, actor)
    const signed = difference > 0 ? `+${difference}` : String(difference)
    recordAudit(db, actor, 'stocktake', 'gift', g.id, `礼品 ${g.code} 盘点 ${signed} 件：${r.reason}`)
    return { ...moved, difference }
  })
}
