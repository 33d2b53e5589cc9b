import { notFound } from '../../errors'
import type { Db } from '../../handle'
import { VOUCHER_STATUSES, type VoucherSource, type VoucherStatus } from '../../rules/vouchers'
import { parseInput, z } from '../../validate'
import { memberIdByCard } from '../members/rows'

/** One voucher in a list; the exact shape of `vouchers list --json` plus what screens show. */
export interface VoucherListRow {
  voucherNo: string
  kind: string
  valueFen: number
  cardNo: string
  status: VoucherStatus
  /** ms */
  issuedAt: number
  /** YYYY-MM-DD */
  validUntil: string
  usedAt: number | null
  source: VoucherSource
  reason: string
  usedReceiptNo: string | null
  memberName: string
}

const listSchema = z.object({
  cardNo: z.string().trim().max(30).optional(),
  memberId: z.number().int().positive().optional(),
  status: z.enum(VOUCHER_STATUSES, { error: '状态应为 issued、used、expired 或 voided' }).optional(),
  kind: z.string().trim().max(20).optional(),
  limit: z.number().int().min(1).max(100_000).default(1000),
})
export type ListVouchersInput = z.input<typeof listSchema>

/** Newest first; by member (card or id), status and kind. */
export function listVouchers(db: Db, input: ListVouchersInput = {}): VoucherListRow[] {
  const r = parseInput(listSchema, input)
  let memberId = r.memberId
  if (r.cardNo) {
    memberId = memberIdByCard(db, r.cardNo)
    if (memberId === undefined) throw notFound(`找不到卡号 ${r.cardNo} 的会员`)
  }
  const filters: [string, string | number | undefined][] = [
    ['v.member_id = ?', memberId],
    ['v.status = ?', r.status],
    ['v.kind = ?', r.kind],
  ]
  const used = filters.filter(([, value]) => value !== undefined)
  const where = used.map(([clause]) => clause)
  const args = used.map(([, value]) => value!)
  const rows = db.sqlite
    .prepare(
      `SELECT v.voucher_no AS voucherNo, v.kind, v.value_fen AS valueFen, m.card_no AS cardNo, v.status,
              v.issued_at AS issuedAt, v.valid_until AS validUntil, v.used_at AS usedAt, v.source, v.reason,
              v.used_receipt_no AS usedReceiptNo, m.name AS memberName
         FROM vouchers v JOIN members m ON m.id = v.member_id
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY v.id DESC LIMIT ?`,
    )
    .all(...args, r.limit) as (Omit<VoucherListRow, 'validUntil'> & { validUntil: number })[]
  return rows.map((x) => ({ ...x, validUntil: String(x.validUntil).replace(/^(\d{4})(\d{2})(\d{2})$/, '$1-$2-$3') }))
}
