import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { closeDatabase, openDatabase } from '../../db/open'
import { createMember } from '../../db/services/members'
import { createOperator, setupAdmin, toActor } from '../../db/services/operators'
import { postPoints } from '../../db/services/points/ledger'
import { runCliCaptured } from '../support/cli'
import { storeDate } from '../support/storeTime'

let dir: string
let dbFile: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vipdesk-cli-points-'))
  dbFile = join(dir, 'vipdesk.sqlite')
  const db = openDatabase(dbFile)
  const admin = toActor(setupAdmin(db, { name: 'admin', password: 'secret123' }))
  createOperator(db, { name: 'clerk1', password: 'secret123', role: 'clerk' }, admin)
  const id = createMember(db, { cardNo: 'C0001', name: '命令行' }, admin).id
  db.sqlite.transaction(() =>
    postPoints(db, { memberId: id, kind: 'earn', points: 700, at: storeDate(2025, 5, 1).getTime() }, admin),
  )()
  closeDatabase(db)
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const cli = (...args: string[]) => runCliCaptured(['--db', dbFile, ...args], { cwd: dir })

describe('points expire', () => {
  it('lapses what is due by --as-of and prints JSON; a second run posts nothing', async () => {
    expect(await cli('--json', 'points', 'expire', '--as-of', '2025-12-31')).toMatchObject({
      code: 0,
      stdout: '{"members":0,"points":0}\n',
    })
    expect(await cli('--json', 'points', 'expire', '--as-of', '2026-01-01')).toMatchObject({
      code: 0,
      stdout: '{"members":1,"points":700}\n',
    })
    expect(await cli('points', 'expire', '--as-of', '2026-01-01')).toMatchObject({
      code: 0,
      stdout: '截至 2026-01-01 没有需要过期的积分\n',
    })
  })

  it('defaults to today', async () => {
    expect((await cli('--json', 'points', 'expire')).stdout).toBe('{"members":1,"points":700}\n')
  })

  it('reports a bad date, a stray option and a role that may not run it', async () => {
    expect(await cli('points', 'expire', '--as-of', '2026-13-01')).toMatchObject({ code: 1 })
    expect((await cli('points', 'expire', '--as-of', '2026-13-01')).stderr).toContain('YYYY-MM-DD')
    expect(await cli('members', 'list', '--as-of', '2026-01-01')).toMatchObject({ code: 2 })
    expect((await cli('--operator', 'clerk1', 'points', 'expire')).code).toBe(1)
  })
})
