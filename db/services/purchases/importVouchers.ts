import type { Db } from '../../handle'
import { readVoucherNo, splitVoucherNos, useProblem, voucherPaidFen } from '../../rules/vouchers'
import { voucherByNo, type VoucherRow } from '../vouchers/store'
import type { PurchaseLine } from './book'

/** A line of the till file that passed its other checks, with its 券号 cell as written. */
export interface TillVoucherLine {
  row: number
  line: PurchaseLine
  /** The store's day of the purchase (yyyymmdd): a voucher is judged on the day it was taken */
  day: number
  voucherCell: string
  /** What the write uses once the line is in (set here) */
  vouchers?: VoucherRow[]
}

/**
 * Checks the 券号 cells of a till file, in file order: every number must name a voucher that can
 * pay on that line (its 课别, the receipt's total in the file, the purchase day) and appear once
 * in the file. Returns the rows refused, with the reason, for the caller to reject; the others get
 * the vouchers to use and the amount they paid that earns no points. Reads only.
 */
export function checkTillVouchers(db: Db, entries: TillVoucherLine[]): { row: number; reason: string }[] {
  const totals = new Map<string, number>()
  for (const { line } of entries) totals.set(line.receiptNo, (totals.get(line.receiptNo) ?? 0) + line.amountFen)
  const firstRow = new Map<string, number>()
  const refused: { row: number; reason: string }[] = []
  for (const e of entries) {
    if (!e.voucherCell) continue
    const problem = lineProblem(db, e, totals.get(e.line.receiptNo) ?? e.line.amountFen, firstRow)
    if (problem) refused.push({ row: e.row, reason: problem })
  }
  return refused
}

function lineProblem(db: Db, e: TillVoucherLine, receiptTotalFen: number, firstRow: Map<string, number>) {
  const { line } = e
  if (line.amountFen < 0) return '退货行不能用券'
  const all: VoucherRow[] = []
  const toUse: VoucherRow[] = []
  for (const text of splitVoucherNos(e.voucherCell)) {
    const read = readVoucherNo(text)
    if (!read.ok) return read.reason
    const v = voucherByNo(db, read.no)
    if (!v) return `找不到券号 ${read.no}`
    const before = firstRow.get(v.voucherNo)
    if (before !== undefined) return `券 ${v.voucherNo} 已在第 ${before} 行使用，一张券只能用一次`
    if (all.some((x) => x.id === v.id)) return `券 ${v.voucherNo} 在同一格中重复`
    all.push(v)
    // The same file imported again: the voucher already paid on this very receipt.
    if (v.status === 'used' && v.usedReceiptNo === line.receiptNo) continue
    const problem = useProblem(v, e.day, { department: line.department, receiptTotalFen })
    if (problem) return problem
    toUse.push(v)
  }
  for (const v of all) firstRow.set(v.voucherNo, e.row)
  e.vouchers = toUse
  line.voucherFen = voucherPaidFen(line.amountFen, all)
  return null
}
