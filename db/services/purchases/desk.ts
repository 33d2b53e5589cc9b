import type { Actor } from '../../actor'
import { AppError, conflict, isAppError, validationError } from '../../errors'
import { inTransaction, type Db } from '../../handle'
import { deskReceiptDayPrefix, deskReceiptNo, deskReceiptSeq } from '../../rules/deskReceipt'
import { parseInput, z } from '../../validate'
import { storeDayInt, storeZone } from '../../clock'
import { lengthProblem, lineAmountProblem, purchaseDayProblem } from '../../rules/limits'
import { dayIntInZone } from '../../rules/storeClock'
import { recordAudit } from '../audit'
import { getSettings } from '../settings'
import { memberRowById } from '../members/rows'
import { PurchaseBook, type PurchaseLine } from './book'
import { deskDepartment } from './deskDepartment'
import { voucherPaidFen } from '../../rules/vouchers'
import { voucherByNo, type VoucherRow } from '../vouchers/store'
import { useVoucherIn, viewOf, vouchersForReceipt, type VoucherView } from '../vouchers/use'

/** One purchase keyed in at the service desk; the member by id (found in the UI) or card / phone. */
export const deskPurchaseSchema = z
  .object({
    memberId: z.number().int().positive().optional(),
    cardNo: z.string().trim().max(30).optional(),
    phone: z.string().trim().max(20).optional(),
    /** empty or absent: the desk numbers it (服务台20261123-0001) when it is saved */
    receiptNo: z.string().trim().max(40).default(''),
    lineNo: z.number().int().min(1).max(9999).default(1),
    /** ms; defaults to now */
    purchasedAt: z.number().int('交易时间无效').optional(),
    amountFen: z
      .number()
      .int('金额须精确到分')
      .refine((v) => v !== 0, '金额不能为零'),
    department: z.string().trim().max(20).default(''),
    counter: z.string().trim().max(20).default(''),
    specialPrice: z.boolean().default(false),
    originalReceiptNo: z.string().trim().max(40).optional(),
    /** 券号 scanned for this receipt; each is used with the purchase, in its transaction */
    voucherNos: z.array(z.string().trim().max(40, '券号过长')).max(20, '一张单最多用 20 张券').default([]),
  })
  .refine((v) => v.memberId !== undefined || v.cardNo || v.phone, '请指定会员（卡号或手机号）')
export type DeskPurchaseInput = z.input<typeof deskPurchaseSchema>

export interface PurchasePreview {
  member: { id: number; cardNo: string; name: string; tier: string }
  points: number
  explain: string
  /** The vouchers that pay on this receipt (all of them able to) */
  vouchers: VoucherView[]
}

/** The settings' bounds (db/rules/limits.ts), the same the till import applies. */
function checkLimits(db: Db, v: z.output<typeof deskPurchaseSchema>): void {
  const { limits } = getSettings(db)
  const problems: { field: string; message: string | null }[] = [
    { field: 'amountFen', message: lineAmountProblem(limits, v.amountFen) },
    { field: 'receiptNo', message: lengthProblem('单号', v.receiptNo, limits.receiptNoLength) },
    { field: 'department', message: lengthProblem('课别', v.department, limits.departmentLength) },
    { field: 'counter', message: lengthProblem('柜台', v.counter, limits.counterLength) },
  ]
  if (v.purchasedAt !== undefined) {
    const day = dayIntInZone(v.purchasedAt, storeZone(db))
    problems.push({ field: 'purchasedAt', message: purchaseDayProblem(limits, day, storeDayInt(db)) })
  }
  const bad = problems.filter((p): p is { field: string; message: string } => p.message !== null)
  if (bad.length) throw validationError(bad[0]!.message, bad)
}

function resolveLine(
  db: Db,
  book: PurchaseBook,
  input: DeskPurchaseInput,
): { line: PurchaseLine; preview: PurchasePreview; vouchers: VoucherRow[] } {
  const v = parseInput(deskPurchaseSchema, input)
  let memberId = v.memberId
  let ref = v.cardNo || v.phone || ''
  if (memberId === undefined) {
    const found = book.findMember(v.cardNo ?? '', v.phone ?? '')
    if (!found.ok) throw validationError(found.reason, [{ field: found.field, message: found.reason }])
    memberId = found.memberId
    ref = found.ref
  }
  const row = memberRowById(db, memberId)
  if (!row) throw validationError('找不到该会员')
  checkLimits(db, v)
  const place = deskDepartment(db, { ...v, memberId })
  const line: PurchaseLine = {
    receiptNo: v.receiptNo,
    lineNo: v.lineNo,
    memberId,
    memberRef: ref || row.card_no,
    purchasedAt: v.purchasedAt ?? db.now().getTime(),
    amountFen: v.amountFen,
    department: place.department,
    counter: place.counter,
    noPoints: v.specialPrice,
    originalReceiptNo: v.originalReceiptNo || null,
    source: 'desk',
  }
  const vouchers = deskVouchers(db, v.voucherNos, line)
  line.voucherFen = voucherPaidFen(line.amountFen, vouchers)
  const p = book.points(line)
  if (!p.ok) throw validationError(p.reason, [{ field: 'originalReceiptNo', message: p.reason }])
  return {
    line,
    preview: {
      member: { id: memberId, cardNo: row.card_no, name: row.name, tier: String(row.tier) },
      points: p.points,
      explain: p.explain,
      vouchers: vouchers.map((x) => viewOf(db, x)),
    },
    vouchers,
  }
}

/** The scanned vouchers, each checked against this line's 课别 and amount; a return takes none. */
function deskVouchers(db: Db, texts: string[], line: PurchaseLine): VoucherRow[] {
  if (!texts.length) return []
  if (line.amountFen < 0) throw validationError('退货不能用券', [{ field: 'voucherNos', message: '退货不能用券' }])
  const at = { department: line.department, receiptTotalFen: line.amountFen }
  try {
    return vouchersForReceipt(db, texts, at)
  } catch (e) {
    // The form marks the voucher field, whatever the kind of refusal.
    throw isAppError(e) ? new AppError(e.kind, e.message, [{ field: 'voucherNos', message: e.message }]) : e
  }
}

/** What saving would do — the member and the points with their explanation — without writing. */
export function previewPurchase(db: Db, input: DeskPurchaseInput): PurchasePreview {
  return resolveLine(db, new PurchaseBook(db), input).preview
}

export type RecordedPurchase = PurchasePreview & { purchaseId: number; receiptNo: string }

/** The next free 服务台yyyymmdd-nnnn of the store's day (db/clock: the store's zone, not the machine's). */
function nextDeskReceiptNo(db: Db): string {
  const day = storeDayInt(db)
  const prefix = deskReceiptDayPrefix(day)
  // '.' sorts right after '-': the range holds exactly the numbers starting with this day's prefix
  // and is answered from the receipt index.
  const taken = db.sqlite
    .prepare('SELECT DISTINCT receipt_no FROM purchases WHERE receipt_no >= ? AND receipt_no < ?')
    .pluck()
    .all(prefix, `${prefix.slice(0, -1)}.`) as string[]
  const last = taken.reduce((max, no) => Math.max(max, deskReceiptSeq(no, day) ?? 0), 0)
  return deskReceiptNo(day, last + 1)
}

/** Saves one purchase with its points, in one transaction; a rejected call changes nothing. */
export function recordPurchase(db: Db, input: DeskPurchaseInput, actor: Actor): RecordedPurchase {
  return inTransaction(db, () => {
    const book = new PurchaseBook(db)
    const { line, preview, vouchers } = resolveLine(db, book, input)
    // Numbered inside the write transaction, so two desks never draw the same number.
    if (!line.receiptNo) line.receiptNo = nextDeskReceiptNo(db)
    if (book.exists(line.receiptNo, line.lineNo)) {
      throw conflict(`单号 ${line.receiptNo} 第 ${line.lineNo} 行已经录入过`)
    }
    const purchaseId = book.write(line, preview, actor)
    // Used on the receipt just written, in the same transaction: a refusal above saved nothing.
    for (const v of vouchers) useVoucherIn(db, v, { receiptNo: line.receiptNo, channel: 'desk' }, actor)
    const used = vouchers.length ? `，用券 ${vouchers.map((v) => v.voucherNo).join('、')}` : ''
    recordAudit(
      db,
      actor,
      'create',
      'purchase',
      purchaseId,
      `录入消费：单号 ${line.receiptNo}，积分 ${preview.points.toLocaleString('en-US')}${used}`,
    )
    const after = vouchers.map((v) => viewOf(db, voucherByNo(db, v.voucherNo)!))
    return { ...preview, vouchers: after, purchaseId, receiptNo: line.receiptNo }
  })
}
