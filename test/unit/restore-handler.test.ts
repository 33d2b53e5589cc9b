import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { createRequire } from 'node:module'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { backupDatabase } from '../../db/backup'
import { closeDatabase, openDatabase, type OpenOptions } from '../../db/open'
import { createMember } from '../../db/services/members'
import type { AppState } from '../../server/core/context'
import { makeTestDb, type TestDb } from '../support/db'
import { dispatcherFor, testShell, testState } from '../support/dispatcher'
import { fileHash } from '../support/fileHash'

let t: TestDb
let backup: string
beforeEach(() => {
  t = makeTestDb()
  createMember(t.db, { cardNo: 'B0001', name: '备份前' }, t.admin)
  backup = join(t.dir, 'backup.sqlite')
  backupDatabase(t.db, backup)
  createMember(t.db, { cardNo: 'B0002', name: '备份后' }, t.admin)
})
afterEach(() => t.close())

/**
 * Main's state as index.ts builds it, over the test file: `openOptions` is what a restore must
 * use; the state's own connection opens with the Node build (`failReopen` makes the next reopen
 * throw, as a restored file that will not open would).
 */
function appState(openOptions: OpenOptions, failReopen = { next: false }): AppState {
  const state: AppState = {
    ...testState(t),
    openOptions,
    reopen() {
      closeDatabase(state.db)
      if (failReopen.next) {
        failReopen.next = false
        throw new Error('注入的故障')
      }
      state.db = openDatabase(t.file)
      t.db = state.db
    },
  }
  return state
}

async function restoreThrough(state: AppState) {
  const d = await dispatcherFor(t, testShell({ pickOpenFile: async () => backup }), { 1: 'admin' }, { state })
  return d.dispatch('data:restore', undefined, 1)
}

const cards = () => t.db.sqlite.prepare('SELECT card_no FROM members ORDER BY card_no').pluck().all()

/** The live file's bytes with the app's connection closed (closing folds the WAL in). */
function settledHash(state: AppState): string {
  state.reopen()
  closeDatabase(state.db)
  const hash = fileHash(t.file)
  state.reopen()
  return hash
}

describe('data:restore in the app', () => {
  it('opens the backup with the better-sqlite3 build the app was started with', async () => {
    const bogus = join(t.dir, 'electron-build', 'better_sqlite3.node')
    const state = appState({ nativeBinding: bogus })
    const r = await restoreThrough(state)
    expect(r).toMatchObject({ ok: false, error: { kind: 'database' } })
    expect(!r.ok && r.error.message).toContain(`无法加载数据库组件（${bogus}）`)
    expect(cards()).toEqual(['B0001', 'B0002'])
  })

  it('restores with an explicitly given build and reopens the restored file', async () => {
    const node = createRequire(__filename).resolve('better-sqlite3/build/Release/better_sqlite3.node')
    const state = appState({ nativeBinding: node })
    expect(await restoreThrough(state)).toEqual({ ok: true, data: { restored: true } })
    expect(state.db.sqlite.open).toBe(true)
    expect(cards()).toEqual(['B0001'])
  })

  it('puts the original back byte for byte when the restored file fails to reopen', async () => {
    const fail = { next: false }
    const state = appState({}, fail)
    const d = await dispatcherFor(t, testShell({ pickOpenFile: async () => backup }), { 1: 'admin' }, { state })
    const before = settledHash(state)
    fail.next = true
    const r = await d.dispatch('data:restore', undefined, 1)
    expect(r).toMatchObject({ ok: false, error: { kind: 'database' } })
    expect(!r.ok && r.error.message).toMatch(/注入的故障.*已放回恢复前的数据库/)
    expect(state.db.sqlite.open).toBe(true)
    expect(cards()).toEqual(['B0001', 'B0002'])
    expect(settledHash(state)).toBe(before)
  })

  it('refuses while another connection has the file, and goes on with the original', async () => {
    const state = appState({})
    const other = openDatabase(t.file)
    try {
      const r = await restoreThrough(state)
      expect(!r.ok && r.error.message).toBe(
        '数据库正被其他程序使用（例如命令行导入或另一个 vipdesk 窗口），请先关闭后再恢复。未做任何修改。',
      )
    } finally {
      closeDatabase(other)
    }
    expect(state.db.sqlite.open).toBe(true)
    expect(cards()).toEqual(['B0001', 'B0002'])
  })

  it('leaves nothing but the restored file and its safety copy behind', async () => {
    const state = appState({})
    expect((await restoreThrough(state)).ok).toBe(true)
    closeDatabase(state.db)
    expect(readdirSync(t.dir).filter((f) => f.startsWith('vipdesk.sqlite'))).toEqual(['vipdesk.sqlite'])
    expect(readdirSync(join(t.dir, 'backups')).filter((f) => f.includes('before-restore'))).toHaveLength(1)
    state.reopen()
  })
})
