import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { members } from './members'
import { operators } from './operators'

/**
 * Every change of a card's validity: automatic renewals at start-up (the member earned enough
 * points in the period) and renewals by staff, with the points earned and the reason.
 */
export const cardRenewals = sqliteTable(
  'card_renewals',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    /** yyyymmdd; null when the card had no validity yet */
    fromValidUntil: integer('from_valid_until'),
    toValidUntil: integer('to_valid_until').notNull(),
    /** Points earned in the period that ended at fromValidUntil */
    earnedPoints: integer('earned_points').notNull().default(0),
    automatic: integer('automatic', { mode: 'boolean' }).notNull().default(false),
    reason: text('reason').notNull(),
    at: integer('at').notNull(),
    operatorId: integer('operator_id').references(() => operators.id),
  },
  (t) => [index('card_renewals_member').on(t.memberId, t.at)],
)

/**
 * Runs of the tier and card jobs, so that none runs twice: job 'review' has one row per yearly
 * review day; job 'renewal' one per day the automatic renewal checked the cards lapsed by then.
 */
export const tierJobs = sqliteTable(
  'tier_jobs',
  {
    job: text('job', { enum: ['review', 'renewal'] }).notNull(),
    /** yyyymmdd: the review day, or the day the renewal check ran for */
    day: integer('day').notNull(),
    /** Members changed (tier changes or renewals) */
    changed: integer('changed').notNull(),
    detail: text('detail').notNull().default(''),
    at: integer('at').notNull(),
    operatorId: integer('operator_id').references(() => operators.id),
  },
  (t) => [primaryKey({ columns: [t.job, t.day] })],
)
