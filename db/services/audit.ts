import { and, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm'
import type { Actor } from '../actor'
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

const auditQuery = z.object({
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(200).default(50),
  entity: z.string().max(40).optional(),
  entityId: z.string().max(40).optional(),
  operatorName: z.string().max(40).optional(),
  from: z.number().int().optional(),
  to: z.number().int().optional(),
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
