import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Sqlite from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { closeDatabase, defaultMigrationsFolder, openDatabase } from '../../db/open'
import { createMember, replaceCard } from '../../db/services/members'
import { setupAdmin, toActor } from '../../db/services/operators'
import { fileHash } from '../support/fileHash'

let dir: string
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'vipdesk-open-'))))
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('opening a database file', () => {
  it('creates a new database with WAL and foreign keys on', () => {
    const db = openDatabase(join(dir, 'new.sqlite'))
    expect(db.sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
    closeDatabase(db)
  })

  it('refuses a SQLite file that is not a vipdesk database and leaves it untouched', () => {
    const file = join(dir, 'other.sqlite')
    const other = new Sqlite(file)
    other.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY, total INTEGER); INSERT INTO invoices VALUES (1, 99)')
    other.close()
    const before = readFileSync(file)
    expect(() => openDatabase(file)).toThrow(/不是 vipdesk 数据库/)
    expect(readFileSync(file).equals(before)).toBe(true)
  })

  it('refuses a file that is not SQLite at all', () => {
    const file = join(dir, 'notes.sqlite')
    writeFileSync(file, 'these are not the tables you are looking for '.repeat(200))
    expect(() => openDatabase(file)).toThrow(/不是 vipdesk 数据库/)
  })

  it('refuses a database made by a newer vipdesk', () => {
    const file = join(dir, 'newer.sqlite')
    closeDatabase(openDatabase(file))
    const raw = new Sqlite(file)
    raw.pragma('user_version = 999')
    raw.close()
    expect(() => openDatabase(file)).toThrow(/更新版本/)
  })
})

/**
 * A migration that rebuilds the members table the way drizzle-kit does (new table, copy, drop,
 * rename). With foreign keys on, the DROP would cascade or fail; openDatabase must keep every row.
 */
function rebuildMembersSql(folder: string): string {
  const init = readFileSync(join(folder, '0000_init.sql'), 'utf8')
  const create = init.split('--> statement-breakpoint').find((s) => s.includes('CREATE TABLE `members`'))!
  const columns = [...create.matchAll(/^\s*`(\w+)`/gm)].map((m) => `\`${m[1]}\``).join(', ')
  const newTable = create
    .replace('CREATE TABLE `members`', 'CREATE TABLE `__new_members`')
    .replace('NOT NULL,', 'NOT NULL,\n\t`nickname` text,')
  return [
    newTable,
    `INSERT INTO \`__new_members\` (${columns}) SELECT ${columns} FROM \`members\`;`,
    'DROP TABLE `members`;',
    'ALTER TABLE `__new_members` RENAME TO `members`;',
  ].join('\n--> statement-breakpoint\n')
}

/** The real migrations plus one more, `sql` (by default the members rebuild above). */
function folderWithExtraMigration(sql?: string): string {
  const folder = join(dir, 'migrations')
  cpSync(defaultMigrationsFolder(), folder, { recursive: true })
  const journalFile = join(folder, 'meta', '_journal.json')
  const journal = JSON.parse(readFileSync(journalFile, 'utf8'))
  const last = journal.entries[journal.entries.length - 1]
  const tag = '9999_extra'
  journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1, tag })
  writeFileSync(journalFile, JSON.stringify(journal))
  writeFileSync(join(folder, `${tag}.sql`), sql ?? rebuildMembersSql(folder))
  return folder
}

describe('migrating a populated database', () => {
  it('keeps every member and card row, and backs the file up first', () => {
    const file = join(dir, 'live.sqlite')
    const db = openDatabase(file)
    const admin = toActor(setupAdmin(db, { name: 'admin', password: 'secret123' }))
    for (let i = 0; i < 30; i++) createMember(db, { cardNo: `M${1000 + i}`, name: `会员${i}` }, admin)
    replaceCard(db, { id: 1, newCardNo: 'M9999' }, admin)
    const count = (sql: string) => db.sqlite.prepare(sql).pluck().get()
    const before = [count('SELECT count(*) FROM members'), count('SELECT count(*) FROM member_cards')]
    closeDatabase(db)

    const migrated = openDatabase(file, { migrationsFolder: folderWithExtraMigration() })
    const after = [
      migrated.sqlite.prepare('SELECT count(*) FROM members').pluck().get(),
      migrated.sqlite.prepare('SELECT count(*) FROM member_cards').pluck().get(),
    ]
    expect(after).toEqual(before)
    expect(migrated.sqlite.pragma('foreign_key_check')).toEqual([])
    expect(migrated.sqlite.prepare('SELECT nickname FROM members LIMIT 1').get()).toEqual({ nickname: null })
    closeDatabase(migrated)
    const backups = readdirSync(join(dir, 'backups'))
    expect(backups.some((f) => f.startsWith('vipdesk-pre-migrate-'))).toBe(true)
  })

  it('does not back up or migrate when the schema is already current', () => {
    const file = join(dir, 'current.sqlite')
    closeDatabase(openDatabase(file))
    closeDatabase(openDatabase(file))
    expect(existsSync(join(dir, 'backups'))).toBe(false)
  })
})

describe('a migration that fails', () => {
  const broken = {
    'a statement that fails':
      'CREATE TABLE half_done (id integer);\n--> statement-breakpoint\nINSERT INTO no_such_table VALUES (1);',
    'a row that breaks a reference':
      "INSERT INTO member_cards (card_no, member_id, status, issued_at) VALUES ('X9999', 999999, 'active', 0);",
  }
  for (const [what, sql] of Object.entries(broken)) {
    it(`puts the file back exactly as it was (${what})`, () => {
      const file = join(dir, 'live.sqlite')
      const db = openDatabase(file)
      const admin = toActor(setupAdmin(db, { name: 'admin', password: 'secret123' }))
      for (let i = 0; i < 20; i++) createMember(db, { cardNo: `M${1000 + i}`, name: `会员${i}` }, admin)
      closeDatabase(db)
      const before = fileHash(file)

      expect(() => openDatabase(file, { migrationsFolder: folderWithExtraMigration(sql) })).toThrow(
        /数据库升级失败.*已恢复到升级前的状态/,
      )
      expect(fileHash(file)).toBe(before)
      const again = openDatabase(file)
      expect(again.sqlite.prepare('SELECT count(*) FROM members').pluck().get()).toBe(20)
      expect(again.sqlite.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'").pluck().get()).toBe(0)
      closeDatabase(again)
      expect(fileHash(file)).toBe(before)
    })
  }
})
