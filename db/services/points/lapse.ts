import { SYSTEM_ACTOR } from '../../actor'
import { storeZone } from '../../clock'
import type { Db } from '../../handle'
import { parseDay } from '../../rules/expiry'
import { getSettings } from '../settings'
import { dueOf, expiryDayOf } from './expiry'
import { postPoints } from './ledger'
import { memberLots } from './lots'

/**
 * Points that have lapsed as of now but that the daily expiry has not posted yet: between the
 * store's midnight and the job runner's next check (or when the job failed), a balance still holds
 * them. Spending paths post them first; reads show the balance without them.
 */
function dueNow(db: Db, memberId: number) {
  const rules = getSettings(db).expiry
  const zone = storeZone(db)
  return dueOf(rules, memberLots(db, rules, memberId), parseDay(expiryDayOf(db), zone)!, zone)
}

/** Points of this member lapsed by the store's today and not yet posted (0 when none). */
export const lapsedNotPosted = (db: Db, memberId: number): number => dueNow(db, memberId)?.points ?? 0

/** A cached balance shown to staff, net of what has lapsed by now. */
export const balanceNow = (db: Db, memberId: number, cached: number): number =>
  Math.max(0, cached - lapsedNotPosted(db, memberId))

/**
 * Posts this member's expiry due by the store's today, exactly as the daily job would (the same
 * entry, so the job finds nothing left). The caller holds the transaction and checks the balance
 * after this: lapsed points are never spent, even if the job has not run since midnight. The entry
 * is the system's, like the job's, whoever's call it rides in.
 */
export function postDueExpiry(db: Db, memberId: number): number {
  const d = dueNow(db, memberId)
  if (!d) return 0
  postPoints(db, { memberId, kind: 'expire', points: -d.points, at: d.at, reason: d.reason }, SYSTEM_ACTOR)
  return d.points
}
