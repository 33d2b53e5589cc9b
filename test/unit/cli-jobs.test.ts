import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { closeDatabase, openDatabase } from '../../db/open'
import { zonedToMs } from '../../db/rules/storeClock'
import { createMember } from '../../db/services/members'
import { setupAdmin, toActor } from '../../db/services/operators'
import { postPoints } from '../../db/services/points/ledger'
import { runCliCaptured } from '../support/cli'
import { makeGift } from '../support/gifts'

// The command line runs on the machine's real clock: the test moves it (Date only) to just after
// the store's (Asia/Shanghai) midnight, when the machine's own day (UTC, Los Angeles) is still 31 December.
const storeTime = (y: number, m: number, d: number, h = 0, mi = 0, s = 0) =>
  new Date(zonedToMs({ y, m, d, h, mi, s }, 'Asia/Shanghai'))

let dir: string
let dbFile: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vipdesk-cli-jobs-'))
  dbFile = join(dir, 'vipdesk.sqlite')
  const db = openDatabase(dbFile, { now: () => storeTime(2026, 12, 1) })
  const admin = toActor(setupAdmin(db, { name: 'admin', password: 'secret123' }))
  const id = createMember(db, { cardNo: 'V2026', name: '跨年' }, admin).id
  const earned = storeTime(2026, 6, 15, 12).getTime()
  db.sqlite.transaction(() => postPoints(db, { memberId: id, kind: 'earn', points: 2400, at: earned }, admin))()
  makeGift(db, admin, { code: 'G24', pointsPrice: 2400 }, 3)
  closeDatabase(db)
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(storeTime(2027, 1, 1, 0, 5))
})
afterEach(() => {
  vi.useRealTimers()
  rmSync(dir, { recursive: true, force: true })
})

const cli = (...args: string[]) => runCliCaptured(['--db', dbFile, ...args], { cwd: dir })

describe('jobs run', () => {
  it('runs the daily jobs for the store day and prints what each did; a second run does nothing more', async () => {
    const first = await cli('--json', 'jobs', 'run')
    expect(first).toMatchObject({ code: 0, stderr: '' })
    expect(JSON.parse(first.stdout)).toEqual({
      day: '2027-01-01',
      jobs: [
        {
          job: 'backup',
          label: '每日备份',
          ok: true,
          summary: expect.stringMatching(/^(已备份到 vipdesk-daily-\d{8}\.sqlite|今天的备份已经存在)$/),
          result: { file: expect.anything() },
        },
        {
          job: 'expiry',
          label: '积分过期',
          ok: true,
          summary: '1 名会员共 2,400 分过期',
          result: { members: 1, points: 2400 },
        },
        {
          job: 'voucherExpiry',
          label: '券过期',
          ok: true,
          summary: '没有到期的券',
          result: { vouchers: 0, valueFen: 0 },
        },
        {
          job: 'tierReview',
          label: '年度等级评级',
          ok: true,
          summary: expect.any(String),
          result: expect.objectContaining({ alreadyRan: true }),
        },
        {
          job: 'cards',
          label: '会员卡有效期与自动续期',
          ok: true,
          summary: expect.stringMatching(/^新设有效期 \d+ 张，检查过期卡 \d+ 张，自动续期 0 张$/),
          result: expect.objectContaining({ renewed: 0 }),
        },
      ],
    })
    expect(existsSync(join(dir, 'backups'))).toBe(true)
    const again = await cli('jobs', 'run')
    expect(again.code).toBe(0)
    expect(again.stdout).toContain('2027-01-01 的每日任务：\n')
    expect(again.stdout).toContain('  积分过期：没有到期的积分\n')
    expect(again.stdout).toContain('  每日备份：今天的备份已经存在\n')
  })

  it('takes no arguments', async () => {
    expect((await cli('jobs', 'run', 'now')).code).toBe(2)
  })
})

describe('a command after the store midnight', () => {
  it('sees the expiry: the list shows no lapsed points, the redemption is refused, the check is clean', async () => {
    const list = await cli('--json', 'members', 'list')
    expect(list.code).toBe(0)
    expect(JSON.parse(list.stdout)).toMatchObject([{ cardNo: 'V2026', points: 0 }])
    const redeem = await cli('gifts', 'redeem', '--card', 'V2026', 'G24')
    expect(redeem.code).toBe(1)
    expect(redeem.stderr).toContain('积分不足')
    expect(await cli('points', 'check')).toMatchObject({ code: 0 })
  })
})
