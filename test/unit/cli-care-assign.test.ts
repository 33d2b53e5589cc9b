import { formatDay } from '../../db/rules/expiry'
import { DEFAULT_TIME_ZONE } from '../../db/rules/storeClock'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { closeDatabase, openDatabase } from '../../db/open'
import { createOperator, setupAdmin, toActor } from '../../db/services/operators'
import { runCliCaptured } from '../support/cli'
import { makeBuyer } from '../support/careAssign'

let dir: string
let dbFile: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vipdesk-cli-care-'))
  dbFile = join(dir, 'vipdesk.sqlite')
  const db = openDatabase(dbFile)
  const admin = toActor(setupAdmin(db, { name: 'admin', password: 'secret123' }))
  createOperator(db, { name: 'clerk1', password: 'secret123', role: 'clerk' }, admin)
  const lastMonth = Date.now() - 30 * 86_400_000
  makeBuyer(db, admin, 'V0001', [[9000, '营业二课']], lastMonth)
  makeBuyer(db, admin, 'V0002', [[8000, '营业一课']], lastMonth)
  makeBuyer(db, admin, 'V0003', [[7000]], lastMonth)
  closeDatabase(db)
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const cli = (...args: string[]) => runCliCaptured(['--db', dbFile, ...args], { cwd: dir })
const staffAdd = (name: string, department: string, hireDate = '2024-03-01') =>
  cli('staff', 'add', name, '--department', department, '--hire-date', hireDate)

describe('staff add', () => {
  it('registers staff and refuses a duplicate or bad input with the Chinese reason', async () => {
    const ok = await staffAdd('李娜', '营业一课')
    expect(ok).toMatchObject({ code: 0, stderr: '' })
    expect(ok.stdout).toContain('已登记维护人 李娜（营业一课，入职 2024-03-01，名额 8 位）：可以维护VIP。')
    const json = await cli(
      '--json',
      'staff',
      'add',
      '王强',
      '--department',
      '企划',
      '--hire-date',
      '2024-03-01',
      '--capacity',
      '3',
    )
    expect(JSON.parse(json.stdout)).toEqual({
      name: '王强',
      department: '企划',
      hireDate: '2024-03-01',
      capacity: 3,
      eligible: true,
    })
    const dup = await staffAdd('李娜', '企划')
    expect(dup.code).toBe(1)
    expect(dup.stderr).toContain('已有名为"李娜"的维护人')
    expect((await staffAdd('张三', '保安部')).stderr).toContain('部门「保安部」不在课别列表中或已停用')
    expect((await cli('staff', 'add', '张三', '--department', '企划')).code).toBe(2)
    const clerk = await cli(
      '--operator',
      'clerk1',
      'staff',
      'add',
      '张三',
      '--department',
      '企划',
      '--hire-date',
      '2024-01-01',
    )
    expect(clerk.code).toBe(1)
    expect(clerk.stderr).toContain('无权')
  })
})

describe('assign', () => {
  it('gives a member to a maintainer, moves them, and refuses a full maintainer', async () => {
    await staffAdd('李娜', '营业一课')
    await cli('staff', 'add', '王强', '--department', '营业二课', '--hire-date', '2024-03-01', '--capacity', '1')
    const first = await cli('--json', 'assign', '--card', 'V0001', '--staff', '李娜', '--from', '2026-11-01')
    expect(JSON.parse(first.stdout)).toEqual({
      cardNo: 'V0001',
      staff: '李娜',
      previousStaff: null,
      from: '2026-11-01',
    })
    const moved = await cli('assign', '--card', 'V0001', '--staff', '王强')
    expect(moved.code).toBe(0)
    expect(moved.stdout).toMatch(/会员 V0001 自 \d{4}-\d{2}-\d{2} 起由 王强 维护（原维护人 李娜）。/)
    const full = await cli('assign', '--card', 'V0002', '--staff', '王强')
    expect(full.code).toBe(1)
    expect(full.stderr).toContain('维护人"王强"已维护 1 位VIP，名额 1 位')
    expect((await cli('assign', '--card', 'X9999', '--staff', '王强')).stderr).toContain('找不到卡号为 X9999 的会员')
    expect((await cli('assign', '--card', 'V0002', '--staff', '无此人')).stderr).toContain('找不到名为"无此人"的维护人')
  })

  it('auto: prints the proposal, --json gives an array, --apply writes it', async () => {
    await staffAdd('李娜', '营业一课')
    await staffAdd('王强', '营业二课')
    await staffAdd('新人', '营业一课', formatDay(Date.now(), DEFAULT_TIME_ZONE))
    const preview = await cli('--json', 'assign', 'auto')
    expect(JSON.parse(preview.stdout)).toEqual([
      {
        cardNo: 'V0001',
        name: '会员V0001',
        value: 900000,
        department: '营业二课',
        staff: '王强',
        previousStaff: null,
        reason: '同课优先',
      },
      {
        cardNo: 'V0002',
        name: '会员V0002',
        value: 800000,
        department: '营业一课',
        staff: '李娜',
        previousStaff: null,
        reason: '同课优先',
      },
      {
        cardNo: 'V0003',
        name: '会员V0003',
        value: 700000,
        department: null,
        staff: '李娜',
        previousStaff: null,
        reason: '均衡',
      },
    ])
    const text = await cli('assign', 'auto')
    expect(text.stdout).toContain('共 3 位；加 --apply 按此方案分配。')
    expect(text.stdout).toContain('9,000.00 元')
    const applied = await cli('assign', 'auto', '--apply')
    expect(applied.stdout).toContain('已分配 3 位VIP。')
    expect(JSON.parse((await cli('--json', 'assign', 'auto')).stdout)).toEqual([])
    expect((await cli('assign', 'auto')).stdout).toContain('没有待分配的高端会员。')
    expect((await cli('assign', '--apply', '--card', 'V0001', '--staff', '李娜')).code).toBe(2)
  })
})
