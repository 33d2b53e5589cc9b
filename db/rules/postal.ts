import { toHalfWidth } from './text'

export function normalizePostalCode(raw: string | number | null | undefined): string | null {
  if (raw === null || raw === undefined || raw === '') return null
  const s = toHalfWidth(String(raw)).replace(/\s/g, '')
  return /^\d{6}$/.test(s) ? s : null
}
