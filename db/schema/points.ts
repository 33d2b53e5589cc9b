import { sql } from 'drizzle-orm'
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { members } from './members'
import { operators } from './operators'

/**
 * One line of a till receipt (or one purchase keyed in at the service desk). A return is a line
 * with a negative amount whose `originalReceiptNo` names the receipt it returns. Receipt and line
 * number identify a line, so importing the same till file twice adds nothing.
 */
export const purchases = sqliteTable(
  'purchases',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    receiptNo: text('receipt_no').notNull(),
    lineNo: integer('line_no').notNull().default(1),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    /** The card number or phone the till recorded. */
    memberRef: text('member_ref').notNull(),
    purchasedAt: integer('purchased_at').notNull(),
    /** yyyymmdd of purchasedAt, for day and month figures */
    purchaseDate: integer('purchase_date').notNull(),
    amountFen: integer('amount_fen').notNull(),
    department: text('department').notNull().default(''),
    counter: text('counter').notNull().default(''),
    noPoints: integer('no_points', { mode: 'boolean' }).notNull().default(false),
    originalReceiptNo: text('original_receipt_no'),
    /** Points this line moved (negative for a return), and how they were worked out. */
    points: integer('points').notNull().default(0),
    pointsExplain: text('points_explain').notNull().default(''),
    source: text('source', { enum: ['import', 'desk'] }).notNull(),
    createdAt: integer('created_at').notNull(),
    createdBy: integer('created_by').references(() => operators.id),
  },
  (t) => [
    uniqueIndex('purchases_receipt_line').on(t.receiptNo, t.lineNo),
    // The amount rides along so that a member's 12-month spend (tier upgrades) reads the index only.
    index('purchases_member_time').on(t.memberId, t.purchasedAt, t.amountFen),
    index('purchases_date').on(t.purchaseDate),
    index('purchases_original').on(t.originalReceiptNo),
  ],
)

/**
 * Every change to a member's points, append-only. `delta` moves the balance and `debtDelta` the
 * points owed by a return that came after the points were spent; members.points and
 * members.points_debt are the sums of these, written in the same transaction.
 */
export const pointsLedger = sqliteTable(
  'points_ledger',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    /** When the movement counts (the purchase time for earnings), ms */
    at: integer('at').notNull(),
    kind: text('kind', {
      enum: ['opening', 'earn', 'return', 'redeem', 'refund', 'adjust', 'expire', 'transfer', 'referral'],
    }).notNull(),
    delta: integer('delta').notNull(),
    debtDelta: integer('debt_delta').notNull().default(0),
    balanceAfter: integer('balance_after').notNull(),
    debtAfter: integer('debt_after').notNull().default(0),
    purchaseId: integer('purchase_id').references(() => purchases.id),
    /** What else the entry belongs to, e.g. an import file or a redemption */
    ref: text('ref'),
    reason: text('reason').notNull().default(''),
    operatorId: integer('operator_id').references(() => operators.id),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    index('points_ledger_member').on(t.memberId, t.id),
    index('points_ledger_kind_at').on(t.kind, t.at),
    index('points_ledger_purchase').on(t.purchaseId),
    check('points_ledger_nonneg', sql`balance_after >= 0 AND debt_after >= 0`),
  ],
)

/** Every tier change with its reason (upgrade on a purchase, review, manual). */
export const tierChanges = sqliteTable(
  'tier_changes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    fromTier: text('from_tier').notNull(),
    toTier: text('to_tier').notNull(),
    reason: text('reason').notNull(),
    at: integer('at').notNull(),
    operatorId: integer('operator_id').references(() => operators.id),
  },
  (t) => [index('tier_changes_member').on(t.memberId, t.at)],
)
