import { createHash, randomBytes } from 'node:crypto'
import { eq, lt } from 'drizzle-orm'
import { SYSTEM_ACTOR, type Actor } from '../actor'
import { AppError, isSqliteBusy, notFound, validationError } from '../errors'
import { inTransaction, type Db } from '../handle'
import { clipUserAgent, DEFAULT_SESSION_IDLE_MINUTES, SESSION_TOUCH_MS } from '../rules/sessions'
import { operators, sessions } from '../schema'
import type { Role } from '../rules/roles'
import { statements } from '../statements'
import { recordAudit } from './audit'
import { toInfo, type OperatorInfo } from './operatorInfo'
import { settingsSchema } from './settings'

/**
 * Logins of the store server's desks, kept in the database so that they survive a restart of the
 * server and end when the operator changes. The cookie carries an opaque random token; the row is
 * keyed by its SHA-256, so the file (or a backup of it) never holds a token that would log in.
 *
 * Audit: the login itself is audited where it is decided (loginGuarded, setupAdmin), so beginning
 * the session adds no second entry; a logout and ending someone's logins are audited. A session
 * dropped for being idle was already dead (sessionOperator refuses it): removing its row is
 * housekeeping and is not audited.
 */

export interface ClientMeta {
  /** The client's IP address as the host saw it */
  address: string
  userAgent?: string
}

export interface SessionTokens {
  /** For the HttpOnly cookie: 32 random bytes, base64url */
  token: string
  /** For the header every write must carry */
  csrfToken: string
}

const newToken = () => randomBytes(32).toString('base64url')
/** 32 bytes in base64url are 43 characters; anything else was never issued. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/

// Every call of the store server looks its session up: prepared once per connection.
const stmts = statements((s) => ({
  live: s.prepare(
    `SELECT s.last_seen_at AS lastSeenAt, s.csrf_token AS csrfToken, o.id, o.name, o.role, o.active
     FROM sessions s JOIN operators o ON o.id = s.operator_id WHERE s.id = ?`,
  ),
  drop: s.prepare('DELETE FROM sessions WHERE id = ?'),
  touch: s.prepare('UPDATE sessions SET last_seen_at = ? WHERE id = ?'),
  idleSetting: s.prepare("SELECT value FROM settings WHERE key = 'sessionIdleMinutes'").pluck(),
}))
interface LiveRow {
  lastSeenAt: number
  csrfToken: string
  id: number
  name: string
  role: Role
  active: number
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')

/** The client's address, checked: the host always knows it, so a missing one is a host bug. */
export function clientAddress(meta: { address?: unknown } | undefined): string {
  const address = typeof meta?.address === 'string' ? meta.address.trim() : ''
  if (!address || address.length > 100) throw validationError('无法识别客户端地址，未做任何修改')
  return address
}

/** The `sessionIdleMinutes` setting in ms, read from its one row (every call of the server reads it). */
export function sessionIdleMs(db: Db): number {
  const raw = stmts(db).idleSetting.get()
  let minutes = DEFAULT_SESSION_IDLE_MINUTES
  if (typeof raw === 'string') {
    try {
      const parsed = settingsSchema.shape.sessionIdleMinutes.safeParse(JSON.parse(raw))
      if (parsed.success) minutes = parsed.data
    } catch {
      // An unreadable value falls back to the default, as getSettings does.
    }
  }
  return minutes * 60_000
}

/** Deletes every session of one operator; for updateOperator's transaction and endSessionsOf. */
export function dropSessionsOf(db: Db, operatorId: number): number {
  return db.orm.delete(sessions).where(eq(sessions.operatorId, operatorId)).run().changes
}

/** Starts a login for an operator who has just proved who they are; returns the tokens for the client. */
export function beginSession(db: Db, operator: OperatorInfo, meta: ClientMeta): SessionTokens {
  if (!Number.isSafeInteger(operator?.id)) throw notFound('找不到该操作员')
  const address = clientAddress(meta)
  return inTransaction(db, () => {
    const row = db.orm.select().from(operators).where(eq(operators.id, operator.id)).get()
    if (!row) throw notFound('找不到该操作员')
    if (!row.active) throw new AppError('unauthenticated', '该账号已停用，请联系管理员')
    const now = db.now().getTime()
    removeIdle(db, now)
    const tokens = { token: newToken(), csrfToken: newToken() }
    db.orm
      .insert(sessions)
      .values({
        id: hashToken(tokens.token),
        operatorId: row.id,
        csrfToken: tokens.csrfToken,
        createdAt: now,
        lastSeenAt: now,
        address,
        userAgent: clipUserAgent(meta.userAgent),
      })
      .run()
    return tokens
  })
}

/**
 * Bookkeeping that may wait: while another connection holds the write lock (a long import), a
 * read must still be answered. The idle clock moves on at the next call; an expired row goes at
 * the next prune.
 */
function bestEffort(write: () => unknown): void {
  try {
    write()
  } catch (e) {
    if (!isSqliteBusy(e)) throw e
  }
}

/**
 * Who a token belongs to, or null: unknown, idle longer than the setting (its row is removed),
 * or an operator no longer active. A live session's last_seen_at moves on at most every 30 s.
 */
export function sessionOperator(db: Db, token: string): { operator: OperatorInfo; csrfToken: string } | null {
  if (typeof token !== 'string' || !TOKEN_SHAPE.test(token)) return null
  const id = hashToken(token)
  const st = stmts(db)
  const row = st.live.get(id) as LiveRow | undefined
  if (!row) return null
  const now = db.now().getTime()
  // Inside an import's open transaction a write would join it (and vanish with a rollback): read only.
  const canWrite = !db.sqlite.inTransaction
  const idle = now - row.lastSeenAt > sessionIdleMs(db)
  if (idle || row.active !== 1) {
    if (canWrite) bestEffort(() => st.drop.run(id))
    return null
  }
  if (canWrite && now - row.lastSeenAt >= SESSION_TOUCH_MS) bestEffort(() => st.touch.run(now, id))
  return { operator: toInfo({ ...row, active: true }), csrfToken: row.csrfToken }
}

/** Logout: ends this one session. False when the token was not a live session (nothing changes). */
export function endSession(db: Db, token: string): boolean {
  if (typeof token !== 'string' || !TOKEN_SHAPE.test(token)) return false
  const id = hashToken(token)
  return inTransaction(db, () => {
    const row = db.orm
      .select({ address: sessions.address, operator: operators })
      .from(sessions)
      .innerJoin(operators, eq(operators.id, sessions.operatorId))
      .where(eq(sessions.id, id))
      .get()
    if (!row) return false
    db.orm.delete(sessions).where(eq(sessions.id, id)).run()
    const actor: Actor = { id: row.operator.id, name: row.operator.name, role: row.operator.role }
    recordAudit(db, actor, 'logout', 'operator', row.operator.id, `退出登录（来自 ${row.address}）`)
    return true
  })
}

/** Ends every login of one operator (a changed password, role or active flag does this itself). */
export function endSessionsOf(db: Db, operatorId: number, actor: Actor = SYSTEM_ACTOR): number {
  if (!Number.isSafeInteger(operatorId) || operatorId <= 0) throw notFound('找不到该操作员')
  return inTransaction(db, () => {
    const row = db.orm.select({ name: operators.name }).from(operators).where(eq(operators.id, operatorId)).get()
    if (!row) throw notFound('找不到该操作员')
    const ended = dropSessionsOf(db, operatorId)
    if (ended > 0) recordAudit(db, actor, 'logout', 'operator', operatorId, `结束 ${row.name} 的 ${ended} 个登录`)
    return ended
  })
}

/** Ends every login (after a restore, say: everyone logs in again). */
export function endAllSessions(db: Db, actor: Actor = SYSTEM_ACTOR): number {
  return inTransaction(db, () => {
    const ended = db.orm.delete(sessions).run().changes
    if (ended > 0) recordAudit(db, actor, 'logout', 'session', null, `结束全部 ${ended} 个登录`)
    return ended
  })
}

function removeIdle(db: Db, now: number): number {
  return db.orm
    .delete(sessions)
    .where(lt(sessions.lastSeenAt, now - sessionIdleMs(db)))
    .run().changes
}

/** Removes the sessions idle longer than the setting; returns how many. */
export function pruneSessions(db: Db): number {
  return inTransaction(db, () => removeIdle(db, db.now().getTime()))
}
