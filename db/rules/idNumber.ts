import { toHalfWidth } from './text'

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK = '10X98765432'

/** GB 11643 check character for the first 17 digits. */
export function idCheckChar(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!
  return CHECK[sum % 11]!
}

export const normalizeIdNumber = (raw: string) => toHalfWidth(raw).replace(/\s/g, '').toUpperCase()

export interface IdCheck {
  ok: boolean
  reason?: string
  /** yyyy-mm-dd of birth encoded in the number */
  birthDate?: string
}

export function checkIdNumber(id: string): IdCheck {
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, reason: '身份证号应为18位（最后一位可为X）' }
  const y = Number(id.slice(6, 10))
  const m = Number(id.slice(10, 12))
  const d = Number(id.slice(12, 14))
  const date = new Date(Date.UTC(y, m - 1, d))
  if (y < 1900 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return { ok: false, reason: '身份证号中的出生日期无效' }
  }
  if (idCheckChar(id.slice(0, 17)) !== id[17]) return { ok: false, reason: '身份证号校验位不正确' }
  return { ok: true, birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}` }
}

/** 110105199001021234 → 110105********1234 */
export function maskIdNumber(id: string | null | undefined): string | null {
  if (!id) return id ?? null
  if (id.length < 10) return '*'.repeat(id.length)
  return `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}`
}
