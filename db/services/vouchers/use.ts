import type { Actor } from '../../actor'
import { storeDayInt } from '../../clock'
import { conflict, notFound, validationError } from '../../errors'
import { inTransaction, type Db } from '../../handle'
import { readVoucherNo, useProblem, type VoucherStatus } from '../../rules/vouchers'
import { statements } from '../../statements'
import { parseInput, z } from '../../validate'
import { recordAudit } from '../audit'
import { closeVoucher, voucherByNo, type VoucherRow } from './store'

const stmts = statements((s) => ({
  member: s.prepare('SELECT card_no AS cardNo, name FROM members WHERE id = ?'),
}))

/** A voucher as the desk shows it after a scan: whose, what, until when, and whether it can pay. */
export interface VoucherView {
  voucherNo: string
  kind: string
  valueFen: number
  cardNo: string
  memberName: string
  status: VoucherStatus
  validFrom: number
  validUntil: number
  minSpendFen: number
  departments: string[]
  earnsPoints: boolean
  usedReceiptNo: string | null
  usedAt: number | null
  /** Why it cannot pay today, or null */
  problem: string | null
}

/** The voucher a typed or scanned number names; a typo or an unknown number is a clear refusal. */
export function findVoucher(db: Db, text: string): VoucherRow {
  const read = readVoucherNo(String(text ?? ''))
  if (!read.ok) throw validationError(read.reason, [{ field: 'voucherNo', message: read.reason }])
  const v = voucherByNo(db, read.no)
  if (!v) throw notFound(`找不到券号 ${read.no}`)
  return v
}

/** Where a voucher is about to pay: its 课别 and the receipt's total decide the last two refusals. */
export type UsePlace = { department?: string | null; receiptTotalFen?: number | null }

export function viewOf(db: Db, v: VoucherRow, today = storeDayInt(db), at: UsePlace = {}): VoucherView {
  const m = stmts(db).member.get(v.memberId) as { cardNo: string; name: string }
  return {
    voucherNo: v.voucherNo,
    kind: v.kind,
    valueFen: v.valueFen,
    cardNo: m.cardNo,
    memberName: m.name,
    status: v.status,
    validFrom: v.validFrom,
    validUntil: v.validUntil,
    minSpendFen: v.minSpendFen,
    departments: v.departments,
    earnsPoints: v.earnsPoints,
    usedReceiptNo: v.usedReceiptNo,
    usedAt: v.usedAt,
    problem: useProblem(v, today, at),
  }
}

const lookupSchema = z.object({
  voucherNo: z.string({ error: '请输入券号' }).trim().min(1, '请输入券号').max(40, '券号过长'),
  department: z.string().trim().max(20).optional(),
  receiptTotalFen: z.number().int('金额须精确到分').optional(),
})
export type LookupVoucherInput = z.input<typeof lookupSchema>

/** 查券: what the desk shows after a scan; with the 课别 and amount, the refusal it would meet. */
export function lookupVoucher(db: Db, input: string | LookupVoucherInput): VoucherView {
  const r = parseInput(lookupSchema, typeof input === 'string' ? { voucherNo: input } : input)
  return viewOf(db, findVoucher(db, r.voucherNo), storeDayInt(db), r)
}

/**
 * The vouchers named for one receipt, each able to pay there; the first that cannot is refused
 * with its reason (a number named twice too). Reads only: the caller uses them in its transaction.
 */
export function vouchersForReceipt(
  db: Db,
  texts: readonly string[],
  at: UsePlace,
  today = storeDayInt(db),
): VoucherRow[] {
  const out: VoucherRow[] = []
  for (const text of texts) {
    const v = findVoucher(db, text)
    if (out.some((x) => x.id === v.id)) throw conflict(`券 ${v.voucherNo} 重复录入`)
    const problem = useProblem(v, today, at)
    if (problem) throw conflict(problem)
    out.push(v)
  }
  return out
}

export interface UseAt {
  receiptNo?: string | null
  department?: string | null
  receiptTotalFen?: number | null
  /** desk, import, cli */
  channel: string
  at?: number
}

/** Uses a voucher inside the caller's transaction; throws the reason it cannot pay. */
export function useVoucherIn(db: Db, v: VoucherRow, use: UseAt, actor: Actor, today = storeDayInt(db)): void {
  const problem = useProblem(v, today, use)
  if (problem) throw conflict(problem)
  closeVoucher(
    db,
    v,
    { kind: 'used', at: use.at ?? db.now().getTime(), receiptNo: use.receiptNo ?? null, channel: use.channel },
    actor,
  )
}

const useSchema = z.object({
  voucherNo: z.string({ error: '请输入券号' }).trim().min(1, '请输入券号'),
  receiptNo: z.string().trim().max(40, '单号最多 40 位').optional(),
  department: z.string().trim().max(20).optional(),
  receiptTotalFen: z.number().int().min(0).optional(),
})
export type UseVoucherInput = z.input<typeof useSchema>

/** 核销 on its own (the CLI, a desk without a purchase to record): one voucher, one transaction. */
export function useVoucher(db: Db, input: UseVoucherInput, actor: Actor, channel = 'desk'): VoucherView {
  const r = parseInput(useSchema, input)
  return inTransaction(db, () => {
    const v = findVoucher(db, r.voucherNo)
    useVoucherIn(db, v, { ...r, channel }, actor)
    recordAudit(
      db,
      actor,
      'use',
      'voucher',
      v.voucherNo,
      `核销券 ${v.voucherNo}${r.receiptNo ? `，单号 ${r.receiptNo}` : ''}`,
    )
    return viewOf(db, voucherByNo(db, v.voucherNo)!)
  })
}
