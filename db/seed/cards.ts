import type { Db } from '../handle'

/**
 * Sample card numbers as a store prints them: programme 86, store 01, a 7-digit serial in
 * order of issue, and a Luhn check digit (so a mistyped digit is caught at the till).
 */
export const CARD_PREFIX = '8601'

export function luhnDigit(body: string): string {
  let sum = 0
  for (let i = body.length - 1, double = true; i >= 0; i--, double = !double) {
    let d = Number(body[i])
    if (double) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return String((10 - (sum % 10)) % 10)
}

export function cardNumber(serial: number): string {
  const body = CARD_PREFIX + String(serial).padStart(7, '0')
  return body + luhnDigit(body)
}

/** The next free serial, so that seeding twice continues the numbering instead of colliding. */
export function nextCardSerial(db: Db): number {
  const last = db.sqlite
    .prepare(`SELECT max(card_no) FROM member_cards WHERE card_no GLOB '${CARD_PREFIX}[0-9]*' AND length(card_no) = 12`)
    .pluck()
    .get() as string | null
  return last ? Number(last.slice(CARD_PREFIX.length, 11)) + 1 : 1
}
