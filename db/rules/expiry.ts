/**
 * When granted points lapse (docs/domain.md "Expiry"). Two policies: a calendar year's points
 * lapse together on 1 January of the next year, or each grant lapses N months after it was
 * earned. Dates are the store's local calendar days; a grant lapses at the start of its expiry day.
 */
export type ExpiryPolicy = 'calendarYear' | 'rolling'

export interface ExpiryRules {
  policy: ExpiryPolicy
  /** For 'rolling': months a grant stays valid. */
  months: number
}

export const DEFAULT_EXPIRY_RULES: ExpiryRules = { policy: 'calendarYear', months: 24 }

/** Local midnight (ms) of the day a grant made at `at` lapses. */
export function expiryOf(rules: ExpiryRules, at: number): number {
  const d = new Date(at)
  if (rules.policy === 'calendarYear') return new Date(d.getFullYear() + 1, 0, 1).getTime()
  // 31 March + 1 month has no 31 April: the grant lapses on the last day of the shorter month.
  const month = d.getMonth() + rules.months
  const last = new Date(d.getFullYear(), month + 1, 0).getDate()
  return new Date(d.getFullYear(), month, Math.min(d.getDate(), last)).getTime()
}

/**
 * expiryOf for a stream of grants: consecutive grants on the same local day (or, for the calendar
 * policy, the same year) share the answer, so a pass over millions of entries builds few Dates.
 */
export function expiryCache(rules: ExpiryRules): (at: number) => number {
  let from = 1
  let to = 0
  let value = 0
  return (at) => {
    if (at >= from && at < to) return value
    const d = new Date(at)
    if (rules.policy === 'calendarYear') {
      from = new Date(d.getFullYear(), 0, 1).getTime()
      to = new Date(d.getFullYear() + 1, 0, 1).getTime()
    } else {
      from = new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime()
      to = new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1).getTime()
    }
    value = expiryOf(rules, at)
    return value
  }
}

/** 'YYYY-MM-DD' → local midnight (ms), or null when it is not a real date. */
export function parseDay(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  if (!m) return null
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const t = new Date(y, mo - 1, d)
  return t.getFullYear() === y && t.getMonth() === mo - 1 && t.getDate() === d ? t.getTime() : null
}

/** Local midnight (ms) → 'YYYY-MM-DD'. */
export function formatDay(ms: number): string {
  const d = new Date(ms)
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}
