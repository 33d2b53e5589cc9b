import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { operators } from './operators'

/**
 * The whole store's sales per month and department (课别), entered or imported by the planners:
 * the denominator of the VIP sales share. One figure per month and department; entering it again
 * replaces it (the audit log keeps the old figure).
 */
export const storeSales = sqliteTable(
  'store_sales',
  {
    /** yyyymm */
    month: integer('month').notNull(),
    department: text('department').notNull(),
    amountFen: integer('amount_fen').notNull(),
    source: text('source', { enum: ['import', 'manual'] }).notNull(),
    updatedAt: integer('updated_at').notNull(),
    updatedBy: integer('updated_by').references(() => operators.id),
  },
  (t) => [primaryKey({ columns: [t.month, t.department] })],
)

/**
 * VIP purchases summed per month and department, so that the dashboard reads a few hundred rows
 * instead of millions of till lines. Purchases are append-only (a return is a new negative line);
 * the purchase book adds each line here in the same transaction (db/services/reports/monthlySums.ts).
 */
export const salesMonthly = sqliteTable(
  'sales_monthly',
  {
    /** yyyymm */
    month: integer('month').notNull(),
    department: text('department').notNull(),
    /** Net of returns */
    amountFen: integer('amount_fen').notNull(),
    /** Lines sold (amount > 0) and lines returned */
    lines: integer('lines').notNull(),
    returnLines: integer('return_lines').notNull(),
  },
  (t) => [primaryKey({ columns: [t.month, t.department] })],
)

/**
 * Points movements summed per month, kind and department (the department of the purchase that
 * earned them, '' for movements without one), added by the ledger with each movement, like the
 * cached balance. The month is the movement's `at` in local time, like every other day in the app.
 */
export const pointsMonthly = sqliteTable(
  'points_monthly',
  {
    /** yyyymm */
    month: integer('month').notNull(),
    kind: text('kind').notNull(),
    department: text('department').notNull(),
    points: integer('points').notNull(),
    entries: integer('entries').notNull(),
  },
  (t) => [primaryKey({ columns: [t.month, t.kind, t.department] })],
)
