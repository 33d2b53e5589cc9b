import { mkdtempSync, readdirSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Sqlite from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { APPLICATION_ID, closeDatabase, defaultMigrationsFolder, openDatabase } from '../../db/open'
import { knownVersion } from '../../db/journal'
import { runCliCaptured } from '../support/cli'
import { fileHash } from '../support/fileHash'

let dir: string
let dbFile: string
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vipdesk-restore-'))
  dbFile = join(dir, 'vipdesk.sqlite')
  await withDb('seed', '--members', '30')
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const withDb = (...args: string[]) => runCliCaptured(['--db', dbFile, ...args], { cwd: dir })
const members = () => {
  const db = openDatabase(dbFile)
  try {
    return db.sqlite.prepare('SELECT count(*) FROM members').pluck().get()
  } finally {
    closeDatabase(db)
  }
}

async function backupWith30(): Promise<string> {
  const file = join(dir, 'copies', 'backup.sqlite')
  expect((await withDb('backup', file)).code).toBe(0)
  return file
}

/** Restores `file` through the command line and asserts it was refused with `message`, changing nothing. */
async function expectRefused(file: string, message: RegExp) {
  await withDb('seed', '--members', '5')
  const before = fileHash(dbFile)
  const r = await withDb('--json', 'restore', file)
  expect(r.code).toBe(1)
  expect(fileHash(dbFile)).toBe(before)
  expect(members()).toBe(35)
  expect(fileHash(dbFile)).toBe(before)
  const error = JSON.parse(r.stdout).error
  expect(error.message).toMatch(message)
  expect(error.message).toMatch(/未做任何修改/)
  // Nothing half-done is left beside the database.
  expect(readdirSync(dir).filter((f) => f.startsWith('vipdesk.sqlite'))).toEqual(['vipdesk.sqlite'])
}

describe('a restore refuses a backup it cannot use, before touching the live file', () => {
  it('refuses a backup made by a newer vipdesk', async () => {
    const file = await backupWith30()
    const raw = new Sqlite(file)
    raw.pragma('user_version = 999')
    raw.close()
    await expectRefused(file, /更新版本的 vipdesk/)
  })

  it('refuses a SQLite file that is not a vipdesk database', async () => {
    const file = join(dir, 'invoices.sqlite')
    const raw = new Sqlite(file)
    raw.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY, total INTEGER); INSERT INTO invoices VALUES (1, 99)')
    raw.close()
    await expectRefused(file, /不是 vipdesk 数据库备份/)
  })

  it('refuses a file that carries our application id but none of our tables', async () => {
    const file = join(dir, 'hollow.sqlite')
    const raw = new Sqlite(file)
    raw.pragma(`application_id = ${APPLICATION_ID}`)
    raw.pragma(`user_version = ${knownVersion(defaultMigrationsFolder())}`)
    raw.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY)')
    raw.close()
    await expectRefused(file, /缺少数据表.*members/)
  })

  it('refuses a truncated backup', async () => {
    const file = await backupWith30()
    truncateSync(file, Math.floor(statSync(file).size * 0.6))
    await expectRefused(file, /已损坏/)
  })
})

describe('a good restore', () => {
  it('keeps every safety copy: two restores in a row leave two', async () => {
    const file = await backupWith30()
    expect((await withDb('restore', file)).code).toBe(0)
    expect((await withDb('restore', file)).code).toBe(0)
    const safety = readdirSync(join(dir, 'backups')).filter((f) => f.startsWith('vipdesk-before-restore-'))
    expect(safety).toHaveLength(2)
    expect(members()).toBe(30)
  })

  it('replaces a live file that is damaged beyond opening', async () => {
    const file = await backupWith30()
    writeFileSync(dbFile, 'not a database any more '.repeat(400))
    const r = await withDb('--json', 'restore', file)
    expect(r.code).toBe(0)
    expect(members()).toBe(30)
  })
})
