/** The desk's own receipt numbers, e.g. desk-20261123-143005: unique enough at one desk, and readable. */
export function deskReceiptNo(at = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0')
  const day = `${at.getFullYear()}${p(at.getMonth() + 1)}${p(at.getDate())}`
  return `desk-${day}-${p(at.getHours())}${p(at.getMinutes())}${p(at.getSeconds())}`
}
