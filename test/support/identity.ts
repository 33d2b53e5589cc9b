import { idCheckChar } from '../../db/rules/idNumber'

/** A resident ID number with a correct check digit for a birth date written YYYYMMDD. */
export function idNumberFor(birth: string, area = '440106', seq = '123'): string {
  const first17 = `${area}${birth}${seq}`
  return first17 + idCheckChar(first17)
}

/** The same number with its check character replaced by a wrong one. */
export function withBadCheckDigit(id: string): string {
  const wrong = id.endsWith('0') ? '1' : '0'
  return id.slice(0, 17) + wrong
}
