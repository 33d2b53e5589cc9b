import { conflict, notFound } from '../errors'
import type { Db } from '../handle'
import { formatYuan } from '../rules/money'
import { dayText, readVoucherNo, VOUCHER_STATUS_LABELS, type VoucherStatus } from '../rules/vouchers'
import { parseInput, z } from '../validate'

/**
 * What a printed voucher shows, read fresh from the vouchers table: the printed rules are the ones
 * copied onto the voucher when it was issued, never the kind's current settings.
 */
export interface PrintedVoucher {
  voucherNo: string
  kind: string
  valueFen: number
  validFrom: string
  validUntil: string
  minSpendFen: number
  departments: string[]
  earnsPoints: boolean
  pointsUsed: number
  issuedAt: number
  operatorName: string
  cardNo: string
  name: string
  tier: string
}

const listSchema = (most: number) =>
  z.object({
    voucherNos: z
      .array(z.string().trim().min(1, '券号不能为空'), { error: '请选择要打印的券' })
      .min(1, '请选择要打印的券')
      .max(most, `一次最多打印 ${most} 张券`),
  })

/** The vouchers to print, in the order given; an unknown, mistyped or no longer valid one refuses all. */
export function printedVouchers(db: Db, input: { voucherNos: string[] }, most: number): PrintedVoucher[] {
  const { voucherNos } = parseInput(listSchema(most), input)
  const get = db.sqlite.prepare(
    `SELECT v.voucher_no AS voucherNo, v.kind, v.value_fen AS valueFen, v.valid_from AS validFrom,
            v.valid_until AS validUntil, v.min_spend_fen AS minSpendFen, v.departments, v.earns_points AS earnsPoints,
            v.points_used AS pointsUsed, v.issued_at AS issuedAt, v.status, coalesce(o.name, '') AS operatorName,
            m.card_no AS cardNo, m.name, m.tier
       FROM vouchers v JOIN members m ON m.id = v.member_id LEFT JOIN operators o ON o.id = v.issued_by
      WHERE v.voucher_no = ?`,
  )
  return voucherNos.map((text) => {
    const read = readVoucherNo(text)
    if (!read.ok) throw conflict(read.reason)
    const r = get.get(read.no) as (Record<string, unknown> & { status: VoucherStatus }) | undefined
    if (!r) throw notFound(`找不到券号 ${read.no}`)
    // A used, expired or voided voucher printed again would look spendable at the till.
    if (r.status !== 'issued') throw conflict(`券 ${read.no} ${VOUCHER_STATUS_LABELS[r.status]}，不能打印`)
    return {
      ...(r as unknown as PrintedVoucher),
      validFrom: dayText(r.validFrom as number),
      validUntil: dayText(r.validUntil as number),
      departments: JSON.parse(r.departments as string) as string[],
      earnsPoints: Boolean(r.earnsPoints),
    }
  })
}

/** The voucher's rules as printed under it, one short line each. */
export function voucherRules(v: PrintedVoucher): string[] {
  return [
    v.minSpendFen > 0 ? `单笔消费满 ${formatYuan(v.minSpendFen)} 可用` : '无最低消费',
    v.departments.length ? `限 ${v.departments.join('、')} 使用` : '全场课别通用',
    v.earnsPoints ? '用券部分照常积分' : '用券部分不积分',
    '每券限用一次，不找零、不兑换现金',
  ]
}
