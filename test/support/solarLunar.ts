/**
 * solarlunar, the independent lunar table the calendar tests check tyme4ts against. Its
 * package.json "exports" hides its typings from TypeScript, so they are read by path.
 */
import type typed from '../../node_modules/solarlunar/solarlunar.d.ts'
// @ts-expect-error -- the module's types are applied just below
import untyped from 'solarlunar'

export const solarLunar = untyped as typeof typed

/**
 * A member born on the 30th of a 30-day leap month, and a later year with the same leap month of
 * only 29 days: found in the independent table, not in the app's calendar.
 */
export function leapThirtiethCase(): { born: number; year: number; month: number } {
  for (let born = 1900; born <= 2100; born++) {
    const month = solarLunar.leapMonth(born)
    if (!month || solarLunar.leapDays(born) !== 30) continue
    for (let year = born + 1; year <= 2100; year++) {
      if (solarLunar.leapMonth(year) === month && solarLunar.leapDays(year) === 29) return { born, year, month }
    }
  }
  throw new Error('no such pair in 1900–2100')
}
