/** Tiers, card validity and sleeping members: the services behind handlers/tiers.ts and the CLI. */
import type { Db } from '../../handle'
import { reviewTiersAtStartup } from './review'
import { cardJobsAtStartup } from './validity'

export { memberTierHistory, type CardRenewalItem, type TierHistoryItem, type TierHistoryQuery } from './history'
export {
  expiredCards,
  sleepingMembers,
  type ExpiredCard,
  type ExpiredCardsQuery,
  type SleepingMember,
  type SleepingQuery,
} from './lists'
export { reviewTiers, reviewTiersAtStartup, type ReviewInput, type ReviewRun } from './review'
export { applyTierChange, TierUpgrades } from './upgrade'
export {
  assignMissingValidity,
  cardJobsAtStartup,
  earnedInPeriod,
  renewCard,
  renewDueCards,
  type RenewalRun,
  type RenewCardInput,
  type RenewedCard,
} from './validity'

/**
 * What the main process runs once the database is open, after the points expiry: the yearly
 * review if its day has come, validity for cards without one, and automatic renewals. All are
 * idempotent, so running them on every start is safe.
 */
export function tierJobsAtStartup(db: Db, log: (message: string) => void): void {
  // Each on its own: a failed review must not keep cards from being renewed.
  try {
    reviewTiersAtStartup(db)
  } catch (e) {
    log(`tier review failed: ${(e as Error).message}`)
  }
  try {
    cardJobsAtStartup(db)
  } catch (e) {
    log(`card renewal failed: ${(e as Error).message}`)
  }
}
