import { SYSTEM_ACTOR, type Actor } from '../../actor'
import { storeDayInt, storeZone } from '../../clock'
import { conflict, forbidden } from '../../errors'
import { inTransaction, type Db } from '../../handle'
import { intToYmd } from '../../rules/dates'
import { CARE_PLANNERS } from '../../rules/roles'
import { endOfDayMs } from '../../rules/storeClock'
import { statements } from '../../statements'
import { parseInput, z } from '../../validate'
import { recordAudit } from '../audit'
import { postPoints } from '../points/ledger'
import { closeVoucher, voucherById, voucherByNo } from './store'
import { findVoucher, viewOf, type VoucherView } from './use'

const stmts = statements((s) => ({
  due: s.prepare(`SELECT id FROM vouchers WHERE status = 'issued' AND valid_until < ? ORDER BY id`).pluck(),
}))

const voidSchema = z.object({
  voucherNo: z.string({ error: '请输入券号' }).trim().min(1, '请输入券号'),
  reason: z.string({ error: '请填写作废原因' }).trim().min(2, '请填写作废原因').max(100, '原因最多 100 个字'),
})
export type VoidVoucherInput = z.input<typeof voidSchema>

/**
 * 作废: planners and administrators, with a reason. A voucher bought with points gives them
 * back (a 'refund' ledger entry in the same transaction); a used or expired one cannot be voided.
 */
export function voidVoucher(db: Db, input: VoidVoucherInput, actor: Actor): VoucherView {
  if (!CARE_PLANNERS.includes(actor.role)) throw forbidden('只有企划或管理员可以作废券')
  const r = parseInput(voidSchema, input)
  return inTransaction(db, () => {
    const v = findVoucher(db, r.voucherNo)
    if (v.status !== 'issued')
      throw conflict(
        `券 ${v.voucherNo} 已${v.status === 'used' ? '使用' : v.status === 'expired' ? '过期' : '作废'}，不能作废`,
      )
    closeVoucher(db, v, { kind: 'voided', at: db.now().getTime(), channel: 'desk', reason: r.reason }, actor)
    if (v.pointsUsed > 0)
      postPoints(
        db,
        {
          memberId: v.memberId,
          kind: 'refund',
          points: v.pointsUsed,
          ref: `voucher:${v.voucherNo}`,
          reason: `作废券 ${v.voucherNo}，退回积分`,
        },
        actor,
      )
    recordAudit(
      db,
      actor,
      'void',
      'voucher',
      v.voucherNo,
      `作废券 ${v.voucherNo}：${r.reason}${v.pointsUsed ? `，退回 ${v.pointsUsed} 分` : ''}`,
    )
    return viewOf(db, voucherByNo(db, v.voucherNo)!)
  })
}

/**
 * The daily job: vouchers past their last valid day become expired, the event dated at the end of
 * that day (store time), so the month's figures count it in the month it lapsed. Idempotent.
 */
export function expireDueVouchers(db: Db, actor: Actor = SYSTEM_ACTOR): { vouchers: number; valueFen: number } {
  const today = storeDayInt(db)
  const zone = storeZone(db)
  return inTransaction(db, () => {
    let valueFen = 0
    const ids = stmts(db).due.all(today) as number[]
    for (const id of ids) {
      const v = voucherById(db, id)
      closeVoucher(db, v, { kind: 'expired', at: endOfDayMs(intToYmd(v.validUntil), zone), channel: 'job' }, actor)
      valueFen += v.valueFen
    }
    return { vouchers: ids.length, valueFen }
  })
}
