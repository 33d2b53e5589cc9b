import type { Db } from '../../handle'
import { tierRank } from '../../rules/tiers'
import { statements } from '../../statements'
import { parseInput, z } from '../../validate'
import { getSettings } from '../settings'
import { showDay } from './validity'

const historyInput = z.object({
  memberId: z.number().int().positive(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(200).default(20),
})
export type TierHistoryQuery = z.input<typeof historyInput>

export interface TierHistoryItem {
  id: number
  at: number
  fromTier: string
  toTier: string
  direction: 'up' | 'down'
  reason: string
  operatorName: string
}

export interface CardRenewalItem {
  id: number
  at: number
  /** YYYY-MM-DD */
  from: string | null
  to: string
  earnedPoints: number
  automatic: boolean
  reason: string
  operatorName: string
}

const stmts = statements((s) => ({
  changes: s.prepare(
    `SELECT c.id, c.at, c.from_tier AS fromTier, c.to_tier AS toTier, c.reason, coalesce(o.name, '系统') AS operatorName
     FROM tier_changes c LEFT JOIN operators o ON o.id = c.operator_id
     WHERE c.member_id = ? ORDER BY c.at DESC, c.id DESC LIMIT ? OFFSET ?`,
  ),
  count: s.prepare('SELECT count(*) FROM tier_changes WHERE member_id = ?').pluck(),
  renewals: s.prepare(
    `SELECT r.id, r.at, r.from_valid_until AS fromDay, r.to_valid_until AS toDay, r.earned_points AS earnedPoints,
       r.automatic, r.reason, coalesce(o.name, '系统') AS operatorName
     FROM card_renewals r LEFT JOIN operators o ON o.id = r.operator_id
     WHERE r.member_id = ? ORDER BY r.at DESC, r.id DESC LIMIT 50`,
  ),
  member: s.prepare('SELECT tier, valid_until AS validUntil FROM members WHERE id = ?'),
}))

/**
 * A member's tier changes, newest first, with who made them (系统 for automatic ones), plus the
 * current tier, the card's validity and its latest renewals.
 */
export function memberTierHistory(
  db: Db,
  input: TierHistoryQuery,
): {
  rows: TierHistoryItem[]
  total: number
  tier: string | null
  validUntil: string | null
  renewals: CardRenewalItem[]
} {
  const q = parseInput(historyInput, input)
  const table = getSettings(db).tierTable
  const st = stmts(db)
  const m = st.member.get(q.memberId) as { tier: string; validUntil: number | null } | undefined
  const rows = st.changes.all(q.memberId, q.pageSize, (q.page - 1) * q.pageSize) as Omit<TierHistoryItem, 'direction'>[]
  const renewals = st.renewals.all(q.memberId) as {
    id: number
    at: number
    fromDay: number | null
    toDay: number
    earnedPoints: number
    automatic: number
    reason: string
    operatorName: string
  }[]
  return {
    total: st.count.get(q.memberId) as number,
    tier: m?.tier ?? null,
    validUntil: showDay(m?.validUntil ?? null),
    rows: rows.map((r) => ({
      ...r,
      direction: tierRank(table, r.toTier) >= tierRank(table, r.fromTier) ? 'up' : 'down',
    })),
    renewals: renewals.map((r) => ({
      id: r.id,
      at: r.at,
      from: showDay(r.fromDay),
      to: showDay(r.toDay)!,
      earnedPoints: r.earnedPoints,
      automatic: Boolean(r.automatic),
      reason: r.reason,
      operatorName: r.operatorName,
    })),
  }
}
