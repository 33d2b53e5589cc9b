/**
 * Receipt numbers the service desk gives its own purchases: 服务台20261123-0001, the store's day
 * and a count within it, so staff can read one out and find it again. Numbers stored before this
 * (desk-20261123-214750) stay as they were; nothing parses them.
 */
export const DESK_RECEIPT_PREFIX = '服务台'

/** The day's part of the number, without the sequence: 服务台20261123- */
export const deskReceiptDayPrefix = (storeDay: number) => `${DESK_RECEIPT_PREFIX}${storeDay}-`

/** The n-th desk receipt of a store day (yyyymmdd); four digits, more once a day passes 9,999. */
export const deskReceiptNo = (storeDay: number, n: number) =>
  `${deskReceiptDayPrefix(storeDay)}${String(n).padStart(4, '0')}`

/** The sequence of a number made by deskReceiptNo for that day, or null for any other text. */
export function deskReceiptSeq(receiptNo: string, storeDay: number): number | null {
  const prefix = deskReceiptDayPrefix(storeDay)
  if (!receiptNo.startsWith(prefix)) return null
  const rest = receiptNo.slice(prefix.length)
  return /^\d{4,}$/.test(rest) ? Number(rest) : null
}
