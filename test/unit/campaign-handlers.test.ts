import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { contract } from '../../server/contract/contract'
import { addStaffRow, buy, member } from '../support/care'
import { dumpDb, makeTestDb, type TestDb } from '../support/db'
import { dispatcherFor, testShell } from '../support/dispatcher'
import { storeDate } from '../support/storeTime'

// 唤醒活动 as the renderer reaches it: through the dispatcher, as a planner, the VIP room and a clerk.
let t: TestDb
const ADMIN = 1
const PLANNER = 2
const VIPROOM = 3
const CLERK = 4

beforeEach(() => {
  t = makeTestDb(storeDate(2026, 5, 1, 10))
  for (const card of ['S001', 'S002']) buy(t.db, t.admin, member(t.db, t.admin, card), 20260105, 10_000)
  t.setNow(storeDate(2026, 10, 23, 10))
})
afterEach(() => t.close())

async function desk(saveTo?: string) {
  const d = await dispatcherFor(t, testShell({ pickSaveFile: async () => saveTo ?? null }), {
    [ADMIN]: 'admin',
    [PLANNER]: { name: '孙企划', role: 'planner' },
    [VIPROOM]: { name: '周强', role: 'viproom' },
    [CLERK]: { name: '刘芳', role: 'clerk' },
  })
  const op = (name: string) => t.db.sqlite.prepare('SELECT id FROM operators WHERE name = ?').pluck().get(name)
  const staff = addStaffRow(t.db, '周强')
  t.db.sqlite.prepare('UPDATE staff SET operator_id = ? WHERE id = ?').run(op('周强'), staff)
  return { d, staff }
}

describe('campaign calls through the dispatcher', () => {
  it('lets planners plan and the VIP room call; a clerk is refused and nothing changes', async () => {
    expect(contract['campaigns:create'].access).toEqual(['admin', 'planner'])
    expect(contract['campaigns:recordCall'].access).toEqual(['admin', 'planner', 'viproom'])
    expect(contract['campaigns:report'].access).toEqual(['admin', 'planner'])
    const { d, staff } = await desk()
    const before = dumpDb(t.db)
    for (const [name, input] of [
      ['campaigns:create', { name: '秋季唤醒', sleepingMonths: 6 }],
      ['campaigns:preview', { sleepingMonths: 6 }],
      ['campaigns:myCalls', undefined],
      ['campaigns:recordCall', { campaignId: 1, memberId: 1, outcome: 'reached' }],
    ] as const) {
      expect(await d.dispatch(name, input as never, CLERK)).toMatchObject({ ok: false, error: { kind: 'forbidden' } })
    }
    expect(await d.dispatch('campaigns:create', { name: '秋季唤醒', sleepingMonths: 6 }, VIPROOM)).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    })
    expect(dumpDb(t.db)).toEqual(before)

    expect(await d.dispatch('campaigns:preview', { sleepingMonths: 6 }, PLANNER)).toEqual({
      ok: true,
      data: { members: 2, withMaintainer: 0 },
    })
    const made = await d.dispatch('campaigns:create', { name: '秋季唤醒', sleepingMonths: 6 }, PLANNER)
    expect(made).toMatchObject({ ok: true, data: { name: '秋季唤醒', members: 2, assigned: 0 } })
    const id = (made as { data: { id: number } }).data.id
    expect(await d.dispatch('campaigns:split', { campaignId: id, staffIds: [staff] }, PLANNER)).toEqual({
      ok: true,
      data: { assigned: 2 },
    })
    const mine = await d.dispatch('campaigns:myCalls', undefined, VIPROOM)
    expect(mine).toMatchObject({ ok: true, data: { staff: { name: '周强' }, rows: [{}, {}] } })
    const memberId = (mine as { data: { rows: { memberId: number }[] } }).data.rows[0]!.memberId
    expect(
      await d.dispatch('campaigns:recordCall', { campaignId: id, memberId, outcome: 'will_come' }, VIPROOM),
    ).toMatchObject({ ok: true })
    expect(
      await d.dispatch('campaigns:recordCall', { campaignId: id, memberId, outcome: 'x' as never }, VIPROOM),
    ).toMatchObject({ ok: false, error: { kind: 'validation', message: expect.stringContaining('请选择回访结果') } })
    const list = await d.dispatch('campaigns:list', undefined, PLANNER)
    expect(list).toMatchObject({ ok: true, data: [{ id, report: { members: 2, contacted: 1, reached: 1 } }] })
    expect(await d.dispatch('campaigns:report', { id }, VIPROOM)).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    })
  })

  it('exports through the save dialog, phones in full only for roles that may reveal them', async () => {
    const file = join(t.dir, 'calls.csv')
    const { d } = await desk(file)
    const made = await d.dispatch('campaigns:create', { name: '秋季唤醒', sleepingMonths: 6 }, PLANNER)
    const id = (made as { data: { id: number } }).data.id
    expect(await d.dispatch('campaigns:export', { id, format: 'csv' }, PLANNER)).toEqual({
      ok: true,
      data: { file, count: 2 },
    })
    expect(await d.dispatch('campaigns:smsExport', { id, format: 'csv' }, VIPROOM)).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    })
  })
})
