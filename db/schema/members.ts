import { sql } from 'drizzle-orm'
import { check, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { operators } from './operators'

/**
 * One row per member. `cardNo` is the card in use now; every card the member ever held
 * (including replaced ones) is in `memberCards`, so an old number still finds the member.
 * The birthday is kept as written in its own calendar; month/day columns are indexed so that
 * "born this month" does not scan the table.
 */
export const members = sqliteTable(
  'members',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    cardNo: text('card_no').notNull().unique(),
    name: text('name').notNull(),
    gender: text('gender', { enum: ['男', '女'] }),
    phone: text('phone'),
    phoneLast4: text('phone_last4'),
    birthYear: integer('birth_year'),
    birthMonth: integer('birth_month'),
    birthDay: integer('birth_day'),
    birthdayCalendar: text('birthday_calendar', { enum: ['solar', 'lunar'] })
      .notNull()
      .default('solar'),
    birthdayLeapMonth: integer('birthday_leap_month', { mode: 'boolean' }).notNull().default(false),
    idNumber: text('id_number'),
    province: text('province'),
    city: text('city'),
    district: text('district'),
    address: text('address'),
    postalCode: text('postal_code'),
    tier: text('tier').notNull().default('普卡'),
    status: text('status', { enum: ['active', 'lost', 'replaced', 'expired', 'closed'] })
      .notNull()
      .default('active'),
    /** yyyymmdd */
    joinDate: integer('join_date').notNull(),
    source: text('source').notNull().default('服务台'),
    referrerId: integer('referrer_id'),
    smsConsent: integer('sms_consent', { mode: 'boolean' }).notNull().default(false),
    mailConsent: integer('mail_consent', { mode: 'boolean' }).notNull().default(false),
    notes: text('notes').notNull().default(''),
    /** Cached balance of the points ledger (kept in the same transaction as each movement). */
    points: integer('points').notNull().default(0),
    /** Points a return could not take back (the balance was already spent); settled by the next earnings. */
    pointsDebt: integer('points_debt').notNull().default(0),
    /** Card validity (yyyymmdd); null until the validity rule has been applied. */
    validUntil: integer('valid_until'),
    /** Cached from purchases: when this member last bought something (ms). */
    lastPurchaseAt: integer('last_purchase_at'),
    /**
     * Derived from the address by db/rules/mailAddress.ts: 1 usable for mail, 0 not, null not yet
     * worked out. A trigger sets it back to null whenever the address changes, and the birthday
     * list fills the nulls in before it reads, so no write path has to remember it.
     */
    addressOk: integer('address_ok'),
    /** A birthday card came back undeliverable (ms); cleared by the trigger when the address is corrected. */
    addressReturnedAt: integer('address_returned_at'),
    createdAt: integer('created_at').notNull(),
    createdBy: integer('created_by').references(() => operators.id),
    updatedAt: integer('updated_at').notNull(),
    updatedBy: integer('updated_by').references(() => operators.id),
  },
  (t) => [
    index('members_phone').on(t.phone),
    index('members_phone_last4').on(t.phoneLast4),
    index('members_name').on(t.name),
    // Everything the month's birthday list counts and sorts by rides along, so the list and its
    // counts read this index alone; the rows themselves are fetched for one page only.
    index('members_birthday').on(
      t.birthMonth,
      t.birthDay,
      t.birthdayCalendar,
      t.birthdayLeapMonth,
      t.status,
      t.addressOk,
      t.addressReturnedAt,
      t.smsConsent,
      t.mailConsent,
      t.tier,
      t.cardNo,
    ),
    // Source rides along: new cards per day or month by source count index entries only.
    index('members_join_source').on(t.joinDate, t.source),
    // Points ride along: "金卡, most points first" walks one tier's entries in order.
    index('members_tier_points').on(t.tier, t.points),
    index('members_status').on(t.status),
    index('members_source').on(t.source),
    index('members_points').on(t.points),
    // Status and join date ride along so that the sleeping-members and expired-cards totals
    // (which leave closed cards out) count index entries only.
    index('members_last_purchase').on(t.lastPurchaseAt, t.status, t.joinDate),
    index('members_valid_until').on(t.validUntil, t.status),
    // The few rows whose address flag needs working out (new or changed addresses).
    index('members_address_unknown')
      .on(t.id)
      .where(sql`address_ok IS NULL`),
    index('members_province_city').on(t.province, t.city),
    index('members_referrer').on(t.referrerId),
    index('members_id_number').on(t.idNumber),
    // Every list filter column, so that the pager's count for any mix of filters reads this index
    // alone instead of the rows (see listMembers). Status and the two consents lead: an SMS or
    // mail campaign's "active members who agreed" is then one contiguous range.
    index('members_filter').on(
      t.status,
      t.smsConsent,
      t.mailConsent,
      t.gender,
      t.tier,
      t.source,
      t.birthMonth,
      t.province,
      t.city,
      t.joinDate,
      t.phoneLast4,
    ),
    // Unqualified so that a drizzle-kit table rebuild (__new_members) keeps a valid constraint.
    check('members_points_nonneg', sql`points >= 0`),
  ],
)

/** Every card number a member has held; the current one has status 'active'. */
export const memberCards = sqliteTable(
  'member_cards',
  {
    cardNo: text('card_no').primaryKey(),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    status: text('status', { enum: ['active', 'replaced'] }).notNull(),
    issuedAt: integer('issued_at').notNull(),
  },
  (t) => [index('member_cards_member').on(t.memberId)],
)

/** Lost-card replacements with the fee charged (fen). */
export const cardReplacements = sqliteTable('card_replacements', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  memberId: integer('member_id')
    .notNull()
    .references(() => members.id),
  oldCardNo: text('old_card_no').notNull(),
  newCardNo: text('new_card_no').notNull(),
  feeFen: integer('fee_fen').notNull(),
  reason: text('reason').notNull(),
  at: integer('at').notNull(),
  operatorId: integer('operator_id').references(() => operators.id),
})

/** Consent is a history: each grant or withdrawal, when and by whom. */
export const consentEvents = sqliteTable(
  'consent_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    channel: text('channel', { enum: ['sms', 'mail'] }).notNull(),
    granted: integer('granted', { mode: 'boolean' }).notNull(),
    at: integer('at').notNull(),
    operatorId: integer('operator_id').references(() => operators.id),
  },
  (t) => [index('consent_events_member').on(t.memberId)],
)

/**
 * Unigrams and bigrams of member names so that "part of the name" search is an index lookup
 * rather than a LIKE '%…%' scan over every member.
 */
export const memberNameGrams = sqliteTable(
  'member_name_grams',
  {
    gram: text('gram').notNull(),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
  },
  (t) => [primaryKey({ columns: [t.gram, t.memberId] }), index('member_name_grams_member').on(t.memberId)],
)

/**
 * How many members share each combination of the list's low-cardinality filter columns, kept by
 * triggers on members (migration 0001). The pager's total for a filter on these columns is then a
 * sum over a few thousand rows instead of a count over every matching member. NULLs are stored as
 * '' / 0 so that each combination has exactly one row. A migration that rebuilds the members
 * table drops its triggers and must create them again.
 */
export const memberFilterCounts = sqliteTable(
  'member_filter_counts',
  {
    status: text('status').notNull(),
    tier: text('tier').notNull(),
    source: text('source').notNull(),
    gender: text('gender').notNull(),
    province: text('province').notNull(),
    smsConsent: integer('sms_consent').notNull(),
    mailConsent: integer('mail_consent').notNull(),
    hasPhone: integer('has_phone').notNull(),
    birthMonth: integer('birth_month').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [
    primaryKey({
      columns: [
        t.status,
        t.tier,
        t.source,
        t.gender,
        t.province,
        t.smsConsent,
        t.mailConsent,
        t.hasPhone,
        t.birthMonth,
      ],
    }),
  ],
)
