/** 等级: tier history and review, card validity and renewal, sleeping members (handlers/tiers.ts). */
import type {
  ExpiredCard,
  ExpiredCardsQuery,
  RenewCardInput,
  RenewedCard,
  ReviewInput,
  ReviewRun,
  SleepingMember,
  SleepingQuery,
  TierHistoryItem,
  TierHistoryQuery,
  CardRenewalItem,
} from '../../db/services/tiers'
import { ALL_ROLES, MEMBER_WRITERS } from '../../db/rules/roles'
import { call } from './call'
import type { ListExportInput, ListExportResult } from './listExport'

export const tierCalls = {
  // tiers, card validity, sleeping members (handlers/tiers.ts)
  /** A member's tier changes (newest first), current tier, validity and latest card renewals. */
  'tiers:history': call<
    TierHistoryQuery,
    {
      rows: TierHistoryItem[]
      total: number
      tier: string | null
      validUntil: string | null
      renewals: CardRenewalItem[]
    }
  >(ALL_ROLES),
  'tiers:expiredCards': call<ExpiredCardsQuery, { rows: ExpiredCard[]; total: number }>(ALL_ROLES),
  /** A member who did not earn the renewal points is renewed only by admin/planner with a reason (service). */
  'tiers:renew': call<RenewCardInput, RenewedCard>(MEMBER_WRITERS),
  'tiers:sleeping': call<SleepingQuery, { rows: SleepingMember[]; total: number; months: number; cutoff: string }>(
    ALL_ROLES,
  ),
  /** Save dialog in main; phones masked unless `full` (REVEALERS only, checked in the handler). */
  'tiers:sleepingExport': call<ListExportInput & Omit<SleepingQuery, 'page' | 'pageSize'>, ListExportResult | null>(
    ALL_ROLES,
  ),
  'tiers:expiredExport': call<ListExportInput, ListExportResult | null>(ALL_ROLES),
  /** The yearly tier review now (idempotent per review day). */
  'tiers:review': call<ReviewInput, ReviewRun>(['admin', 'planner']),
} as const
