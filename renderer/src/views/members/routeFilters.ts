import type { LocationQuery } from 'vue-router'
import { SOURCES, STATUSES, type MemberStatus, type Source } from '../../../../db/rules/members'
import type { MemberListQuery } from '../../../../db/services/members'

/** The filters another screen may open the list with: /members?source=社区&joinFrom=2026-03-01&joinTo=2026-03-31&tier=金卡 */
/** What a link may set; the members store's filters take it as is. */
export type RouteFilters = Pick<MemberListQuery, 'source' | 'tier' | 'status' | 'joinFrom' | 'joinTo'>

export const ROUTE_FILTER_KEYS = ['source', 'tier', 'status', 'joinFrom', 'joinTo'] as const

const DAY = /^\d{4}-\d{2}-\d{2}$/
const one = (v: LocationQuery[string] | undefined) => (typeof v === 'string' && v.trim() ? v.trim() : undefined)

/** The list filters named in a route's query, or null when it names none. Unknown values are ignored. */
export function filtersFromQuery(query: LocationQuery): RouteFilters | null {
  if (!ROUTE_FILTER_KEYS.some((k) => one(query[k]) !== undefined)) return null
  const source = one(query.source)
  const status = one(query.status)
  const joinFrom = one(query.joinFrom)
  const joinTo = one(query.joinTo)
  return {
    tier: one(query.tier)?.slice(0, 10),
    source: (SOURCES as readonly string[]).includes(source ?? '') ? (source as Source) : undefined,
    status: (STATUSES as readonly string[]).includes(status ?? '') ? (status as MemberStatus) : undefined,
    joinFrom: joinFrom && DAY.test(joinFrom) ? joinFrom : undefined,
    joinTo: joinTo && DAY.test(joinTo) ? joinTo : undefined,
  }
}
