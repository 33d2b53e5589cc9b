import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { closeDatabase, openDatabase } from '../../db/open'
import { recordCall, splitCampaign } from '../../db/services/campaigns'
import { createOperator, findOperatorByName, setupAdmin, toActor } from '../../db/services/operators'
import { recordPurchase } from '../../db/services/purchases'
import { runCliCaptured } from '../support/cli'
import { makeBuyer, makeStaff } from '../support/careAssign'

let dir: string
let dbFile: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vipdesk-cli-camp-'))
  dbFile = join(dir, 'vipdesk.sqlite')
  const db = openDatabase(dbFile)
  const admin = toActor(setupAdmin(db, { name: 'admin', password: 'secret123' }))
  createOperator(db, { name: 'clerk1', password: 'secret123', role: 'clerk' }, admin)
  // The CLI runs on the real clock: 300 days ago is asleep for 6 months, last week is awake.
  const longAgo = Date.now() - 300 * 86_400_000
  makeBuyer(db, admin, 'S0001', [[900]], longAgo)
  makeBuyer(db, admin, 'S0002', [[800]], longAgo)
  makeBuyer(db, admin, 'S0003', [[700]], longAgo)
  makeBuyer(db, admin, 'A0001', [[600]], Date.now() - 7 * 86_400_000)
  closeDatabase(db)
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const cli = (...args: string[]) => runCliCaptured(['--db', dbFile, ...args], { cwd: dir })
/** Plain SQL on the file, the way a script would check what the CLI said. */
function sql<T>(query: string, ...params: unknown[]): T[] {
  const db = openDatabase(dbFile)
  try {
    return db.sqlite.prepare(query).all(...params) as T[]
  } finally {
    closeDatabase(db)
  }
}

describe('campaign create', () => {
  it('makes the campaign of the sleeping members, one voucher each, and prints what the database holds', async () => {
    const out = await cli(
      'campaign',
      'create',
      '--name',
      '秋季唤醒',
      '--sleeping-months',
      '6',
      '--voucher',
      '唤醒券',
      '--json',
    )
    expect(out).toMatchObject({ code: 0, stderr: '' })
    const json = JSON.parse(out.stdout)
    expect(Object.keys(json)).toEqual(['id', 'name', 'members', 'assigned', 'vouchers'])
    const [row] = sql<{ id: number; name: string; kind: string }>(
      'SELECT id, name, voucher_kind AS kind FROM campaigns',
    )
    expect(json).toEqual({ id: row!.id, name: '秋季唤醒', members: 3, assigned: 0, vouchers: 3 })
    const cards = sql<{ card: string; kind: string }>(
      `SELECT m.card_no AS card, v.kind FROM campaign_members cm JOIN members m ON m.id = cm.member_id
         JOIN vouchers v ON v.id = cm.voucher_id WHERE cm.campaign_id = ? ORDER BY m.card_no`,
      row!.id,
    )
    expect(cards).toEqual(['S0001', 'S0002', 'S0003'].map((card) => ({ card, kind: '唤醒券' })))

    const text = await cli('campaign', 'create', '--name', '冬季唤醒', '--sleeping-months', '6')
    expect(text.code).toBe(0)
    expect(text.stdout).toContain('「冬季唤醒」：3 名会员，其中 0 名已交给其维护人')
  })

  it('refuses with the Chinese reason (exit 1) or the usage (exit 2), and changes nothing', async () => {
    const before = sql('SELECT count(*) AS n FROM campaigns UNION ALL SELECT count(*) FROM vouchers')
    const unknownKind = await cli(
      'campaign',
      'create',
      '--name',
      '秋季唤醒',
      '--sleeping-months',
      '6',
      '--voucher',
      '无此券',
    )
    expect(unknownKind.code).toBe(1)
    expect(unknownKind.stderr).toMatch(/券种/)
    const nobody = await cli('campaign', 'create', '--name', '秋季唤醒', '--sleeping-months', '60')
    expect(nobody).toMatchObject({ code: 1 })
    expect(nobody.stderr).toContain('没有符合条件的会员')
    const clerk = await cli(
      '--operator',
      'clerk1',
      'campaign',
      'create',
      '--name',
      '秋季唤醒',
      '--sleeping-months',
      '6',
    )
    expect(clerk.code).toBe(1)
    expect(clerk.stderr).toContain('无权')
    expect((await cli('campaign', 'create', '--sleeping-months', '6')).code).toBe(2)
    expect((await cli('campaign', 'create', '--name', '秋季唤醒')).code).toBe(2)
    expect((await cli('campaign', 'create', '--name', '秋季唤醒', '--sleeping-months', 'x')).code).toBe(2)
    expect((await cli('campaign', 'report', '--sleeping-months', '6', '1')).code).toBe(2)
    expect(sql('SELECT count(*) AS n FROM campaigns UNION ALL SELECT count(*) FROM vouchers')).toEqual(before)
  })
})

describe('campaign report', () => {
  it('prints the figures per caller as the database holds them, and a readable table', async () => {
    const { id } = JSON.parse(
      (await cli('--json', 'campaign', 'create', '--name', '秋季唤醒', '--sleeping-months', '6')).stdout,
    )
    const db2 = openDatabase(dbFile)
    const actor = toActor(findOperatorByName(db2, 'admin'))
    const wang = makeStaff(db2, actor, '王芳')
    splitCampaign(db2, { campaignId: id, staffIds: [wang.id] }, actor)
    const [s1, s2] = db2.sqlite
      .prepare("SELECT id FROM members WHERE card_no IN ('S0001','S0002') ORDER BY card_no")
      .pluck()
      .all() as number[]
    recordCall(db2, { campaignId: id, memberId: s1!, outcome: 'will_come' }, actor)
    recordCall(db2, { campaignId: id, memberId: s2!, outcome: 'no_answer' }, actor)
    recordPurchase(db2, { memberId: s1!, receiptNo: 'CAMP1', amountFen: 12_800, purchasedAt: Date.now() + 1000 }, actor)
    closeDatabase(db2)

    const out = await cli('campaign', 'report', String(id), '--json')
    expect(out).toMatchObject({ code: 0, stderr: '' })
    const json = JSON.parse(out.stdout)
    const [c] = sql<{ days: number }>('SELECT return_days AS days FROM campaigns WHERE id = ?', id)
    const calls = sql<{ n: number }>(
      'SELECT count(DISTINCT member_id) AS n FROM campaign_calls WHERE campaign_id = ?',
      id,
    )
    expect(json).toEqual({
      id,
      name: '秋季唤醒',
      returnDays: c!.days,
      voucherKind: null,
      members: 3,
      contacted: calls[0]!.n,
      reached: 1,
      returned: 1,
      salesFen: 12_800,
      vouchersUsed: 0,
      callers: [
        {
          staffId: wang.id,
          staffName: '王芳',
          members: 3,
          contacted: 2,
          reached: 1,
          returned: 1,
          salesFen: 12_800,
          vouchersUsed: 0,
        },
      ],
    })
    const text = await cli('campaign', 'report', String(id))
    expect(text.stdout).toContain('唤醒活动 #' + id + '「秋季唤醒」')
    expect(text.stdout).toMatch(/王芳\s+3\s+2\s+1\s+1\s+128\.00\s+0/)
    expect(text.stdout).toMatch(/合计/)

    const missing = await cli('campaign', 'report', '999')
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain('找不到该唤醒活动')
    expect((await cli('campaign', 'report', 'abc')).code).toBe(2)
    expect((await cli('campaign', 'report')).code).toBe(2)
    const clerk = await cli('--operator', 'clerk1', 'campaign', 'report', String(id))
    expect(clerk.code).toBe(1)
    expect(clerk.stderr).toContain('无权')
  })
})
