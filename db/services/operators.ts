import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto'
import { asc, eq, sql } from 'drizzle-orm'
import type { Actor } from '../actor'
import { AppError, conflict, notFound, validationError } from '../errors'
import { inTransaction, type Db } from '../handle'
import { ROLES, ROLE_LABELS } from '../rules/roles'
import { operators } from '../schema'
import { parseInput, z } from '../validate'
import { recordAudit } from './audit'
import { toActor, toInfo, type OperatorInfo } from './operatorInfo'
import { dropSessionsOf } from './sessions'

const SCRYPT = { N: 16384, r: 8, p: 1 }

export function hashPassword(password: string): string {
  const salt = randomBytes(16)
  const hash = scryptSync(password, salt, 32, SCRYPT)
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64')}$${hash.toString('base64')}`
}

export function verifyPassword(password: string, stored: string): boolean {
  const [kind, n, r, p, salt, hash] = stored.split('$')
  if (kind !== 'scrypt' || !salt || !hash) return false
  const expected = Buffer.from(hash, 'base64')
  const actual = scryptSync(password, Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  })
  return timingSafeEqual(expected, actual)
}

const operatorName = z.string({ error: '请填写用户名' }).trim().min(1, '请填写用户名').max(20, '用户名不能超过20个字')
const password = z.string({ error: '请填写密码' }).min(6, '密码至少6位').max(64, '密码不能超过64位')
const role = z.enum(ROLES, { error: '角色无效' })

// Kept apart so that the sessions service, which this file calls to end logins, can use them too.
export { toActor, type OperatorInfo } from './operatorInfo'

export function operatorCount(db: Db): number {
  return (
    db.orm
      .select({ n: sql<number>`count(*)` })
      .from(operators)
      .get()?.n ?? 0
  )
}

const setupInput = z.object({ name: operatorName, password })

/** First start: creates the administrator. Refused once any operator exists. */
export function setupAdmin(db: Db, input: z.input<typeof setupInput>): OperatorInfo {
  const v = parseInput(setupInput, input)
  return inTransaction(db, () => {
    if (operatorCount(db) > 0) throw conflict('管理员账号已经创建，请直接登录')
    const row = db.orm
      .insert(operators)
      .values({ name: v.name, passwordHash: hashPassword(v.password), role: 'admin', createdAt: db.now().getTime() })
      .returning()
      .get()
    const info = toInfo(row)
    recordAudit(db, toActor(info), 'create', 'operator', row.id, '首次启动创建管理员')
    return info
  })
}

export const loginInput = z.object({
  name: operatorName,
  password: z.string({ error: '请填写密码' }).min(1, '请填写密码'),
})

export function login(db: Db, input: z.input<typeof loginInput>): OperatorInfo {
  const v = parseInput(loginInput, input)
  const row = db.orm.select().from(operators).where(eq(operators.name, v.name)).get()
  if (!row || !verifyPassword(v.password, row.passwordHash)) {
    throw new AppError('unauthenticated', '用户名或密码不正确')
  }
  if (!row.active) throw new AppError('unauthenticated', '该账号已停用，请联系管理员')
  return toInfo(row)
}

export function listOperators(db: Db): OperatorInfo[] {
  return db.orm.select().from(operators).orderBy(asc(operators.id)).all().map(toInfo)
}

export function findOperatorByName(db: Db, name: string): OperatorInfo {
  const row = db.orm.select().from(operators).where(eq(operators.name, name)).get()
  if (!row) throw notFound(`找不到操作员"${name}"`)
  if (!row.active) throw validationError(`操作员"${name}"已停用`)
  return toInfo(row)
}

const createInput = z.object({ name: operatorName, password, role })

export function createOperator(db: Db, input: z.input<typeof createInput>, actor: Actor): OperatorInfo {
  const v = parseInput(createInput, input)
  return inTransaction(db, () => {
    const exists = db.orm.select({ id: operators.id }).from(operators).where(eq(operators.name, v.name)).get()
    if (exists) throw conflict(`用户名"${v.name}"已存在`)
    const row = db.orm
      .insert(operators)
      .values({ name: v.name, passwordHash: hashPassword(v.password), role: v.role, createdAt: db.now().getTime() })
      .returning()
      .get()
    recordAudit(db, actor, 'create', 'operator', row.id, `新建操作员 ${v.name}（${ROLE_LABELS[v.role]}）`)
    return toInfo(row)
  })
}

const updateInput = z.object({
  id: z.number().int().positive(),
  role: role.optional(),
  active: z.boolean().optional(),
  password: password.optional(),
})

export function updateOperator(db: Db, input: z.input<typeof updateInput>, actor: Actor): OperatorInfo {
  const v = parseInput(updateInput, input)
  return inTransaction(db, () => {
    const row = db.orm.select().from(operators).where(eq(operators.id, v.id)).get()
    if (!row) throw notFound('找不到该操作员')
    const demotesAdmin = row.role === 'admin' && ((v.role && v.role !== 'admin') || v.active === false)
    if (demotesAdmin) {
      const admins = db.orm
        .select({ n: sql<number>`count(*)` })
        .from(operators)
        .where(sql`${operators.role} = 'admin' AND ${operators.active} = 1`)
        .get()!.n
      if (admins <= 1) throw conflict('至少要保留一个启用的管理员账号')
    }
    const changes: string[] = []
    const patch: Partial<typeof operators.$inferInsert> = {}
    if (v.role && v.role !== row.role) {
      patch.role = v.role
      changes.push(`角色改为${ROLE_LABELS[v.role]}`)
    }
    if (v.active !== undefined && v.active !== row.active) {
      patch.active = v.active
      changes.push(v.active ? '启用' : '停用')
    }
    if (v.password) {
      patch.passwordHash = hashPassword(v.password)
      changes.push('重设密码')
    }
    if (!changes.length) return toInfo(row)
    const updated = db.orm.update(operators).set(patch).where(eq(operators.id, v.id)).returning().get()
    // Whoever is logged in as them must log in again under the new password, role or flag.
    const ended = dropSessionsOf(db, v.id)
    if (ended > 0) changes.push(`结束其 ${ended} 个登录`)
    recordAudit(db, actor, 'update', 'operator', v.id, `${row.name}：${changes.join('，')}`)
    return toInfo(updated)
  })
}
