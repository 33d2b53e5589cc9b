import { existsSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { backupDatabase, rotateDailyBackup } from '../../db/backup'
import { restoreDatabase } from '../../db/restore'
import { closeDatabase, openDatabase } from '../../db/open'
import { createMember, listMembers } from '../../db/services/members'
import { createOperator, login, setupAdmin, updateOperator } from '../../db/services/operators'
import { dumpDb, makeTestDb, type TestDb } from '../support/db'

let t: TestDb
beforeEach(() => (t = makeTestDb()))
afterEach(() => t.close())

describe('daily backups', () => {
  it('writes at most one a day and keeps the newest fourteen', () => {
    const dir = join(t.dir, 'backups')
    for (let day = 1; day <= 20; day++) {
      t.setNow(new Date(`2026-11-${String(day).padStart(2, '0')}T09:00:00+08:00`))
      rotateDailyBackup(t.db, dir, 14)
      expect(rotateDailyBackup(t.db, dir, 14)).toBeUndefined()
    }
    const files = readdirSync(dir).sort()
    expect(files).toHaveLength(14)
    expect(files[0]).toBe('vipdesk-daily-20261107.sqlite')
    expect(files[13]).toBe('vipdesk-daily-20261120.sqlite')
  })
  it("is named for the store's day, not the machine's", () => {
    // 07:30 on 23 November in Shanghai is still the 22nd in UTC and in Los Angeles.
    t.setNow(new Date('2026-11-22T23:30:00Z'))
    const file = rotateDailyBackup(t.db, join(t.dir, 'backups'))
    expect(file?.endsWith('vipdesk-daily-20261123.sqlite')).toBe(true)
  })
})

describe('backup and restore', () => {
  it('brings back the data as it was at backup time and keeps a safety copy', () => {
    createMember(t.db, { cardNo: 'B0001', name: '备份前' }, t.admin)
    const file = join(t.dir, 'manual.sqlite')
    backupDatabase(t.db, file)
    createMember(t.db, { cardNo: 'B0002', name: '备份后' }, t.admin)
    closeDatabase(t.db)
    const { safetyCopy, opened } = restoreDatabase(t.file, file, { open: (f) => openDatabase(f) })
    expect(safetyCopy && existsSync(safetyCopy)).toBe(true)
    expect(listMembers(opened, {}).rows.map((r) => r.cardNo)).toEqual(['B0001'])
    t.db = opened
  })
  it('refuses a file that is not a vipdesk backup and changes nothing', () => {
    const before = dumpDb(t.db)
    const bogus = join(t.dir, 'bogus.sqlite')
    writeFileSync(bogus, 'not a database')
    const open = () => expect.unreachable('the live file must not be reopened')
    expect(() => restoreDatabase(t.file, bogus, { open })).toThrow(/不是 vipdesk 数据库备份/)
    expect(dumpDb(t.db)).toEqual(before)
  })
})

describe('operators', () => {
  it('creates the administrator only once', () => {
    expect(() => setupAdmin(t.db, { name: 'second', password: 'secret123' })).toThrow(/已经创建/)
  })
  it('stores a scrypt hash, never the password', () => {
    const row = t.db.sqlite.prepare("SELECT password_hash FROM operators WHERE name = 'admin'").pluck().get() as string
    expect(row.startsWith('scrypt$')).toBe(true)
    expect(row).not.toContain('secret123')
  })
  it('logs in with the right password only, and not when deactivated', () => {
    const clerk = createOperator(t.db, { name: '文员小李', password: 'pass1234', role: 'clerk' }, t.admin)
    expect(login(t.db, { name: '文员小李', password: 'pass1234' }).roleLabel).toBe('文员')
    expect(() => login(t.db, { name: '文员小李', password: 'wrong' })).toThrow('用户名或密码不正确')
    updateOperator(t.db, { id: clerk.id, active: false }, t.admin)
    expect(() => login(t.db, { name: '文员小李', password: 'pass1234' })).toThrow(/停用/)
  })
  it('keeps at least one active administrator', () => {
    expect(() => updateOperator(t.db, { id: t.admin.id!, role: 'clerk' }, t.admin)).toThrow(/至少要保留一个/)
  })
})
