import { storeParts } from '@/format/storeClock'

/** The desk's own receipt numbers, e.g. desk-20261123-143005: unique enough at one desk, and readable. */
export function deskReceiptNo(at = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0')
  const t = storeParts(at.getTime())
  return `desk-${t.y}${p(t.m)}${p(t.d)}-${p(t.h)}${p(t.mi)}${p(t.s)}`
}
