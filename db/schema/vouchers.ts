import { sql } from 'drizzle-orm'
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { CALL_OUTCOMES } from '../rules/campaigns'
import { VOUCHER_EVENT_KINDS, VOUCHER_SOURCES, VOUCHER_STATUSES } from '../rules/vouchers'
import { staff } from './care'
import { members } from './members'
import { operators } from './operators'

/**
 * One voucher (券). What it is worth and where it may be used is copied from its kind when it is
 * issued, so a later change of the kind's rules does not change vouchers already in members'
 * hands. `status` is the cached outcome of its events (voucher_events), written in the same
 * transaction as each event.
 */
export const vouchers = sqliteTable(
  'vouchers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** 12 digits, the last a check digit (db/rules/vouchers.ts) */
    voucherNo: text('voucher_no').notNull().unique(),
    kind: text('kind').notNull(),
    valueFen: integer('value_fen').notNull(),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    source: text('source', { enum: VOUCHER_SOURCES }).notNull(),
    /** Why, in words (the manual reason, the campaign's name, 年度积分兑换 …) */
    reason: text('reason').notNull().default(''),
    /**
     * What the voucher was issued for, unique where set: birthday:MEMBER:YEAR, campaign:ID:MEMBER,
     * so a member never gets two for one birthday or campaign.
     */
    ref: text('ref'),
    pointsUsed: integer('points_used').notNull().default(0),
    /** yyyymmdd, both included */
    validFrom: integer('valid_from').notNull(),
    validUntil: integer('valid_until').notNull(),
    minSpendFen: integer('min_spend_fen').notNull().default(0),
    /** JSON array of 课别; '[]': every 课别 */
    departments: text('departments').notNull().default('[]'),
    earnsPoints: integer('earns_points', { mode: 'boolean' }).notNull().default(false),
    status: text('status', { enum: VOUCHER_STATUSES }).notNull().default('issued'),
    issuedAt: integer('issued_at').notNull(),
    issuedBy: integer('issued_by').references(() => operators.id),
    /** Set with the 'used' event: the receipt it paid */
    usedReceiptNo: text('used_receipt_no'),
    usedAt: integer('used_at'),
  },
  (t) => [
    index('vouchers_member').on(t.memberId, t.issuedAt),
    index('vouchers_status_until').on(t.status, t.validUntil),
    index('vouchers_issued_at').on(t.issuedAt),
    uniqueIndex('vouchers_ref').on(t.ref),
    check('vouchers_value_positive', sql`value_fen > 0`),
  ],
)

/** Every change of a voucher's status, append-only: issued, then at most one of used / expired / voided. */
export const voucherEvents = sqliteTable(
  'voucher_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    voucherId: integer('voucher_id')
      .notNull()
      .references(() => vouchers.id),
    kind: text('kind', { enum: VOUCHER_EVENT_KINDS }).notNull(),
    /** When it counts (ms); for expiry, the end of the last valid day */
    at: integer('at').notNull(),
    receiptNo: text('receipt_no'),
    /** Where it happened: desk, import, cli, job */
    channel: text('channel').notNull().default(''),
    reason: text('reason').notNull().default(''),
    operatorId: integer('operator_id').references(() => operators.id),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    index('voucher_events_voucher').on(t.voucherId, t.id),
    index('voucher_events_kind_at').on(t.kind, t.at),
    uniqueIndex('voucher_events_one_each').on(t.voucherId, t.kind),
  ],
)

/** A wake-up campaign (沉睡会员唤醒): the segment it was made from, in words and as filters. */
export const campaigns = sqliteTable('campaigns', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  /** JSON of the segment's filters, kept so the report can say whom it was for */
  segment: text('segment').notNull(),
  /** A voucher for each member, of this kind; null: calls only */
  voucherKind: text('voucher_kind'),
  /** A purchase within this many days of a call counts as a return */
  returnDays: integer('return_days').notNull(),
  createdAt: integer('created_at').notNull(),
  createdBy: integer('created_by').references(() => operators.id),
})

/** Who is on a campaign's call list, and who calls them. */
export const campaignMembers = sqliteTable(
  'campaign_members',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    /** The staff member who calls; null until the list is split */
    staffId: integer('staff_id').references(() => staff.id),
    voucherId: integer('voucher_id').references(() => vouchers.id),
  },
  (t) => [
    uniqueIndex('campaign_members_one').on(t.campaignId, t.memberId),
    index('campaign_members_staff').on(t.campaignId, t.staffId),
  ],
)

/** Each call's outcome, append-only: a second try is a second row. */
export const campaignCalls = sqliteTable(
  'campaign_calls',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    staffId: integer('staff_id').references(() => staff.id),
    outcome: text('outcome', { enum: CALL_OUTCOMES }).notNull(),
    note: text('note').notNull().default(''),
    /** yyyymmdd of the next try, if one is planned */
    nextTry: integer('next_try'),
    at: integer('at').notNull(),
    operatorId: integer('operator_id').references(() => operators.id),
  },
  (t) => [index('campaign_calls_member').on(t.campaignId, t.memberId, t.at)],
)
