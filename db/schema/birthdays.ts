import { sql } from 'drizzle-orm'
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { BIRTHDAY_CARD_STATUSES } from '../rules/birthdayMail'
import { members } from './members'
import { operators } from './operators'

/**
 * One print run of birthday cards: what was printed, by whom, and what it cost at the prices of
 * the day (kept here, since the prices in settings may change later). The month's SMS and gift
 * figures are the estimate shown when it was printed.
 */
export const birthdayBatches = sqliteTable(
  'birthday_batches',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** YYYY-MM */
    month: text('month').notNull(),
    design: text('design').notNull(),
    /** Label layout printed with the cards, null when none */
    labels: text('labels'),
    labelOffset: integer('label_offset').notNull().default(0),
    /** Some cards were printed again on purpose */
    reprint: integer('reprint', { mode: 'boolean' }).notNull().default(false),
    cardCount: integer('card_count').notNull(),
    cardUnitFen: integer('card_unit_fen').notNull(),
    smsSegments: integer('sms_segments').notNull().default(0),
    smsFen: integer('sms_fen').notNull().default(0),
    giftCount: integer('gift_count').notNull().default(0),
    giftFen: integer('gift_fen').notNull().default(0),
    operatorId: integer('operator_id').references(() => operators.id),
    operatorName: text('operator_name').notNull(),
    at: integer('at').notNull(),
  },
  (t) => [index('birthday_batches_month').on(t.month, t.id), check('birthday_batches_counts', sql`card_count > 0`)],
)

/**
 * A printed card: one member's card for one birthday (the solar day it fell on), then its fate
 * in the post. A reprint adds another row; the newest row per member and birthday is the one
 * that counts.
 */
export const birthdayCards = sqliteTable(
  'birthday_cards',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    batchId: integer('batch_id')
      .notNull()
      .references(() => birthdayBatches.id),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    /** YYYY-MM-DD: the birthday this card is for */
    birthdayDate: text('birthday_date').notNull(),
    status: text('status', { enum: BIRTHDAY_CARD_STATUSES }).notNull().default('printed'),
    statusAt: integer('status_at').notNull(),
    statusBy: integer('status_by').references(() => operators.id),
    statusByName: text('status_by_name').notNull(),
  },
  (t) => [
    index('birthday_cards_member').on(t.memberId, t.birthdayDate),
    index('birthday_cards_date').on(t.birthdayDate, t.memberId),
    index('birthday_cards_batch').on(t.batchId),
  ],
)

/** Each SMS list handed to the gateway: the month's actual SMS cost is its latest export. */
export const birthdaySmsExports = sqliteTable(
  'birthday_sms_exports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    month: text('month').notNull(),
    messages: integer('messages').notNull(),
    segments: integer('segments').notNull(),
    unitFen: integer('unit_fen').notNull(),
    costFen: integer('cost_fen').notNull(),
    operatorId: integer('operator_id').references(() => operators.id),
    operatorName: text('operator_name').notNull(),
    at: integer('at').notNull(),
  },
  (t) => [index('birthday_sms_exports_month').on(t.month, t.id)],
)
