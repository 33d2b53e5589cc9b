import type { Actor } from '../../actor'
import { storeToday } from '../../clock'
import { conflict, forbidden, notFound } from '../../errors'
import { inTransaction, type Db } from '../../handle'
import { ymdToInt, type Ymd } from '../../rules/dates'
import { CARE_PLANNERS } from '../../rules/roles'
import { validUntilFor, type VoucherKind, type VoucherSource } from '../../rules/vouchers'
import { parseInput, z } from '../../validate'
import { recordAudit } from '../audit'
import { memberAtDesk } from '../gifts/redeem'
import { getSettings } from '../settings'
import { insertVoucher, type VoucherRow } from './store'

/** The kind by name, active; a clear refusal otherwise. */
export function kindOf(db: Db, name: string): VoucherKind {
  const k = getSettings(db).vouchers.kinds.find((x) => x.name === name)
  if (!k) throw notFound(`没有券种「${name}」，请先在 设置 → 券 中添加`)
  if (!k.active) throw conflict(`券种「${name}」已停用`)
  return k
}

export interface IssueOne {
  kind: VoucherKind
  memberId: number
  source: VoucherSource
  reason: string
  ref?: string | null
  valueFen?: number
  pointsUsed?: number
  /** Overrides the kind's validity (a birthday voucher runs to the end of the birthday month) */
  validUntil?: number
  today?: Ymd
}

/** Issues one voucher of a kind inside the caller's transaction, copying the kind's rules onto it. */
export function issueIn(db: Db, o: IssueOne, actor: Actor, channel = 'desk'): VoucherRow {
  const today = o.today ?? storeToday(db)
  return insertVoucher(
    db,
    {
      kind: o.kind.name,
      valueFen: o.valueFen ?? o.kind.valueFen,
      memberId: o.memberId,
      source: o.source,
      reason: o.reason,
      ref: o.ref ?? null,
      pointsUsed: o.pointsUsed ?? 0,
      validFrom: ymdToInt(today),
      validUntil: o.validUntil ?? validUntilFor(o.kind, today),
      minSpendFen: o.kind.minSpendFen,
      departments: o.kind.departments,
      earnsPoints: o.kind.earnsPoints,
    },
    actor,
    channel,
  )
}

const manualSchema = z.object({
  memberId: z.number({ error: '请选择会员' }).int().positive('请选择会员'),
  kind: z.string({ error: '请选择券种' }).trim().min(1, '请选择券种'),
  valueFen: z
    .number()
    .int('面值须为整数（分）')
    .min(1, '面值须大于 0')
    .max(10 ** 8, '面值过高')
    .optional(),
  reason: z.string({ error: '请填写发放原因' }).trim().min(2, '请填写发放原因').max(100, '原因最多 100 个字'),
})
export type IssueManualInput = z.input<typeof manualSchema>

/** 人工发券: planners and administrators, with a reason kept on the voucher and in the audit log. */
export function issueManual(db: Db, input: IssueManualInput, actor: Actor): VoucherRow {
  if (!CARE_PLANNERS.includes(actor.role)) throw forbidden('只有企划或管理员可以人工发券')
  const r = parseInput(manualSchema, input)
  return inTransaction(db, () => {
    if (memberAtDesk(db, r.memberId).status !== 'active') throw conflict('该会员卡不是正常状态，不能发券')
    const v = issueIn(
      db,
      { kind: kindOf(db, r.kind), memberId: r.memberId, source: 'manual', reason: r.reason, valueFen: r.valueFen },
      actor,
    )
    recordAudit(db, actor, 'create', 'voucher', v.voucherNo, `人工发券 ${v.kind} ${v.valueFen / 100} 元：${r.reason}`)
    return v
  })
}
