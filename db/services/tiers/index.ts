/** Tiers, card validity and sleeping members: the services behind handlers/tiers.ts and the CLI. */
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
