import { sql } from 'drizzle-orm'
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { GIFT_CATEGORIES, GIFT_MOVEMENT_KINDS, ISSUE_PURPOSE_KEYS } from '../rules/gifts'
import { members } from './members'
import { operators } from './operators'

/**
 * The VIP room's gift catalogue. `onHand` is the cached sum of the gift's movements, written in
 * the same transaction as each movement; the CHECK makes negative stock impossible even for a
 * caller that forgot to ask.
 */
export const gifts = sqliteTable(
  'gifts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    category: text('category', { enum: GIFT_CATEGORIES }).notNull(),
    unitCostFen: integer('unit_cost_fen').notNull().default(0),
    /** Points a member pays to redeem it; null: not a redemption gift */
    pointsPrice: integer('points_price'),
    reorderLevel: integer('reorder_level').notNull().default(0),
    /** yyyymmdd, inclusive; null: open-ended */
    availableFrom: integer('available_from'),
    availableUntil: integer('available_until'),
    /** Only members whose balance is below this may redeem it (small redemptions); null: anyone */
    maxBalance: integer('max_balance'),
    /** Lowest tier that may redeem it; null: every tier */
    minTier: text('min_tier'),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    /** Path of the photo file, or null */
    photo: text('photo'),
    onHand: integer('on_hand').notNull().default(0),
    createdAt: integer('created_at').notNull(),
    createdBy: integer('created_by').references(() => operators.id),
    updatedAt: integer('updated_at').notNull(),
    updatedBy: integer('updated_by').references(() => operators.id),
  },
  (t) => [index('gifts_category').on(t.category), check('gifts_on_hand_nonneg', sql`on_hand >= 0`)],
)

/** One redemption at the desk: the points it took and who served the member. */
export const redemptions = sqliteTable(
  'redemptions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    points: integer('points').notNull(),
    pointsBefore: integer('points_before').notNull(),
    pointsAfter: integer('points_after').notNull(),
    operatorId: integer('operator_id').references(() => operators.id),
    operatorName: text('operator_name').notNull(),
    at: integer('at').notNull(),
  },
  (t) => [index('redemptions_member').on(t.memberId, t.at)],
)

/**
 * Every change to a gift's stock, append-only: `quantity` is signed, `onHandAfter` the stock
 * after it. Redemption lines are the 'redeem' movements that name the redemption.
 */
export const giftMovements = sqliteTable(
  'gift_movements',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    giftId: integer('gift_id')
      .notNull()
      .references(() => gifts.id),
    kind: text('kind', { enum: GIFT_MOVEMENT_KINDS }).notNull(),
    quantity: integer('quantity').notNull(),
    onHandAfter: integer('on_hand_after').notNull(),
    unitCostFen: integer('unit_cost_fen').notNull().default(0),
    /** Points paid per unit (redeem) or refunded per unit (return) */
    points: integer('points').notNull().default(0),
    supplier: text('supplier').notNull().default(''),
    purpose: text('purpose', { enum: ISSUE_PURPOSE_KEYS }),
    memberId: integer('member_id').references(() => members.id),
    redemptionId: integer('redemption_id').references(() => redemptions.id),
    reason: text('reason').notNull().default(''),
    operatorId: integer('operator_id').references(() => operators.id),
    at: integer('at').notNull(),
  },
  (t) => [
    index('gift_movements_gift').on(t.giftId, t.id),
    index('gift_movements_kind_at').on(t.kind, t.at),
    index('gift_movements_member').on(t.memberId),
    index('gift_movements_redemption').on(t.redemptionId),
    check('gift_movements_nonneg', sql`on_hand_after >= 0`),
  ],
)
