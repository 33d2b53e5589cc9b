import { excelSerialToYmd } from '../../rules/dates'
import { parseYuan } from '../../rules/money'
import { dayIntInZone, zonedToMs } from '../../rules/storeClock'
import { toHalfWidth } from '../../rules/text'
import type { Cell } from '../members/import/cells'
import { headerKey } from '../members/import/headers'

/** The fields a till export can feed. */
export const PURCHASE_FIELDS = [
  'receiptNo',
  'lineNo',
  'purchasedAt',
  'cardNo',
  'phone',
  'amount',
  'department',
  'counter',
  'specialPrice',
  'originalReceiptNo',
  'voucherNos',
] as const
export type PurchaseField = (typeof PURCHASE_FIELDS)[number]

/** For each column of the sheet (by position), the field it feeds, or null to ignore it. */
export type PurchaseMapping = (PurchaseField | null)[]

export const PURCHASE_FIELD_LABELS: Record<PurchaseField, string> = {
  receiptNo: '单号',
  lineNo: '行号',
  purchasedAt: '交易时间',
  cardNo: '卡号',
  phone: '手机号',
  amount: '金额',
  department: '课别',
  counter: '柜台',
  specialPrice: '特价',
  originalReceiptNo: '原单号',
  voucherNos: '券号',
}

/** Without these no line can be read; a card or phone column is needed as well. */
export const REQUIRED_PURCHASE_FIELDS: PurchaseField[] = ['receiptNo', 'purchasedAt', 'amount']

/** Header spellings seen in till exports, compared via `headerKey`. */
const SPELLINGS: Record<PurchaseField, string[]> = {
  receiptNo: ['单号', '小票号', '交易单号', '小票号码', '销售单号', '流水号', '收银单号'],
  lineNo: ['行号', '序号', '明细行号', '商品行号'],
  purchasedAt: ['交易时间', '销售时间', '消费时间', '交易日期', '销售日期', '时间'],
  cardNo: ['卡号', '会员卡号', 'vip卡号', '会员号'],
  phone: ['手机', '手机号', '手机号码', '会员手机', '电话'],
  amount: ['金额', '实收金额', '销售金额', '消费金额', '实付金额'],
  department: ['课别', '部门', '营业课', '销售部门'],
  counter: ['柜台', '专柜', '柜组', '品牌专柜'],
  specialPrice: ['特价', '是否特价', '特价商品', '不积分'],
  originalReceiptNo: ['原单号', '原小票号', '原交易单号', '退货原单号'],
  voucherNos: ['券号', '用券', '券号码', '优惠券号', '代金券号', '礼券号'],
}
const LOOKUP = new Map<string, PurchaseField>()
for (const [field, names] of Object.entries(SPELLINGS) as [PurchaseField, string[]][]) {
  for (const n of names) LOOKUP.set(headerKey(n), field)
}

/** Proposes which field each column feeds; each field goes to its first matching column only. */
export function guessPurchaseMapping(headers: string[]): PurchaseMapping {
  const taken = new Set<PurchaseField>()
  return headers.map((h) => {
    const field = LOOKUP.get(headerKey(h ?? ''))
    if (!field || taken.has(field)) return null
    taken.add(field)
    return field
  })
}

/** Amount in 元 as tills print it (¥1,280.50, -35, 1280元) to fen, or null when unreadable (see rules/money). */
export const parseAmountFen = (cell: Cell | undefined): number | null => parseYuan(cell, { signed: true })

/**
 * A till time to ms. Sheets give the wall-clock time of the store: exceljs hands dates over as
 * UTC fields and Excel serials count days, so every form is read on the store's clock (`zone`),
 * never the importing machine's.
 */
export function parseTime(cell: Cell | undefined, zone: string): number | null {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return null
    const c = cell
    const wall = { y: c.getUTCFullYear(), m: c.getUTCMonth() + 1, d: c.getUTCDate() }
    return zonedToMs({ ...wall, h: c.getUTCHours(), mi: c.getUTCMinutes(), s: c.getUTCSeconds() }, zone)
  }
  if (typeof cell === 'number') {
    if (!(cell > 0 && cell < 200000)) return null
    const day = excelSerialToYmd(Math.floor(cell))
    const secs = Math.round((cell - Math.floor(cell)) * 86400)
    if (secs >= 86400) return zonedToMs({ ...day, d: day.d + 1 }, zone)
    return zonedToMs({ ...day, h: Math.floor(secs / 3600), mi: Math.floor(secs / 60) % 60, s: secs % 60 }, zone)
  }
  if (typeof cell !== 'string') return null
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]+(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?)?$/.exec(
    toHalfWidth(cell).trim(),
  )
  if (!m) return null
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => (x === undefined ? 0 : Number(x))) as number[]
  // Any real calendar date reads; whether it is plausible is the limits' call (db/rules/limits.ts),
  // which says so in words rather than "unreadable".
  if (!isRealDate(y!, mo!, d!) || h! > 23 || mi! > 59 || s! > 59) return null
  return zonedToMs({ y: y!, m: mo!, d: d!, h, mi, s }, zone)
}

/**
 * The calendar day (yyyymmdd) of a time `parseTime` read: the wall-clock day written in the file,
 * in the same zone parseTime read it in, so the check of the day agrees with the text.
 */
export const dayOfTillTime = (ms: number, zone: string): number => dayIntInZone(ms, zone)

const isRealDate = (y: number, m: number, d: number) =>
  m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate()

/** 特价 column: 是/Y/1/true mark a no-points line; empty means no. */
export function parseYesNo(text: string): boolean | null {
  const s = text.trim().toLowerCase()
  if (['', '否', 'n', 'no', '0', 'false', '非特价'].includes(s)) return false
  if (['是', 'y', 'yes', '1', 'true', '特价'].includes(s)) return true
  return null
}
