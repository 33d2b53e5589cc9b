import { randomBytes } from 'node:crypto'
import { and, desc, eq, gt, lte } from 'drizzle-orm'
import type { Actor } from '../actor'
import { AppError } from '../errors'
import { inTransaction, type Db } from '../handle'
import { LOGIN_WINDOW_MS, lockEndsAt, lockedMessage, MAX_LOGIN_FAILURES, minutesUntil } from '../rules/sessions'
import { loginFailures, operators } from '../schema'
import { parseInput, type z } from '../validate'
import { recordAudit } from './audit'
import { toActor, toInfo, type OperatorInfo } from './operatorInfo'
import { hashPassword, loginInput, verifyPassword } from './operators'
import { clientAddress } from './sessions'

/**
 * The store server's login: `login` (operators.ts, the desktop app's) behind a lockout. Five failed
 * attempts within five minutes for one name, or from one address, lock it until the oldest of them
 * is five minutes old; while locked even the right password is refused. Failures for a name that
 * does not exist count too. Every success, failure and lock is audited with the client's address,
 * never the password; an unknown name is not written to the audit log (it may be a password typed
 * into the wrong box), only to the short-lived failure rows.
 */

/** Stands in the audit log for a name no operator has. The log does not record the actor's role. */
const UNKNOWN: Actor = { id: null, name: '（未知用户名）', role: 'clerk' }

/** An unknown name still costs one scrypt, so the answer's timing does not tell which names exist. */
let timingHash: string | undefined
const spendVerify = (password: string) =>
  verifyPassword(password, (timingHash ??= hashPassword(randomBytes(16).toString('hex'))))

interface Lock {
  endsAt: number
  /** What reached the limit, for the audit summary */
  by: string
}

function recentFailures(db: Db, column: 'name' | 'address', value: string, now: number): number[] {
  const col = column === 'name' ? loginFailures.operatorName : loginFailures.address
  return db.orm
    .select({ at: loginFailures.at })
    .from(loginFailures)
    .where(and(eq(col, value), gt(loginFailures.at, now - LOGIN_WINDOW_MS)))
    .orderBy(desc(loginFailures.at))
    .limit(MAX_LOGIN_FAILURES)
    .all()
    .map((r) => r.at)
}

function lockOf(db: Db, name: string, address: string, now: number): Lock | null {
  const byName = lockEndsAt(recentFailures(db, 'name', name, now), now)
  const byAddress = lockEndsAt(recentFailures(db, 'address', address, now), now)
  if (byName === null && byAddress === null) return null
  if (byAddress === null || (byName !== null && byName >= byAddress)) return { endsAt: byName!, by: '同一用户名' }
  return { endsAt: byAddress, by: `同一地址 ${address}` }
}

const lockedError = (lock: Lock, now: number) => new AppError('locked', lockedMessage(minutesUntil(lock.endsAt, now)))

export function loginGuarded(db: Db, input: z.input<typeof loginInput>, meta: { address: string }): OperatorInfo {
  const v = parseInput(loginInput, input)
  const address = clientAddress(meta)
  const now = db.now().getTime()
  const row = db.orm.select().from(operators).where(eq(operators.name, v.name)).get()
  const actor = row ? toActor(toInfo(row)) : UNKNOWN
  const entityId = row?.id ?? null

  const lock = lockOf(db, v.name, address, now)
  if (lock) {
    inTransaction(db, () =>
      recordAudit(db, actor, 'login_locked', 'operator', entityId, `锁定期间尝试登录，已拒绝（来自 ${address}）`),
    )
    throw lockedError(lock, now)
  }

  const passwordOk = row ? verifyPassword(v.password, row.passwordHash) : spendVerify(v.password) && false
  if (row && passwordOk && row.active) {
    const info = toInfo(row)
    inTransaction(db, () => {
      db.orm.delete(loginFailures).where(eq(loginFailures.operatorName, v.name)).run()
      recordAudit(db, actor, 'login', 'operator', row.id, `登录（来自 ${address}）`)
    })
    return info
  }

  const reason = !row ? '用户名不存在' : !passwordOk ? '密码不正确' : '账号已停用'
  const lockedNow = inTransaction(db, () => {
    // Older rows no longer count for anyone: the table holds only the window's failures.
    db.orm
      .delete(loginFailures)
      .where(lte(loginFailures.at, now - LOGIN_WINDOW_MS))
      .run()
    db.orm.insert(loginFailures).values({ at: now, operatorName: v.name, address }).run()
    recordAudit(db, actor, 'login_failed', 'operator', entityId, `登录失败：${reason}（来自 ${address}）`)
    const begun = lockOf(db, v.name, address, now)
    if (begun) {
      const minutes = minutesUntil(begun.endsAt, now)
      const summary = `${LOGIN_WINDOW_MS / 60_000} 分钟内登录失败 ${MAX_LOGIN_FAILURES} 次（${begun.by}），锁定 ${minutes} 分钟`
      recordAudit(db, actor, 'login_locked', 'operator', entityId, summary)
    }
    return begun
  })
  if (lockedNow) throw lockedError(lockedNow, now)
  if (row && passwordOk) throw new AppError('unauthenticated', '该账号已停用，请联系管理员')
  throw new AppError('unauthenticated', '用户名或密码不正确')
}
