import type { RouteLocationRaw } from 'vue-router'

/**
 * Where a click on a chart leads: the list of exactly what the bar or slice counts, with the
 * filters applied and visible there. Periods are 'YYYY-MM' (a month) or 'YYYY-MM-DD' (a day).
 */

export function periodDays(period: string): { from: string; to: string } {
  if (period.length === 10) return { from: period, to: period }
  const [y, m] = period.split('-').map(Number) as [number, number]
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate()
  return { from: `${period}-01`, to: `${period}-${String(last).padStart(2, '0')}` }
}

/** A new-cards bar: the members of that source who joined in that month (or on that day). */
export function newCardsLink(source: string, period: string): RouteLocationRaw {
  const { from, to } = periodDays(period)
  return { name: 'members', query: { source, joinFrom: from, joinTo: to } }
}

/** A tier slice: the members of that tier. */
export const tierLink = (tier: string): RouteLocationRaw => ({ name: 'members', query: { tier } })

/** A maintainer's bar: that month's league (月度评比). */
export const leagueLink = (month: string): RouteLocationRaw => ({ name: 'care-league', query: { month } })

/** A gift under its reorder level: the stock screen, to reorder or take stock in. */
export const giftStockLink = (code: string): RouteLocationRaw => ({ name: 'gifts-stock', query: { code } })

/** Store sales of a month (the denominator of the VIP share). */
export const storeSalesLink = (month: string): RouteLocationRaw => ({ name: 'reports-store-sales', query: { month } })

/** A month's birthday cards: that month's print runs (生日关怀 → 打印批次). */
export const birthdayBatchesLink = (month: string): RouteLocationRaw => ({ name: 'birthday-batches', query: { month } })
