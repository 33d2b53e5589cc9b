import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Actor } from '../../db/actor'
import { isAppError } from '../../db/errors'
import {
  createCampaign,
  exportCallList,
  exportCampaignReport,
  exportCampaignSms,
  myCalls,
  previewCampaign,
  recordCall,
  revealCallPhone,
  splitCampaign,
} from '../../db/services/campaigns'
import { createMember } from '../../db/services/members'
import { createOperator, toActor } from '../../db/services/operators'
import { addStaffRow, buy, holdRow } from '../support/care'
import { dumpDb, makeTestDb, type TestDb } from '../support/db'
import { storeDate } from '../support/storeTime'

let t: TestDb
let clerk: Actor
let viproom: Actor
let sleepers: number[]
let wang: number
let li: number
beforeEach(() => {
  t = makeTestDb(storeDate(2026, 5, 1, 10))
  clerk = toActor(createOperator(t.db, { name: 'clerk', password: 'secret123', role: 'clerk' }, t.admin))
  viproom = toActor(createOperator(t.db, { name: 'vip', password: 'secret123', role: 'viproom' }, t.admin))
  sleepers = ['S001', 'S002', 'S003'].map(
    (cardNo, i) =>
      createMember(
        t.db,
        { cardNo, name: `会员${i + 1}`, phone: `1380013800${i}`, gender: '女', smsConsent: i < 2 },
        t.admin,
      ).id,
  )
  for (const id of sleepers) buy(t.db, t.admin, id, 20260105, 10_000)
  wang = addStaffRow(t.db, '王芳')
  li = addStaffRow(t.db, '李娜')
  t.db.sqlite.prepare('UPDATE staff SET operator_id = ? WHERE id = ?').run(viproom.id, wang)
  holdRow(t.db, wang, sleepers[0]!, 20260101)
  t.setNow(storeDate(2026, 10, 23, 10))
})
afterEach(() => t.close())

const refused = async (fn: () => unknown, message: RegExp) => {
  const before = dumpDb(t.db)
  let error: unknown
  try {
    await fn()
  } catch (e) {
    error = e
  }
  expect(isAppError(error), String(error)).toBe(true)
  expect((error as Error).message).toMatch(message)
  expect(dumpDb(t.db)).toEqual(before)
}

describe('campaign preview', () => {
  it('counts the segment and its maintained members as creation would take them, writing nothing', () => {
    const before = dumpDb(t.db)
    expect(previewCampaign(t.db, { sleepingMonths: 6 })).toEqual({ members: 3, withMaintainer: 1 })
    expect(previewCampaign(t.db, { sleepingMonths: 12 })).toEqual({ members: 0, withMaintainer: 0 })
    expect(previewCampaign(t.db, { sleepingMonths: 6, segment: { keyword: 'S002' } })).toEqual({
      members: 1,
      withMaintainer: 0,
    })
    expect(dumpDb(t.db)).toEqual(before)
    expect(createCampaign(t.db, { name: '秋季唤醒', sleepingMonths: 6 }, t.admin)).toMatchObject({
      members: 3,
      assigned: 1,
    })
    expect(() => previewCampaign(t.db, { sleepingMonths: 0 })).toThrow('至少 1 个月')
  })
})

describe('我的回访', () => {
  it("lists the operator's members, masked, uncalled first, with the last outcome and next try", () => {
    const c = createCampaign(t.db, { name: '秋季唤醒', sleepingMonths: 6, voucherKind: '唤醒券' }, t.admin)
    splitCampaign(t.db, { campaignId: c.id, staffIds: [wang, li] }, t.admin)
    recordCall(t.db, { campaignId: c.id, memberId: sleepers[0]!, outcome: 'no_answer', nextTry: '2026-11-23' }, viproom)
    const mine = myCalls(t.db, viproom)
    expect(mine.staff).toMatchObject({ name: '王芳' })
    expect(mine.today).toBe('2026-11-23')
    expect(mine.rows.map((r) => [r.cardNo, r.phone, r.calls, r.lastOutcomeLabel, r.nextTry, r.due])).toEqual([
      ['S003', '138****8002', 0, null, null, false],
      ['S001', '138****8000', 1, '未接通', '2026-11-23', true],
    ])
    expect(mine.rows[0]!.voucherNo).toMatch(/^\d+/)
    expect(myCalls(t.db, clerk)).toEqual({ staff: null, today: '2026-11-23', rows: [] })
  })

  it('reveals a phone only to its caller or a planner, and audits each look', async () => {
    const c = createCampaign(t.db, { name: '秋季唤醒', sleepingMonths: 6 }, t.admin)
    splitCampaign(t.db, { campaignId: c.id, staffIds: [li] }, t.admin)
    expect(revealCallPhone(t.db, { campaignId: c.id, memberId: sleepers[0]! }, viproom)).toEqual({
      value: '13800138000',
    })
    const audit = t.db.sqlite.prepare("SELECT summary FROM audit_log WHERE action = 'reveal'").pluck().all()
    expect(audit).toEqual(['「秋季唤醒」回访查看完整手机 卡号S001'])
    await refused(
      () => revealCallPhone(t.db, { campaignId: c.id, memberId: sleepers[1]! }, viproom),
      /只能查看分给您回访的会员/,
    )
    await refused(() => revealCallPhone(t.db, { campaignId: c.id, memberId: 999 }, viproom), /不在此活动的回访名单/)
    await refused(() => revealCallPhone(t.db, { campaignId: 999, memberId: sleepers[0]! }, t.admin), /找不到该唤醒活动/)
  })
})

describe('campaign files', () => {
  it('writes the call list by role, the report and the SMS list with the voucher number', async () => {
    const c = createCampaign(t.db, { name: '秋季唤醒', sleepingMonths: 6, voucherKind: '唤醒券' }, t.admin)
    splitCampaign(t.db, { campaignId: c.id, staffIds: [li] }, t.admin)
    const all = join(t.dir, 'all.csv')
    expect(await exportCallList(t.db, { campaignId: c.id, file: all, format: 'csv', full: false }, t.admin)).toEqual({
      file: all,
      count: 3,
    })
    const text = readFileSync(all, 'utf8')
    expect(text.startsWith('\uFEFF活动,卡号,姓名')).toBe(true)
    expect(text).toContain('138****8002')
    expect(text).not.toContain('13800138002')
    const own = join(t.dir, 'own.csv')
    expect(
      await exportCallList(t.db, { campaignId: c.id, file: own, format: 'csv', full: false }, viproom),
    ).toMatchObject({ count: 1 })
    await refused(
      () => exportCallList(t.db, { campaignId: c.id, file: join(t.dir, 'x.csv'), format: 'csv', full: false }, clerk),
      /未关联维护人/,
    )

    const report = join(t.dir, 'report.xlsx')
    expect(await exportCampaignReport(t.db, { campaignId: c.id, file: report, format: 'xlsx' }, t.admin)).toMatchObject(
      {
        count: 3,
      },
    )

    const sms = join(t.dir, 'sms.csv')
    const r = await exportCampaignSms(t.db, { campaignId: c.id, file: sms, format: 'csv' }, t.admin)
    expect(r).toMatchObject({ count: 2, noConsent: 1, noPhone: 0 })
    const lines = readFileSync(sms, 'utf8').split('\r\n')
    const voucherNo = t.db.sqlite
      .prepare(
        `SELECT v.voucher_no FROM campaign_members cm JOIN vouchers v ON v.id = cm.voucher_id WHERE cm.member_id = ?`,
      )
      .pluck()
      .get(sleepers[0]) as string
    expect(lines[1]).toContain('\t13800138000')
    expect(lines[1]).toContain(`会员1女士您好`)
    expect(lines[1]).toContain(`券号${voucherNo}`)
    await refused(
      () => exportCampaignSms(t.db, { campaignId: c.id, file: join(t.dir, 'y.csv'), format: 'csv' }, viproom),
      /只有企划或管理员/,
    )
    const audit = t.db.sqlite.prepare("SELECT summary FROM audit_log WHERE action = 'export' ORDER BY id").pluck().all()
    expect(audit).toEqual([
      '导出「秋季唤醒」回访名单3条（CSV，手机号已打码）',
      '导出「秋季唤醒」回访名单1条（CSV，手机号已打码）',
      '导出「秋季唤醒」活动报告（XLSX）',
      '导出「秋季唤醒」唤醒短信名单2条（CSV，含完整手机号）',
    ])
  })
})
