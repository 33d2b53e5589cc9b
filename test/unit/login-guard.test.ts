import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { isAppError } from '../../db/errors'
import { lockEndsAt, minutesUntil } from '../../db/rules/sessions'
import { listAudit } from '../../db/services/audit'
import { loginGuarded } from '../../db/services/loginGuard'
import { createOperator, login, updateOperator, type OperatorInfo } from '../../db/services/operators'
import { dumpDb, makeTestDb, type TestDb } from '../support/db'
import { storeDate } from '../support/storeTime'

const MIN = 60_000
const T0 = storeDate(2026, 10, 23, 9, 0)
const at = (ms: number) => new Date(T0.getTime() + ms)

let t: TestDb
let clerk: OperatorInfo
beforeEach(() => {
  t = makeTestDb(T0)
  clerk = createOperator(t.db, { name: '文员小李', password: 'pass1234', role: 'clerk' }, t.admin)
})
afterEach(() => t.close())

const RIGHT = { name: '文员小李', password: 'pass1234' }
const WRONG = { name: '文员小李', password: 'wrong-pw-1' }
const from = (address: string) => ({ address })

/** The refusal's kind and message, or 'ok' when the login went through. */
function attempt(input: { name: string; password: string }, address = '192.168.1.23'): string {
  try {
    loginGuarded(t.db, input, from(address))
    return 'ok'
  } catch (e) {
    if (!isAppError(e)) throw e
    return `${e.kind}: ${e.message}`
  }
}
const auditActions = () =>
  listAudit(t.db, { entity: 'operator', pageSize: 200 })
    .rows.map((r) => r.action)
    .filter((a) => a.startsWith('login'))
    .reverse()
const failureRows = () => t.db.sqlite.prepare('SELECT count(*) FROM login_failures').pluck().get() as number

const LOCKED_5 = 'locked: 登录失败次数过多，请 5 分钟后再试'
const WRONG_PASSWORD = 'unauthenticated: 用户名或密码不正确'

describe('logging in through the guard', () => {
  it('returns the operator for the right password and audits the login with the address, not the password', () => {
    expect(loginGuarded(t.db, RIGHT, from('192.168.1.23'))).toEqual(clerk)
    expect(listAudit(t.db, {}).rows[0]).toMatchObject({
      action: 'login',
      entity: 'operator',
      entityId: String(clerk.id),
      operatorName: '文员小李',
      summary: '登录（来自 192.168.1.23）',
    })
  })

  it('refuses a wrong password, audits the failure and keeps one failure row', () => {
    expect(attempt(WRONG)).toBe(WRONG_PASSWORD)
    expect(listAudit(t.db, {}).rows[0]).toMatchObject({
      action: 'login_failed',
      operatorName: '文员小李',
      entityId: String(clerk.id),
      summary: '登录失败：密码不正确（来自 192.168.1.23）',
    })
    expect(failureRows()).toBe(1)
  })

  it('refuses a deactivated operator with the desktop app’s words', () => {
    updateOperator(t.db, { id: clerk.id, active: false }, t.admin)
    expect(attempt(RIGHT)).toBe('unauthenticated: 该账号已停用，请联系管理员')
    expect(listAudit(t.db, {}).rows[0]).toMatchObject({
      action: 'login_failed',
      summary: expect.stringContaining('停用'),
    })
  })

  it('refuses input that is not a login, or without an address, and changes nothing', () => {
    const before = dumpDb(t.db)
    // 'name' is labelled 姓名 everywhere (db/rules/fieldLabels.ts); login() says the same.
    expect(attempt({ name: '', password: 'x' })).toBe('validation: 姓名：请填写用户名')
    expect(attempt({ name: '文员小李', password: '' })).toBe('validation: 密码：请填写密码')
    expect(attempt(WRONG, '')).toMatch(/^validation: 无法识别客户端地址/)
    expect(dumpDb(t.db)).toEqual(before)
  })

  it('never writes a password into the audit log', () => {
    attempt(WRONG)
    attempt({ name: 'pass1234', password: 'pass1234' })
    attempt(RIGHT)
    const text = JSON.stringify(t.db.sqlite.prepare('SELECT * FROM audit_log').all())
    expect(text).toContain('登录')
    expect(text).not.toContain('wrong-pw-1')
    expect(text).not.toContain('pass1234')
  })
})

describe('lockout after five failures in five minutes', () => {
  it('locks a name after five failures from any addresses: the fifth says so, the right password is refused', () => {
    for (let i = 1; i <= 4; i++) {
      t.setNow(at(i * 10_000))
      expect(attempt(WRONG, `10.0.0.${i}`)).toBe(WRONG_PASSWORD)
    }
    t.setNow(at(50_000))
    expect(attempt(WRONG, '10.0.0.5')).toBe(LOCKED_5)
    expect(attempt(RIGHT, '10.0.0.6')).toBe(LOCKED_5)
    // Other names are not locked by it.
    expect(attempt({ name: 'admin', password: 'secret123' }, '10.0.0.6')).toBe('ok')
    expect(auditActions()).toEqual([
      'login_failed',
      'login_failed',
      'login_failed',
      'login_failed',
      'login_failed',
      'login_locked',
      'login_locked',
      'login',
    ])
    const locked = listAudit(t.db, {}).rows.filter((r) => r.action === 'login_locked')
    expect(locked.map((r) => r.summary)).toEqual([
      '锁定期间尝试登录，已拒绝（来自 10.0.0.6）',
      '5 分钟内登录失败 5 次（同一用户名），锁定 5 分钟',
    ])
    expect(locked.every((r) => r.operatorName === '文员小李' && r.entityId === String(clerk.id))).toBe(true)
  })

  it('locks an address after five failures for any names, unknown ones included', () => {
    createOperator(t.db, { name: '企划小王', password: 'pass5678', role: 'planner' }, t.admin)
    const names = ['文员小李', '企划小王', '不存在甲', '不存在乙', 'admin']
    for (const name of names) expect(attempt({ name, password: 'nope-nope' }, '10.9.9.9')).not.toBe('ok')
    expect(attempt({ name: '企划小王', password: 'pass5678' }, '10.9.9.9')).toBe(LOCKED_5)
    // The same person at another desk gets in: only that address is locked.
    expect(attempt({ name: '企划小王', password: 'pass5678' }, '10.9.9.10')).toBe('ok')
    const lock = listAudit(t.db, {}).rows.find((r) => r.summary.includes('同一地址'))
    expect(lock?.summary).toBe('5 分钟内登录失败 5 次（同一地址 10.9.9.9），锁定 5 分钟')
  })

  it('counts failures for an unknown name per that name, and keeps the typed name out of the audit log', () => {
    for (let i = 1; i <= 5; i++) attempt({ name: '王经理', password: `guess-${i}` }, `10.1.1.${i}`)
    // Before the name exists it is nowhere in the audit log (it may have been a password typed into the wrong box).
    expect(JSON.stringify(t.db.sqlite.prepare('SELECT * FROM audit_log').all())).not.toContain('王经理')
    createOperator(t.db, { name: '王经理', password: 'pass9999', role: 'admin' }, t.admin)
    expect(attempt({ name: '王经理', password: 'pass9999' }, '10.1.1.9')).toBe(LOCKED_5)
    const failed = listAudit(t.db, { pageSize: 200 }).rows.filter((r) => r.action === 'login_failed')
    expect(failed).toHaveLength(5)
    expect(failed[0]).toMatchObject({
      operatorName: '（未知用户名）',
      entityId: null,
      summary: '登录失败：用户名不存在（来自 10.1.1.5）',
    })
  })

  it('unlocks five minutes after the fifth-newest failure, and says how many minutes are left', () => {
    for (let i = 0; i < 5; i++) {
      t.setNow(at(i * MIN))
      attempt(WRONG)
    }
    // Failures at 0–4 min: locked until the 4th minute's failure is 5 minutes old… of the five, the oldest.
    t.setNow(at(4 * MIN + 30_000))
    expect(attempt(RIGHT)).toBe('locked: 登录失败次数过多，请 1 分钟后再试')
    t.setNow(at(5 * MIN - 1))
    expect(attempt(RIGHT)).toBe('locked: 登录失败次数过多，请 1 分钟后再试')
    t.setNow(at(5 * MIN))
    expect(attempt(RIGHT)).toBe('ok')
  })

  it('a lock says the whole minutes left, rounded up', () => {
    for (let i = 0; i < 5; i++) attempt(WRONG)
    t.setNow(at(2 * MIN + 1))
    expect(attempt(RIGHT)).toBe('locked: 登录失败次数过多，请 3 分钟后再试')
    t.setNow(at(5 * MIN))
    expect(attempt(RIGHT)).toBe('ok')
  })

  it('refused attempts during a lock do not extend it', () => {
    for (let i = 0; i < 5; i++) attempt(WRONG)
    for (let s = 1; s <= 4; s++) {
      t.setNow(at(s * MIN))
      expect(attempt(WRONG)).toBe(`locked: 登录失败次数过多，请 ${5 - s} 分钟后再试`)
    }
    t.setNow(at(5 * MIN))
    expect(attempt(RIGHT)).toBe('ok')
  })

  it('a success clears the name’s failures: four, a success, four more do not lock', () => {
    for (let i = 0; i < 4; i++) expect(attempt(WRONG)).toBe(WRONG_PASSWORD)
    expect(attempt(RIGHT)).toBe('ok')
    for (let i = 0; i < 4; i++) expect(attempt(WRONG)).toBe(WRONG_PASSWORD)
    expect(attempt(RIGHT)).toBe('ok')
  })

  it('old failures are pruned: the table holds only the window', () => {
    for (let i = 0; i < 3; i++) attempt(WRONG)
    t.setNow(at(6 * MIN))
    attempt(WRONG)
    expect(failureRows()).toBe(1)
  })

  it('leaves the desktop app’s login() as it was: no lockout there', () => {
    for (let i = 0; i < 6; i++) attempt(WRONG)
    expect(attempt(RIGHT)).toMatch(/^locked/)
    expect(login(t.db, RIGHT)).toEqual(clerk)
    expect(() => login(t.db, WRONG)).toThrow('用户名或密码不正确')
  })
})

describe('the lock rule (db/rules/sessions.ts)', () => {
  it('locks at five failures inside the window and ends when the fifth-newest leaves it', () => {
    const now = 1_000_000
    expect(lockEndsAt([now - 1, now - 2, now - 3, now - 4], now)).toBeNull()
    expect(lockEndsAt([now, now - MIN, now - 2 * MIN, now - 3 * MIN, now - 4 * MIN], now)).toBe(now + MIN)
    expect(lockEndsAt([now, now, now, now, now - 5 * MIN], now)).toBeNull()
    expect(lockEndsAt([now, now, now, now, now, now], now)).toBe(now + 5 * MIN)
  })
  it('tells whole minutes, at least one', () => {
    expect(minutesUntil(5 * MIN, 0)).toBe(5)
    expect(minutesUntil(5 * MIN, 1)).toBe(5)
    expect(minutesUntil(5 * MIN, 4 * MIN + 1)).toBe(1)
    expect(minutesUntil(0, 0)).toBe(1)
  })
})
