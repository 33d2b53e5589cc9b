import { sql } from 'drizzle-orm'
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { CAKE_DELIVERY_STATUSES, CONTACT_KINDS } from '../rules/care'
import { gifts } from './gifts'
import { members } from './members'
import { operators } from './operators'

/**
 * The staff register. A staff member may also log in (operatorId): a maintainer then sees "my
 * VIPs". Staff who leave are made inactive, never deleted, so their history stays readable.
 */
export const staff = sqliteTable('staff', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** Unique: the command line and the league name staff by name */
  name: text('name').notNull().unique(),
  department: text('department').notNull(),
  /** yyyymmdd */
  hireDate: integer('hire_date').notNull(),
  phone: text('phone'),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  /** VIPs they can look after; null: the settings' default */
  capacity: integer('capacity'),
  operatorId: integer('operator_id')
    .unique()
    .references(() => operators.id),
  /** yyyymmdd of leaving, when inactive */
  leftOn: integer('left_on'),
  createdAt: integer('created_at').notNull(),
  createdBy: integer('created_by').references(() => operators.id),
  updatedAt: integer('updated_at').notNull(),
  updatedBy: integer('updated_by').references(() => operators.id),
})

/**
 * Who maintained whom, when: one row per period, [fromDay, untilDay) in yyyymmdd; untilDay null
 * while it lasts. A move ends one period and starts the next; a release only ends it. At most one
 * open period per member (the partial unique index).
 */
export const vipAssignments = sqliteTable(
  'vip_assignments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    staffId: integer('staff_id')
      .notNull()
      .references(() => staff.id),
    fromDay: integer('from_day').notNull(),
    untilDay: integer('until_day'),
    /** Why it started (手动分配, 自动分配, 交接 …) and why it ended */
    reason: text('reason').notNull().default(''),
    endReason: text('end_reason'),
    createdAt: integer('created_at').notNull(),
    createdBy: integer('created_by').references(() => operators.id),
    endedAt: integer('ended_at'),
    endedBy: integer('ended_by').references(() => operators.id),
  },
  (t) => [
    uniqueIndex('vip_assignments_open')
      .on(t.memberId)
      .where(sql`until_day IS NULL`),
    index('vip_assignments_member').on(t.memberId, t.fromDay),
    index('vip_assignments_staff').on(t.staffId, t.fromDay),
    check('vip_assignments_period', sql`until_day IS NULL OR until_day >= from_day`),
  ],
)

/** The maintenance log (维护记录): each contact a maintainer had with a VIP. */
export const vipContacts = sqliteTable(
  'vip_contacts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    staffId: integer('staff_id')
      .notNull()
      .references(() => staff.id),
    kind: text('kind', { enum: CONTACT_KINDS }).notNull(),
    /** yyyymmdd of the contact */
    day: integer('day').notNull(),
    note: text('note').notNull().default(''),
    /** yyyymmdd of the next follow-up, if one is due */
    nextFollowUp: integer('next_follow_up'),
    createdAt: integer('created_at').notNull(),
    createdBy: integer('created_by').references(() => operators.id),
  },
  (t) => [index('vip_contacts_member').on(t.memberId, t.day), index('vip_contacts_staff').on(t.staffId, t.day)],
)

/**
 * Birthday cake and flowers: one row per member and month (yyyymm). Delivering issues the gifts
 * from the inventory; the movements name the member, and their cost is kept here too.
 */
export const cakeDeliveries = sqliteTable(
  'cake_deliveries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    month: integer('month').notNull(),
    /** yyyymmdd the birthday falls on that year */
    birthdayDay: integer('birthday_day').notNull(),
    /** ms of the planned delivery */
    scheduledAt: integer('scheduled_at'),
    delivererId: integer('deliverer_id').references(() => staff.id),
    status: text('status', { enum: CAKE_DELIVERY_STATUSES }).notNull().default('planned'),
    deliveredAt: integer('delivered_at'),
    cakeGiftId: integer('cake_gift_id').references(() => gifts.id),
    flowersGiftId: integer('flowers_gift_id').references(() => gifts.id),
    costFen: integer('cost_fen').notNull().default(0),
    note: text('note').notNull().default(''),
    createdAt: integer('created_at').notNull(),
    createdBy: integer('created_by').references(() => operators.id),
    updatedAt: integer('updated_at').notNull(),
    updatedBy: integer('updated_by').references(() => operators.id),
  },
  (t) => [
    uniqueIndex('cake_deliveries_member_month').on(t.memberId, t.month),
    index('cake_deliveries_month').on(t.month),
  ],
)
