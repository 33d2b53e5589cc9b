import { toHalfWidth } from './text'

const MOBILE = /^1[3-9]\d{9}$/

/**
 * Normalises a mainland mobile number as staff and spreadsheets write it
 * (spaces, dashes, full-width digits, +86 prefix). Returns null when it is not a valid mobile.
 */
export function normalizePhone(raw: string | number | null | undefined): string | null {
  if (raw === null || raw === undefined) return null
  let s = toHalfWidth(String(raw)).replace(/[\s\-()（）]/g, '')
  if (s.startsWith('+86')) s = s.slice(3)
  else if (s.startsWith('0086')) s = s.slice(4)
  else if (s.length === 13 && s.startsWith('86')) s = s.slice(2)
  return MOBILE.test(s) ? s : null
}

export const isMobile = (s: string) => MOBILE.test(s)

/** 13812345678 → 138****5678 */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return phone ?? null
  if (phone.length < 7) return '*'.repeat(phone.length)
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`
}
