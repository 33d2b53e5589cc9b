import Database from 'better-sqlite3'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { fileLogger, LOG_FILE_NAME, logDirOf } from '../../db/log'
import { createDispatcher, type Handlers } from '../../server/core/dispatch'
import { handlers } from '../../server/core/handlers'
import { runCliCaptured } from '../support/cli'
import { makeTestDb, type TestDb } from '../support/db'
import { testShell, testState } from '../support/dispatcher'

let t: TestDb
beforeEach(() => {
  t = makeTestDb()
})
afterEach(() => t.close())

const logText = () => readFileSync(join(logDirOf(t.file), LOG_FILE_NAME), 'utf8')

describe('the error log beside the database', () => {
  it('gets unexpected handler errors with the call name and without the input’s personal data', async () => {
    const failing: Handlers = {
      ...handlers,
      // A bug that quotes its input: the phone must still not reach the file.
      'members:create': (input) => {
        throw new Error(`could not save ${(input as { phone: string }).phone} / 110101199003071234`)
      },
    }
    const d = createDispatcher(failing, testState(t), testShell(), fileLogger(logDirOf(t.file)))
    await d.dispatch('session:login', { name: 'admin', password: 'secret123' }, 1)
    const r = await d.dispatch('members:create', { cardNo: 'V0001', name: '林雨桐', phone: '13812345678' }, 1)
    expect(r).toMatchObject({ ok: false, error: { kind: 'database' } })
    const text = logText()
    expect(text).toContain('[members:create]')
    expect(text).not.toContain('13812345678')
    expect(text).not.toContain('110101199003071234')
    expect(text).not.toContain('林雨桐')
    expect(text).not.toContain('secret123')
  })

  it('gets the command line’s unexpected errors too', async () => {
    const raw = new Database(t.file)
    raw.exec('DROP TABLE gift_movements; DROP TABLE redemptions; DROP TABLE gifts')
    raw.close()
    const r = await runCliCaptured(['--db', t.file, 'gifts', 'list'], { cwd: t.dir })
    expect(r.code).toBe(1)
    expect(logText()).toContain('[cli gifts list]')
  })

  it('rotates at the size limit and keeps a fixed number of files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vipdesk-log-'))
    try {
      const log = fileLogger(dir, { maxBytes: 300, keep: 3 })
      for (let i = 0; i < 60; i++) log(`line ${String(i).padStart(3, '0')} ${'x'.repeat(40)}`)
      expect(readdirSync(dir).sort()).toEqual([LOG_FILE_NAME, `${LOG_FILE_NAME}.1`, `${LOG_FILE_NAME}.2`])
      for (const f of readdirSync(dir)) expect(statSync(join(dir, f)).size).toBeLessThanOrEqual(300)
      expect(readFileSync(join(dir, LOG_FILE_NAME), 'utf8')).toContain('line 059')
      expect(readFileSync(join(dir, `${LOG_FILE_NAME}.1`), 'utf8')).not.toContain('line 059')
      expect(existsSync(join(dir, `${LOG_FILE_NAME}.3`))).toBe(false)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
