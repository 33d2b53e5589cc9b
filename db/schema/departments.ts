import { sql } from 'drizzle-orm'
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { operators } from './operators'

/**
 * The one list of sales departments (课别) and their counters (专柜), kept in 设置 → 课别与专柜 and
 * used by the desk, the till import, the staff register, 全店销售 and every report. A department is
 * deactivated, never deleted, so old purchases keep a home.
 */
export const departments = sqliteTable('departments', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  sort: integer('sort').notNull().default(0),
  updatedAt: integer('updated_at').notNull().default(0),
  updatedBy: integer('updated_by').references(() => operators.id),
})

export const counters = sqliteTable(
  'counters',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    departmentId: integer('department_id')
      .notNull()
      .references(() => departments.id),
    name: text('name').notNull(),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [uniqueIndex('counters_department_name').on(t.departmentId, t.name)],
)

/**
 * Other spellings of a department: its names before a rename, and the till files' variants
 * (营业1课, 一课) a planner mapped to it in the import wizard, so the next file is recognised.
 * A purchase keeps the name its receipt had; reports and sums read it through this table.
 */
export const departmentAliases = sqliteTable(
  'department_aliases',
  {
    alias: text('alias').primaryKey(),
    departmentId: integer('department_id')
      .notNull()
      .references(() => departments.id),
    createdAt: integer('created_at')
      .notNull()
      .default(sql`0`),
  },
  (t) => [index('department_aliases_department').on(t.departmentId)],
)

/** A till file's counter spelling mapped to a known counter of a department (专柜 in the wizard). */
export const counterAliases = sqliteTable(
  'counter_aliases',
  {
    departmentId: integer('department_id')
      .notNull()
      .references(() => departments.id),
    alias: text('alias').notNull(),
    counterId: integer('counter_id')
      .notNull()
      .references(() => counters.id),
  },
  (t) => [uniqueIndex('counter_aliases_department_alias').on(t.departmentId, t.alias)],
)
