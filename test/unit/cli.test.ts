import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { redact } from '../../db/cli/io'
import { closeDatabase, openDatabase } from '../../db/open'
import { listAudit } from '../../db/services/audit'
import { createOperator, setupAdmin, toActor } from '../../db/services/operators'
import { runCliCaptured } from '../support/cli'

let dir: string
let dbFile: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vipdesk-cli-'))
  dbFile = join(dir, 'vipdesk.sqlite')
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const cli = (args: string[], env: Record<string, string> = {}) => runCliCaptured(args, { cwd: dir, env })
const withDb = (...args: string[]) => cli(['--db', dbFile, ...args])

function inDb<T>(fn: (db: ReturnType<typeof openDatabase>) => T): T {
  const db = openDatabase(dbFile)
  try {
    return fn(db)
  } finally {
    closeDatabase(db)
  }
}

const RECORD_KEYS = [
  'cardNo',
  'name',
  'gender',
  'phone',
  'birthday',
  'birthdayCalendar',
  'birthdayLeapMonth',
  'idNumber',
  'province',
  'city',
  'district',
  'address',
  'postalCode',
  'tier',
  'status',
  'points',
]

describe('cli: seed and members list', () => {
  it('seeds, then lists every member as the promised JSON, ordered by card number, and audits it', async () => {
    const seeded = await withDb('--json', 'seed', '--members', '120', '--seed', '9')
    expect(seeded).toMatchObject({ code: 0, stderr: '' })
    expect(JSON.parse(seeded.stdout)).toEqual({ members: 120 })

    const listed = await withDb('members', 'list', '--json')
    expect(listed.code).toBe(0)
    const list = JSON.parse(listed.stdout) as Record<string, unknown>[]
    expect(list).toHaveLength(120)
    const cards = list.map((m) => m.cardNo as string)
    expect([...cards].sort()).toEqual(cards)
    for (const m of list) {
      expect(Object.keys(m)).toEqual(RECORD_KEYS)
      expect(typeof m.cardNo).toBe('string')
      expect(typeof m.name).toBe('string')
      expect([null, '男', '女']).toContain(m.gender)
      if (m.phone !== null) expect(m.phone).toMatch(/^1[3-9]\d{9}$/)
      expect(m.birthday).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      expect(['solar', 'lunar']).toContain(m.birthdayCalendar)
      expect(typeof m.birthdayLeapMonth).toBe('boolean')
      if (m.idNumber !== null) expect(m.idNumber).toMatch(/^\d{17}[\dX]$/)
      for (const k of ['province', 'city', 'district', 'address', 'postalCode']) {
        expect(m[k] === null || typeof m[k] === 'string').toBe(true)
      }
      expect(typeof m.tier).toBe('string')
      expect(typeof m.status).toBe('string')
      expect(Number.isInteger(m.points)).toBe(true)
    }
    const audit = inDb((db) => listAudit(db, { entity: 'member' }).rows.map((a) => a.action))
    expect(audit).toEqual(['export', 'seed'])
  })

  it('prints an empty array for an empty database, and a table with masked phones without --json', async () => {
    await withDb('seed', '--members', '30')
    const table = await withDb('members', 'list')
    expect(table.code).toBe(0)
    expect(table.stdout).toContain('卡号')
    expect(table.stdout).toContain('共 30 名会员')
    expect(table.stdout).toMatch(/1\d\d\*\*\*\*\d{4}/)
    expect(table.stdout).not.toMatch(/1[3-9]\d{9}/)
    // The masked table is not an audited disclosure.
    expect(inDb((db) => listAudit(db, { entity: 'member' }).rows.map((a) => a.action))).toEqual(['seed'])

    const empty = join(dir, 'empty.sqlite')
    closeDatabase(openDatabase(empty))
    expect(JSON.parse((await cli(['--db', empty, '--json', 'members', 'list'])).stdout)).toEqual([])
  })

  it('takes the database from VIPDESK_DB, relative to the working directory', async () => {
    const r = await cli(['--json', 'seed', '--members', '5'], { VIPDESK_DB: 'from-env.sqlite' })
    expect(r.code).toBe(0)
    expect(existsSync(join(dir, 'from-env.sqlite'))).toBe(true)
  })
})

describe('cli: backup and restore', () => {
  it('restores a backup over later changes, keeps a safety copy and records the restore', async () => {
    await withDb('seed', '--members', '40')
    const backup = join(dir, 'copies', 'monday.sqlite')
    const b = await withDb('--json', 'backup', backup)
    expect(b.code).toBe(0)
    expect(JSON.parse(b.stdout)).toEqual({ file: resolve(backup) })
    await withDb('seed', '--members', '25')
    expect(inDb((db) => db.sqlite.prepare('SELECT count(*) FROM members').pluck().get())).toBe(65)

    const r = await withDb('--json', 'restore', backup)
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout)
    expect(out).toMatchObject({ restored: true, file: dbFile, members: 40 })
    expect(existsSync(out.safetyCopy)).toBe(true)
    expect(readdirSync(join(dir, 'backups')).some((f) => f.includes('before-restore'))).toBe(true)
    const after = inDb((db) => ({
      members: db.sqlite.prepare('SELECT count(*) FROM members').pluck().get(),
      actions: listAudit(db, {}).rows.map((a) => a.action),
    }))
    expect(after.members).toBe(40)
    expect(after.actions.slice(0, 2)).toEqual(['restore', 'seed'])
  })

  it('refuses to restore a file that is not a vipdesk database and changes nothing', async () => {
    await withDb('seed', '--members', '10')
    const junk = join(dir, 'junk.sqlite')
    writeFileSync(junk, 'not a database at all')
    const r = await withDb('--json', 'restore', junk)
    expect(r.code).toBe(1)
    expect(JSON.parse(r.stdout).error.kind).toBe('database')
    expect(inDb((db) => db.sqlite.prepare('SELECT count(*) FROM members').pluck().get())).toBe(10)
  })
})

describe('cli: errors and exit codes', () => {
  it('prints usage for help and for no command', async () => {
    for (const args of [[], ['help'], ['--help']]) {
      const r = await cli(args)
      expect(r.code).toBe(0)
      expect(r.stdout).toContain('seed --members N')
      expect(r.stdout).toContain('import members FILE')
    }
  })

  it('exits 2 for unknown commands, options and missing arguments, with a JSON error under --json', async () => {
    const cases = [
      ['frobnicate'],
      ['members', 'delete'],
      ['seed'],
      ['seed', '--members', 'many'],
      ['backup'],
      ['backup', 'a.sqlite', '--members', '3'],
      ['members', 'list', '--colour'],
      ['export', 'members', 'out.txt'],
    ]
    for (const args of cases) {
      const r = await withDb('--json', ...args)
      expect(r.code, args.join(' ')).toBe(2)
      expect(JSON.parse(r.stdout).error.kind).toBe('usage')
      expect(r.stderr).toContain('help')
    }
  })

  it('asks for --db when neither it nor VIPDESK_DB is given', async () => {
    const r = await cli(['members', 'list'])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('--db')
    expect(r.stdout).toBe('')
  })

  it('exits 1 for an unknown operator and for a role the app would refuse', async () => {
    await withDb('seed', '--members', '5')
    const unknown = await withDb('--json', '--operator', '无此人', 'members', 'list')
    expect(unknown.code).toBe(1)
    expect(JSON.parse(unknown.stdout)).toEqual({ error: { kind: 'not_found', message: '找不到操作员"无此人"' } })

    inDb((db) => {
      const admin = toActor(setupAdmin(db, { name: 'admin', password: 'secret123' }))
      createOperator(db, { name: '小文', password: 'secret123', role: 'clerk' }, admin)
    })
    const backup = await withDb('--json', '--operator', '小文', 'backup', join(dir, 'b.sqlite'))
    expect([backup.code, JSON.parse(backup.stdout).error.kind]).toEqual([1, 'forbidden'])
    const full = await withDb('--json', '--operator', '小文', 'members', 'list')
    expect([full.code, JSON.parse(full.stdout).error.kind]).toEqual([1, 'forbidden'])
    expect((await withDb('--operator', '小文', 'members', 'list')).code).toBe(0)

    const ok = await withDb('--json', '--operator', 'admin', 'backup', join(dir, 'b.sqlite'))
    expect(ok.code).toBe(0)
    expect(inDb((db) => listAudit(db, { entity: 'database' }).rows[0]?.operatorName)).toBe('admin')
  })

  it('reports a missing database or file without creating it', async () => {
    const r = await withDb('--json', 'members', 'list')
    expect([r.code, JSON.parse(r.stdout).error.kind]).toEqual([1, 'not_found'])
    expect(existsSync(dbFile)).toBe(false)
    const i = await withDb('--json', 'import', 'members', 'nowhere.csv')
    expect([i.code, JSON.parse(i.stdout).error.kind]).toEqual([1, 'not_found'])
  })

  it('never prints a phone or ID number in error text', () => {
    expect(redact('坏行：13812345678 与 110105199007020025')).toBe('坏行：138****5678 与 110105********0025')
    expect(redact('卡号 860100000014 已被使用')).toBe('卡号 860100000014 已被使用')
  })
})

describe('cli: import', () => {
  it('imports a CSV and prints exactly inserted/updated/rejected', async () => {
    const csv = join(dir, '会员.csv')
    writeFileSync(
      csv,
      '\uFEFF卡号,姓名,手机,生日\nV0001,张三,13912345678,1990-01-02\nV0002,李四,12345,1991-02-03\nV0003,王五,,农历1988-08-15\n',
    )
    const r = await withDb('--json', 'import', 'members', csv)
    expect(r.stderr).toBe('')
    // Partly imported: a script must not take it for done.
    expect(r.code).toBe(1)
    const out = JSON.parse(r.stdout)
    expect(Object.keys(out)).toEqual(['inserted', 'updated', 'rejected'])
    expect(out).toMatchObject({ inserted: 2, updated: 0 })
    expect(out.rejected).toHaveLength(1)
    expect(Object.keys(out.rejected[0])).toEqual(['row', 'column', 'reason'])
    expect(out.rejected[0].row).toBe(3)

    const again = await withDb('import', 'members', csv)
    expect(again.code).toBe(1)
    expect(again.stdout).toContain('未导入 1 行')
    expect(again.stdout).toContain('第 3 行')
  })
})

describe('cli: export', () => {
  it('exports every member in full to CSV, which imports back into a new database unchanged', async () => {
    await withDb('seed', '--members', '60', '--seed', '4')
    const csv = join(dir, 'all.csv')
    const r = await withDb('--json', 'export', 'members', csv)
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toEqual({ file: csv, count: 60 })
    const copy = join(dir, 'copy.sqlite')
    const imported = await cli(['--db', copy, '--json', 'import', 'members', csv])
    expect(JSON.parse(imported.stdout)).toEqual({ inserted: 60, updated: 0, rejected: [] })
    const original = JSON.parse((await withDb('--json', 'members', 'list')).stdout)
    const roundTrip = JSON.parse((await cli(['--db', copy, '--json', 'members', 'list'])).stdout)
    expect(roundTrip).toEqual(original)
  })
})

describe('cli: the real entry point', () => {
  it('runs under tsx as `npm run cli` does', () => {
    const r = spawnSync('npx', ['tsx', 'db/cli/main.ts', '--db', dbFile, '--json', 'seed', '--members', '15'], {
      cwd: resolve(__dirname, '../..'),
      encoding: 'utf8',
    })
    expect(r.status, r.stderr).toBe(0)
    expect(JSON.parse(r.stdout)).toEqual({ members: 15 })
    const bad = spawnSync('npx', ['tsx', 'db/cli/main.ts', '--db', dbFile, 'nonsense'], {
      cwd: resolve(__dirname, '../..'),
      encoding: 'utf8',
    })
    expect(bad.status).toBe(2)
  })
})
