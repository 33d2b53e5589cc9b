import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { closeDatabase, openDatabase } from '../../db/open'
import { createMember } from '../../db/services/members'
import { createOperator, setupAdmin, toActor } from '../../db/services/operators'
import { runCliCaptured } from '../support/cli'

let dir: string
let dbFile: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vipdesk-cli-tiers-'))
  dbFile = join(dir, 'vipdesk.sqlite')
  const db = openDatabase(dbFile)
  const admin = toActor(setupAdmin(db, { name: 'admin', password: 'secret123' }))
  createOperator(db, { name: 'clerk1', password: 'secret123', role: 'clerk' }, admin)
  const id = createMember(db, { cardNo: 'C0001', name: '命令行', joinDate: '2020-01-01' }, admin).id
  db.sqlite.prepare("UPDATE members SET tier = '金卡' WHERE id = ?").run(id)
  closeDatabase(db)
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const cli = (...args: string[]) => runCliCaptured(['--db', dbFile, ...args], { cwd: dir })

describe('tiers review', () => {
  it('reviews once per review day and prints JSON', async () => {
    const first = await cli('--json', 'tiers', 'review', '--as-of', '2026-01-05')
    expect(first.code).toBe(0)
    expect(JSON.parse(first.stdout)).toEqual({
      reviewDay: '2026-01-01',
      alreadyRan: false,
      checked: 1,
      upgraded: 0,
      downgraded: 1,
    })
    const again = await cli('--json', 'tiers', 'review', '--as-of', '2026-03-01')
    expect(JSON.parse(again.stdout)).toMatchObject({ alreadyRan: true, downgraded: 0 })
  })

  it('is refused to a clerk', async () => {
    expect((await cli('--operator', 'clerk1', 'tiers', 'review')).code).toBe(1)
  })
})

describe('cards renew-due', () => {
  it('checks the lapsed cards and renews none without points', async () => {
    const r = await cli('--json', 'cards', 'renew-due', '--as-of', '2026-11-23')
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toEqual({ assigned: 0, checked: 1, renewed: 0 })
  })
})
