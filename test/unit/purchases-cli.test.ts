import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { closeDatabase, openDatabase } from '../../db/open'
import { writeCsv } from '../support/sheets'
import { runCliCaptured } from '../support/cli'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vipdesk-cli-purchases-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const cli = (...args: string[]) => runCliCaptured(['--db', join(dir, 'vipdesk.sqlite'), ...args], { cwd: dir })

describe('cli: import purchases and points check', () => {
  it('prints the same JSON shape as the member import, and adds nothing on a second run', async () => {
    writeCsv(join(dir, 'members.csv'), [
      ['卡号', '姓名'],
      ['V0001', '王芳'],
    ])
    expect((await cli('import', 'members', 'members.csv')).code).toBe(0)
    writeCsv(join(dir, 'till.csv'), [
      ['单号', '交易时间', '卡号', '金额'],
      ['S1', '2026-11-09 10:00', 'V0001', '100'],
      ['S2', '2026-11-10 10:00', '', '50'],
    ])
    const first = await cli('--json', 'import', 'purchases', 'till.csv')
    expect(first.code).toBe(1)
    expect(JSON.parse(first.stdout)).toEqual({
      inserted: 1,
      updated: 0,
      rejected: [{ row: 3, column: '卡号', reason: '没有卡号或手机号，不是会员消费' }],
    })
    const again = await cli('--json', 'import', 'purchases', 'till.csv')
    expect(JSON.parse(again.stdout)).toMatchObject({ inserted: 0, updated: 0 })

    const check = await cli('--json', 'points', 'check')
    expect(check.code).toBe(0)
    expect(JSON.parse(check.stdout)).toEqual({ members: 1, differences: [] })
  })

  it('members list --json then reports the points earned and the tier the purchases reached', async () => {
    writeCsv(join(dir, 'members.csv'), [
      ['卡号', '姓名'],
      ['V0001', '王芳'],
      ['V0002', '李强'],
    ])
    await cli('import', 'members', 'members.csv')
    // 9 November is a member day (× 2); 10 November 2026 is an ordinary Tuesday.
    writeCsv(join(dir, 'till.csv'), [
      ['单号', '交易时间', '卡号', '金额'],
      ['S1', '2026-11-09 10:00', 'V0001', '100'],
      ['S2', '2026-11-10 10:00', 'V0001', '5000'],
      ['S3', '2026-11-10 11:00', 'V0002', '80.50'],
    ])
    expect((await cli('import', 'purchases', 'till.csv')).code).toBe(0)
    const listed = JSON.parse((await cli('--json', 'members', 'list')).stdout) as {
      cardNo: string
      points: number
      tier: string
    }[]
    expect(listed.map((m) => [m.cardNo, m.points, m.tier])).toEqual([
      ['V0001', 200 + 5000, '金卡'],
      ['V0002', 80, '普卡'],
    ])
  })

  it('points check exits 1 and lists a cached balance that disagrees with the ledger', async () => {
    writeCsv(join(dir, 'members.csv'), [
      ['卡号', '姓名'],
      ['V0001', '王芳'],
    ])
    await cli('import', 'members', 'members.csv')
    const db = openDatabase(join(dir, 'vipdesk.sqlite'))
    db.sqlite.prepare("UPDATE members SET points = 5 WHERE card_no = 'V0001'").run()
    closeDatabase(db)
    const check = await cli('--json', 'points', 'check')
    expect(check.code).toBe(1)
    expect(JSON.parse(check.stdout)).toMatchObject({
      members: 1,
      differences: [{ cardNo: 'V0001', cached: { points: 5, debt: 0 }, ledger: { points: 0, debt: 0 } }],
    })
    const text = await cli('points', 'check')
    expect(text.stdout).toContain('卡号 V0001：余额 5')
  })
})
