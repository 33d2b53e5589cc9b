import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { closeDatabase, openDatabase } from '../../db/open'
import { restoreDatabase } from '../../db/restore'
import { runCliCaptured } from '../support/cli'
import { holdDatabase, type Holder } from '../support/dbHolder'
import { fileHash } from '../support/fileHash'

let dir: string
let dbFile: string
let backup: string
let holder: Holder | undefined
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vipdesk-restore-lock-'))
  dbFile = join(dir, 'vipdesk.sqlite')
  backup = join(dir, 'backup.sqlite')
  await withDb('seed', '--members', '10')
  await withDb('backup', backup)
  await withDb('seed', '--members', '5')
})
afterEach(async () => {
  await holder?.stop()
  holder = undefined
  rmSync(dir, { recursive: true, force: true })
})

const withDb = (...args: string[]) => runCliCaptured(['--db', dbFile, ...args], { cwd: dir })
const IN_USE = '数据库正被其他程序使用（例如命令行导入或另一个 vipdesk 窗口），请先关闭后再恢复。未做任何修改。'

function read<T>(sql: string): T {
  const db = openDatabase(dbFile)
  try {
    return db.sqlite.prepare(sql).pluck().get() as T
  } finally {
    closeDatabase(db)
  }
}

describe('a restore while another program has the database open', () => {
  for (const mode of ['reader', 'writer'] as const) {
    it(`is refused while another process holds a connection (${mode}) and loses none of its work`, async () => {
      holder = await holdDatabase(dbFile, mode)
      const before = fileHash(dbFile)
      const r = await withDb('--json', 'restore', backup)
      expect(r.code).toBe(1)
      expect(fileHash(dbFile)).toBe(before)
      expect(JSON.parse(r.stdout).error.message).toBe(IN_USE)
      await holder.commit()
      expect(read<number>('SELECT count(*) FROM members')).toBe(15)
      if (mode === 'writer') expect(read<string>("SELECT value FROM settings WHERE key = 'holderWork'")).toBe('1')
    })
  }

  it('is refused while a connection of this same process is open', () => {
    const other = openDatabase(dbFile)
    try {
      const open = () => expect.unreachable('nothing may be swapped in')
      expect(() => restoreDatabase(dbFile, backup, { open })).toThrow(IN_USE)
      expect(other.sqlite.prepare('SELECT count(*) FROM members').pluck().get()).toBe(15)
    } finally {
      closeDatabase(other)
    }
  })

  it('goes ahead once the other program has closed', async () => {
    holder = await holdDatabase(dbFile, 'reader')
    await holder.commit()
    expect((await withDb('restore', backup)).code).toBe(0)
    expect(read<number>('SELECT count(*) FROM members')).toBe(10)
  })
})
