import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { closeDatabase, openDatabase } from '../../db/open'
import { listAudit } from '../../db/services/audit'
import { createOperator, updateOperator, type OperatorInfo } from '../../db/services/operators'
import {
  beginSession,
  endAllSessions,
  endSession,
  endSessionsOf,
  pruneSessions,
  sessionOperator,
} from '../../db/services/sessions'
import { getSettings, updateSettings } from '../../db/services/settings'
import { dumpDb, makeTestDb, type TestDb } from '../support/db'
import { storeDate } from '../support/storeTime'

const MIN = 60_000
const T0 = storeDate(2026, 10, 23, 9, 0)
const at = (ms: number) => new Date(T0.getTime() + ms)
const desk = { address: '192.168.1.23', userAgent: 'Mozilla/5.0 (Windows NT 10.0) Chrome/130' }

let t: TestDb
let clerk: OperatorInfo
let planner: OperatorInfo
beforeEach(() => {
  t = makeTestDb(T0)
  clerk = createOperator(t.db, { name: '文员小李', password: 'pass1234', role: 'clerk' }, t.admin)
  planner = createOperator(t.db, { name: '企划小王', password: 'pass5678', role: 'planner' }, t.admin)
})
afterEach(() => t.close())

const rows = () =>
  t.db.sqlite.prepare('SELECT * FROM sessions ORDER BY created_at').all() as {
    id: string
    operator_id: number
    csrf_token: string
    last_seen_at: number
    address: string
    user_agent: string
  }[]
const lastSeen = () => rows()[0]!.last_seen_at

describe('beginning a session and finding it again', () => {
  it('gives a random token and a CSRF token; the token finds its operator and CSRF token', () => {
    const s = beginSession(t.db, clerk, desk)
    expect(s.token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(s.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(s.csrfToken).not.toBe(s.token)
    expect(sessionOperator(t.db, s.token)).toEqual({ operator: clerk, csrfToken: s.csrfToken })
    const other = beginSession(t.db, clerk, desk)
    expect(other.token).not.toBe(s.token)
    expect(sessionOperator(t.db, other.token)?.csrfToken).toBe(other.csrfToken)
  })

  it('knows nothing of an unknown, malformed or tampered token', () => {
    const s = beginSession(t.db, clerk, desk)
    expect(sessionOperator(t.db, 'A'.repeat(43))).toBeNull()
    expect(sessionOperator(t.db, '')).toBeNull()
    expect(sessionOperator(t.db, s.token.slice(1))).toBeNull()
    expect(sessionOperator(t.db, `${s.token.slice(0, 42)}${s.token.endsWith('A') ? 'B' : 'A'}`)).toBeNull()
    // The stored key is not a token either.
    expect(sessionOperator(t.db, rows()[0]!.id)).toBeNull()
  })

  it('stores only the SHA-256 of the token: the raw token is nowhere in the database files', () => {
    const s = beginSession(t.db, clerk, desk)
    expect(rows()).toEqual([
      expect.objectContaining({
        id: createHash('sha256').update(s.token).digest('hex'),
        operator_id: clerk.id,
        address: '192.168.1.23',
        user_agent: desk.userAgent,
      }),
    ])
    const bytes = [t.file, `${t.file}-wal`]
      .filter(existsSync)
      .map((f) => readFileSync(f).toString('latin1'))
      .join('')
    // The search can find what is stored (the CSRF token is), so its not finding the token means something.
    expect(bytes).toContain(s.csrfToken)
    expect(bytes).not.toContain(s.token)
  })

  it('keeps 200 characters of the user agent and refuses a missing address, changing nothing', () => {
    beginSession(t.db, clerk, { address: '10.0.0.8', userAgent: '浏'.repeat(150) + 'x'.repeat(100) })
    expect(rows()[0]!.user_agent).toBe('浏'.repeat(150) + 'x'.repeat(50))
    beginSession(t.db, clerk, { address: '10.0.0.9' })
    expect(rows()[1]!.user_agent).toBe('')
    const before = dumpDb(t.db)
    expect(() => beginSession(t.db, clerk, { address: '  ' })).toThrow('无法识别客户端地址')
    expect(dumpDb(t.db)).toEqual(before)
  })

  it('refuses an operator who is no longer active or does not exist, changing nothing', () => {
    const stale = { ...clerk }
    updateOperator(t.db, { id: clerk.id, active: false }, t.admin)
    const before = dumpDb(t.db)
    expect(() => beginSession(t.db, stale, desk)).toThrow('该账号已停用')
    expect(() => beginSession(t.db, { ...stale, id: 999 }, desk)).toThrow('找不到该操作员')
    expect(dumpDb(t.db)).toEqual(before)
  })
})

describe('idle sessions', () => {
  it('ends after the idle time (30 minutes by default) and removes its row', () => {
    expect(getSettings(t.db).sessionIdleMinutes).toBe(30)
    const s = beginSession(t.db, clerk, desk)
    t.setNow(at(30 * MIN))
    expect(sessionOperator(t.db, s.token)?.operator.id).toBe(clerk.id)
    t.setNow(at(60 * MIN))
    expect(sessionOperator(t.db, s.token)?.operator.id).toBe(clerk.id)
    t.setNow(at(90 * MIN + 1))
    expect(sessionOperator(t.db, s.token)).toBeNull()
    expect(rows()).toEqual([])
  })

  it('writes last_seen_at at most every 30 seconds', () => {
    const s = beginSession(t.db, clerk, desk)
    expect(lastSeen()).toBe(T0.getTime())
    t.setNow(at(29_999))
    sessionOperator(t.db, s.token)
    expect(lastSeen()).toBe(T0.getTime())
    t.setNow(at(30_000))
    sessionOperator(t.db, s.token)
    expect(lastSeen()).toBe(at(30_000).getTime())
  })

  it('follows the sessionIdleMinutes setting', () => {
    updateSettings(t.db, { sessionIdleMinutes: 5 }, t.admin)
    const s = beginSession(t.db, clerk, desk)
    t.setNow(at(5 * MIN))
    expect(sessionOperator(t.db, s.token)).not.toBeNull()
    t.setNow(at(10 * MIN + 1))
    expect(sessionOperator(t.db, s.token)).toBeNull()
  })

  it('pruneSessions removes only the idle ones', () => {
    const old = beginSession(t.db, clerk, desk)
    t.setNow(at(20 * MIN))
    const fresh = beginSession(t.db, planner, desk)
    t.setNow(at(30 * MIN + 1))
    expect(pruneSessions(t.db)).toBe(1)
    expect(sessionOperator(t.db, old.token)).toBeNull()
    expect(sessionOperator(t.db, fresh.token)?.operator.id).toBe(planner.id)
  })
})

describe('the sessionIdleMinutes setting', () => {
  it('takes whole minutes from 5 to 720 and refuses anything else in Chinese, changing nothing', () => {
    expect(updateSettings(t.db, { sessionIdleMinutes: 720 }, t.admin).sessionIdleMinutes).toBe(720)
    const before = dumpDb(t.db)
    expect(() => updateSettings(t.db, { sessionIdleMinutes: 4 }, t.admin)).toThrow('无操作自动退出分钟数：至少 5 分钟')
    expect(() => updateSettings(t.db, { sessionIdleMinutes: 721 }, t.admin)).toThrow('最多 720 分钟')
    expect(() => updateSettings(t.db, { sessionIdleMinutes: 7.5 }, t.admin)).toThrow('须为整分钟')
    expect(dumpDb(t.db)).toEqual(before)
  })
})

describe('sessions end when the operator changes', () => {
  const both = () => {
    const mine = beginSession(t.db, clerk, desk)
    const theirs = beginSession(t.db, planner, desk)
    return { mine, theirs }
  }

  it.each([
    ['a new password', { password: 'newpass99' }],
    ['a new role', { role: 'viproom' as const }],
    ['deactivation', { active: false }],
  ])('%s ends all of that operator’s sessions, in the audited change', (_what, change) => {
    const { mine, theirs } = both()
    beginSession(t.db, clerk, { address: '192.168.1.24' })
    updateOperator(t.db, { id: clerk.id, ...change }, t.admin)
    expect(sessionOperator(t.db, mine.token)).toBeNull()
    expect(sessionOperator(t.db, theirs.token)?.operator.id).toBe(planner.id)
    expect(rows().map((r) => r.operator_id)).toEqual([planner.id])
    const entry = listAudit(t.db, { entity: 'operator', entityId: String(clerk.id) }).rows[0]!
    expect(entry).toMatchObject({ action: 'update', operatorName: 'admin' })
    expect(entry.summary).toContain('结束其 2 个登录')
  })

  it('keeps them when nothing changes, and when the change is refused', () => {
    const { mine } = both()
    updateOperator(t.db, { id: clerk.id, role: 'clerk', active: true }, t.admin)
    expect(sessionOperator(t.db, mine.token)).not.toBeNull()
    const adminInfo = { ...clerk, id: t.admin.id!, name: 'admin', role: 'admin' as const, roleLabel: '管理员' }
    const adminSession = beginSession(t.db, adminInfo, desk)
    const before = dumpDb(t.db)
    expect(() => updateOperator(t.db, { id: t.admin.id!, active: false }, t.admin)).toThrow('至少要保留一个')
    expect(dumpDb(t.db)).toEqual(before)
    expect(sessionOperator(t.db, adminSession.token)?.operator.name).toBe('admin')
  })

  it('a deactivated operator found by a still-open session is refused (written straight to the table)', () => {
    const s = beginSession(t.db, clerk, desk)
    t.db.sqlite.prepare('UPDATE operators SET active = 0 WHERE id = ?').run(clerk.id)
    expect(sessionOperator(t.db, s.token)).toBeNull()
    expect(rows()).toEqual([])
  })
})

describe('ending sessions', () => {
  it('endSession logs one desk out, audited with its address; a second time does nothing', () => {
    const s = beginSession(t.db, clerk, desk)
    const other = beginSession(t.db, clerk, { address: '192.168.1.50' })
    expect(endSession(t.db, s.token)).toBe(true)
    expect(sessionOperator(t.db, s.token)).toBeNull()
    expect(sessionOperator(t.db, other.token)).not.toBeNull()
    expect(listAudit(t.db, { entity: 'operator' }).rows[0]).toMatchObject({
      action: 'logout',
      operatorName: '文员小李',
      entityId: String(clerk.id),
      summary: '退出登录（来自 192.168.1.23）',
    })
    const before = dumpDb(t.db)
    expect(endSession(t.db, s.token)).toBe(false)
    expect(endSession(t.db, 'not a token')).toBe(false)
    expect(dumpDb(t.db)).toEqual(before)
  })

  it('endSessionsOf ends one operator’s sessions; endAllSessions ends everyone’s; both audited', () => {
    const a = beginSession(t.db, clerk, desk)
    const b = beginSession(t.db, clerk, desk)
    const c = beginSession(t.db, planner, desk)
    expect(endSessionsOf(t.db, clerk.id, t.admin)).toBe(2)
    expect([a, b, c].map((s) => sessionOperator(t.db, s.token)?.operator.id ?? null)).toEqual([null, null, planner.id])
    expect(listAudit(t.db, {}).rows[0]).toMatchObject({
      action: 'logout',
      operatorName: 'admin',
      summary: '结束 文员小李 的 2 个登录',
    })
    expect(() => endSessionsOf(t.db, 999)).toThrow('找不到该操作员')
    expect(endAllSessions(t.db)).toBe(1)
    expect(rows()).toEqual([])
    expect(listAudit(t.db, {}).rows[0]).toMatchObject({ action: 'logout', operatorName: '系统', entity: 'session' })
    const before = dumpDb(t.db)
    expect(endAllSessions(t.db)).toBe(0)
    expect(dumpDb(t.db)).toEqual(before)
  })
})

describe('a session read while another connection holds the write lock (a long import)', () => {
  it('still answers who is logged in, and moves the idle clock on at a later call', () => {
    const { token } = beginSession(t.db, clerk, desk)
    const seenAt = rows()[0]!.last_seen_at
    t.db.sqlite.pragma('busy_timeout = 0')
    const importer = openDatabase(t.file, { now: () => at(0) })
    try {
      importer.sqlite.prepare('BEGIN IMMEDIATE').run()
      t.setNow(at(5 * MIN))
      expect(sessionOperator(t.db, token)?.operator.name).toBe('文员小李')
      importer.sqlite.prepare('ROLLBACK').run()
    } finally {
      closeDatabase(importer)
    }
    expect(rows()[0]!.last_seen_at).toBe(seenAt)
    expect(sessionOperator(t.db, token)?.operator.name).toBe('文员小李')
    expect(rows()[0]!.last_seen_at).toBe(at(5 * MIN).getTime())
  })
})
