import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { backupDatabase } from '../../db/backup'
import { closeDatabase, defaultMigrationsFolder, openDatabase } from '../../db/open'
import { restoreDatabase } from '../../db/restore'
import { createMember } from '../../db/services/members'
import { makeTestDb, type TestDb } from '../support/db'
import { fileHash } from '../support/fileHash'

let t: TestDb
let backup: string
let before: string
beforeEach(() => {
  t = makeTestDb()
  createMember(t.db, { cardNo: 'B0001', name: '备份前' }, t.admin)
  backup = join(t.dir, 'backup.sqlite')
  backupDatabase(t.db, backup)
  createMember(t.db, { cardNo: 'B0002', name: '备份后' }, t.admin)
  closeDatabase(t.db)
  before = fileHash(t.file)
})
afterEach(() => {
  t.db = openDatabase(t.file)
  t.close()
})

const safetyCopies = () => readdirSync(join(t.dir, 'backups')).filter((f) => f.startsWith('vipdesk-before-restore-'))
const cards = () => {
  const db = openDatabase(t.file)
  try {
    return db.sqlite.prepare('SELECT card_no FROM members ORDER BY card_no').pluck().all()
  } finally {
    closeDatabase(db)
  }
}

describe('when the restored file will not open, the original goes back byte for byte', () => {
  it('after a failure injected into the reopen', () => {
    const open = () => {
      throw new Error('注入的故障')
    }
    expect(() => restoreDatabase(t.file, backup, { open })).toThrow(/注入的故障.*已放回恢复前的数据库/)
    expect(fileHash(t.file)).toBe(before)
    expect(readdirSync(t.dir).filter((f) => f.startsWith('vipdesk.sqlite'))).toEqual(['vipdesk.sqlite'])
    expect(safetyCopies()).toEqual([])
    expect(cards()).toEqual(['B0001', 'B0002'])
  })

  it('after the restored file failed to migrate', () => {
    // The backup is one schema version behind, and the migration that would bring it up fails.
    const folder = join(t.dir, 'migrations')
    cpSync(defaultMigrationsFolder(), folder, { recursive: true })
    const journalFile = join(folder, 'meta', '_journal.json')
    const journal = JSON.parse(readFileSync(journalFile, 'utf8'))
    const last = journal.entries[journal.entries.length - 1]
    journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1, tag: '9999_broken' })
    writeFileSync(journalFile, JSON.stringify(journal))
    writeFileSync(join(folder, '9999_broken.sql'), 'INSERT INTO no_such_table VALUES (1);')
    const open = (file: string) => openDatabase(file, { migrationsFolder: folder })
    expect(() => restoreDatabase(t.file, backup, { migrationsFolder: folder, open })).toThrow(
      /no such table.*已放回恢复前的数据库/,
    )
    expect(fileHash(t.file)).toBe(before)
    expect(cards()).toEqual(['B0001', 'B0002'])
  })
})

describe('safety copies', () => {
  it('never overwrite one another, even two restores in the same millisecond', () => {
    const now = () => new Date('2026-11-23T07:30:00+08:00')
    const open = (file: string) => closeDatabase(openDatabase(file))
    const first = restoreDatabase(t.file, backup, { now, open }).safetyCopy!
    const second = restoreDatabase(t.file, backup, { now, open }).safetyCopy!
    expect(safetyCopies().sort()).toEqual([
      'vipdesk-before-restore-20261123-073000-000-2.sqlite',
      'vipdesk-before-restore-20261123-073000-000.sqlite',
    ])
    // The first is the original file itself, untouched.
    expect(fileHash(first)).toBe(before)
    expect(second).not.toBe(first)
    expect(cards()).toEqual(['B0001'])
  })
})
