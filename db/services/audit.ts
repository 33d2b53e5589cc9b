import { and, desc, eq, gte, lt, lte, sql, type SQL } from 'drizzle-orm'
import type { Actor } from '../actor'
import { storeZone } from '../clock'
import { AUDIT_ACTION_LABELS } from '../rules/auditLabels'
import { parseIsoDay } from '../rules/dates'
import { endOfDayMs, startOfDayMs } from '../rules/storeClock'
import type { Db } from '../handle'
import { auditLog } from '../schema'
import { parseInput, z } from '../validate'

/**
 * Appends one audit entry. Called inside the same transaction as the write it describes.
 * `summary` names fields, never their personal values.
 */
export function recordAudit(
  db: Db,
  actor: Actor,
  action: string,
  entity: string,
  entityId: string | number | null,
  summary: string,
): void {
  db.orm
    .insert(auditLog)
    .values({
      at: db.now().getTime(),
      operatorId: actor.id,
      operatorName: actor.name,
      action,
      entity,
      entityId: entityId === null ? null : String(entityId),
      summary,
    })
    .run()
}

const DAY = /^\d{4}-\d{2}-\d{2}$/
const auditQuery = z
  .object({
    page: z.number().int().min(1).default(1),
    pageSize: z.number().int().min(1).max(200).default(50),
    entity: z.string().max(40).optional(),
    entityId: z.string().max(40).optional(),
    operatorName: z.string().trim().max(40).optional(),
    /** An action code of the map in rules/auditLabels (the screen offers them in words). */
    action: z
      .string()
      .refine((a) => Object.hasOwn(AUDIT_ACTION_LABELS, a), { error: '没有这种操作' })
      .optional(),
    /** Store days, inclusive: 'YYYY-MM-DD' on the store's calendar. */
    fromDay: z
      .string()
      .refine((d) => DAY.test(d) && parseIsoDay(d) !== null, { error: '开始日期须为有效日期（YYYY-MM-DD）' })
      .optional(),
    toDay: z
      .string()
      .refine((d) => DAY.test(d) && parseIsoDay(d) !== null, { error: '结束日期须为有效日期（YYYY-MM-DD）' })
      .optional(),
    from: z.number().int().optional(),
    to: z.number().int().optional(),
  })
  .refine((q) => !q.fromDay || !q.toDay || q.fromDay <= q.toDay, {
    error: '开始日期不能晚于结束日期',
    path: ['toDay'],
  })
export type AuditQuery = z.input<typeof auditQuery>

export interface AuditEntry {
  id: number
  at: number
  operatorName: string
  action: string
  entity: string
  entityId: string | null
  summary: string
}

export function listAudit(db: Db, input: AuditQuery): { rows: AuditEntry[]; total: number } {
  const q = parseInput(auditQuery, input)
  const where: SQL[] = []
  if (q.entity) where.push(eq(auditLog.entity, q.entity))
  if (q.entityId) where.push(eq(auditLog.entityId, q.entityId))
  if (q.operatorName) where.push(eq(auditLog.operatorName, q.operatorName))
  if (q.action) where.push(eq(auditLog.action, q.action))
  const zone = q.fromDay || q.toDay ? storeZone(db) : ''
  if (q.fromDay) where.push(gte(auditLog.at, startOfDayMs(parseIsoDay(q.fromDay)!, zone)))
  if (q.toDay) where.push(lt(auditLog.at, endOfDayMs(parseIsoDay(q.toDay)!, zone)))
  if (q.from !== undefined) where.push(gte(auditLog.at, q.from))
  if (q.to !== undefined) where.push(lte(auditLog.at, q.to))
  const cond = where.length ? and(...where) : undefined
  const rows = db.orm
    .select({
      id: auditLog.id,
      at: auditLog.at,
      operatorName: auditLog.operatorName,
      action: auditLog.action,
      entity: auditLog.entity,
      entityId: auditLog.entityId,
      summary: auditLog.summary,
    })
    .from(auditLog)
    .where(cond)
    .orderBy(desc(auditLog.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .all()
  const total =
    db.orm
      .select({ n: sql<number>`count(*)` })
      .from(auditLog)
      .where(cond)
      .get()?.n ?? 0
  return { rows, total }
}

/** Who appears in the log (for the screen's 操作员 filter), by name. */
export function auditOperatorNames(db: Db): string[] {
  return db.orm
    .selectDistinct({ name: auditLog.operatorName })
    .from(auditLog)
    .orderBy(auditLog.operatorName)
    .all()
    .map((r) => r.name)
}
