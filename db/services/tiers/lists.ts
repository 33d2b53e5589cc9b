import { storeDayInt, storeZone } from '../../clock'
import type { Db } from '../../handle'
import { maskPhone } from '../../rules/phone'
import { dayOf, dayStartMs, qualifiesForRenewal, sleepingCutoff } from '../../rules/tiers'
import { statements } from '../../statements'
import { parseInput, z } from '../../validate'
import { getSettings } from '../settings'
import { earnedInPeriod, showDay } from './validity'

const paging = {
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(200).default(50),
}

interface MemberBase {
  memberId: number
  cardNo: string
  name: string
  /** masked, e.g. 138****5678 */
  phone: string | null
  tier: string
  points: number
  /** YYYY-MM-DD, or null when the member never bought anything */
  lastPurchase: string | null
}

export interface ExpiredCard extends MemberBase {
  /** YYYY-MM-DD: the last day the card was valid */
  validUntil: string
  /** Points earned in the period that ended then, and whether that renews the card */
  earnedPoints: number
  qualified: boolean
}

export interface SleepingMember extends MemberBase {
  joinDate: string
  /** Whole days since the last purchase (or since joining, for a member who never bought) */
  daysAsleep: number
}

const COLS = `id, card_no AS cardNo, name, phone, tier, points, last_purchase_at AS lastAt, join_date AS joinDate,
  valid_until AS validUntil`
interface Row {
  id: number
  cardNo: string
  name: string
  phone: string | null
  tier: string
  points: number
  lastAt: number | null
  joinDate: number
  validUntil: number | null
}

// Both lists walk an index in order (valid_until, last_purchase_at), so a page reads its own
// rows only; the totals count index ranges.
const stmts = statements((s) => ({
  expired: s.prepare(
    `SELECT ${COLS} FROM members WHERE valid_until < ? AND status <> 'closed'
     ORDER BY valid_until DESC, id DESC LIMIT ? OFFSET ?`,
  ),
  expiredCount: s.prepare(`SELECT count(*) FROM members WHERE valid_until < ? AND status <> 'closed'`).pluck(),
  sleeping: s.prepare(
    `SELECT ${COLS} FROM members INDEXED BY members_last_purchase
     WHERE last_purchase_at < ? AND status <> 'closed'
     ORDER BY last_purchase_at DESC, id DESC LIMIT ? OFFSET ?`,
  ),
  sleepingCount: s
    .prepare(
      `SELECT count(*) FROM members INDEXED BY members_last_purchase
       WHERE last_purchase_at < ? AND status <> 'closed'`,
    )
    .pluck(),
  never: s.prepare(
    `SELECT ${COLS} FROM members INDEXED BY members_last_purchase
     WHERE last_purchase_at IS NULL AND join_date < ? AND status <> 'closed'
     ORDER BY join_date DESC, id DESC LIMIT ? OFFSET ?`,
  ),
  neverCount: s
    .prepare(
      `SELECT count(*) FROM members INDEXED BY members_last_purchase
       WHERE last_purchase_at IS NULL AND join_date < ? AND status <> 'closed'`,
    )
    .pluck(),
}))

/** Calendar days from one yyyymmdd to another (no zone: a daylight-saving day still counts as one). */
function daysBetween(from: number, to: number): number {
  const utc = (n: number) => Date.UTC(Math.floor(n / 10000), (Math.floor(n / 100) % 100) - 1, n % 100)
  return Math.round((utc(to) - utc(from)) / 86_400_000)
}

const base = (r: Row, zone: string): MemberBase => ({
  memberId: r.id,
  cardNo: r.cardNo,
  name: r.name,
  phone: maskPhone(r.phone),
  tier: r.tier,
  points: r.points,
  lastPurchase: r.lastAt === null ? null : showDay(dayOf(r.lastAt, zone)),
})

const expiredInput = z.object(paging)
export type ExpiredCardsQuery = z.input<typeof expiredInput>

/** Cards whose validity has ended (not closed ones), most recently lapsed first. */
export function expiredCards(db: Db, input: ExpiredCardsQuery): { rows: ExpiredCard[]; total: number } {
  const q = parseInput(expiredInput, input)
  const v = getSettings(db).cardValidity
  const today = storeDayInt(db)
  const zone = storeZone(db)
  const st = stmts(db)
  const rows = st.expired.all(today, q.pageSize, (q.page - 1) * q.pageSize) as Row[]
  return {
    total: st.expiredCount.get(today) as number,
    rows: rows.map((r) => {
      const earned = earnedInPeriod(db, r.id, r.validUntil!, v)
      return {
        ...base(r, zone),
        validUntil: showDay(r.validUntil)!,
        earnedPoints: earned,
        qualified: qualifiesForRenewal(earned, v),
      }
    }),
  }
}

const sleepingInput = z.object({
  ...paging,
  /** Months without a purchase; defaults to the setting */
  months: z.number().int().min(1).max(60).optional(),
  /** Also list members who never bought anything and joined before the cutoff */
  includeNever: z.boolean().default(true),
})
export type SleepingQuery = z.input<typeof sleepingInput>

/**
 * Members with no purchase since the cutoff, the most recently fallen asleep first; after them,
 * members who never bought anything, newest first.
 */
export function sleepingMembers(
  db: Db,
  input: SleepingQuery,
): { rows: SleepingMember[]; total: number; months: number; cutoff: string } {
  const q = parseInput(sleepingInput, input)
  const months = q.months ?? getSettings(db).sleepingMonths
  const today = storeDayInt(db)
  const cutoff = sleepingCutoff(today, months)
  const zone = storeZone(db)
  const cutoffMs = dayStartMs(cutoff, zone)
  const st = stmts(db)
  const bought = st.sleepingCount.get(cutoffMs) as number
  const never = q.includeNever ? (st.neverCount.get(cutoff) as number) : 0
  const offset = (q.page - 1) * q.pageSize
  let rows = offset < bought ? (st.sleeping.all(cutoffMs, q.pageSize, offset) as Row[]) : []
  if (q.includeNever && rows.length < q.pageSize) {
    const skip = Math.max(0, offset - bought)
    rows = rows.concat(st.never.all(cutoff, q.pageSize - rows.length, skip) as Row[])
  }
  return {
    total: bought + never,
    months,
    cutoff: showDay(cutoff)!,
    rows: rows.map((r) => ({
      ...base(r, zone),
      joinDate: showDay(r.joinDate)!,
      daysAsleep: Math.max(0, daysBetween(r.lastAt === null ? r.joinDate : dayOf(r.lastAt, zone), today)),
    })),
  }
}
