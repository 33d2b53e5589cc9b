import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { contract } from '../../server/contract/contract'
import { createMember } from '../../db/services/members'
import { POINTS_ADJUSTERS } from '../../db/services/points/adjust'
import { makeTestDb, type TestDb } from '../support/db'
import { dispatcherFor, testShell } from '../support/dispatcher'

// The desk's calls as the renderer makes them: through the dispatcher, with roles and envelopes.
let t: TestDb
let saveTo: string | null
const ADMIN = 1
const VIPROOM = 2

const desk = () =>
  dispatcherFor(t, testShell({ pickSaveFile: async () => saveTo }), {
    [ADMIN]: 'admin',
    [VIPROOM]: { name: '赵敏', role: 'viproom' },
  })

beforeEach(() => {
  t = makeTestDb()
  saveTo = null
  createMember(t.db, { cardNo: 'V0088', name: '林雨桐', phone: '13900008866' }, t.admin)
})
afterEach(() => t.close())

describe('the service desk', () => {
  it('previews without writing, then records and answers with the new balance', async () => {
    const d = await desk()
    // 19 November 2026 is a member day (a Thursday, outside the reward weekend).
    const at = new Date('2026-11-19T10:30:00+08:00').getTime()
    const input = { memberId: 1, receiptNo: 'D1', purchasedAt: at, amountFen: 128000 }
    const preview = await d.dispatch('purchases:preview', input, VIPROOM)
    expect(preview).toMatchObject({ ok: true, data: { points: 2560, explain: '1,280 元 × 2 (会员日) = 2,560' } })
    expect(await d.dispatch('points:ledger', { memberId: 1 }, VIPROOM)).toMatchObject({ data: { total: 0 } })
    const saved = await d.dispatch('purchases:record', input, VIPROOM)
    expect(saved).toMatchObject({ ok: true, data: { points: 2560, balance: 2560 } })
    const again = await d.dispatch('purchases:record', input, VIPROOM)
    expect(again).toMatchObject({ ok: false, error: { kind: 'conflict', message: '单号 D1 第 1 行已经录入过' } })
    const ledger = await d.dispatch('points:ledger', { memberId: 1 }, VIPROOM)
    expect(ledger).toMatchObject({
      ok: true,
      data: { total: 1, rows: [{ kindLabel: '消费积分', balanceAfter: 2560 }] },
    })
    const bought = await d.dispatch('purchases:ofMember', { memberId: 1 }, VIPROOM)
    expect(bought).toMatchObject({ ok: true, data: { total: 1, rows: [{ receiptNo: 'D1', source: 'desk' }] } })
  })

  it('lets only admin and planner adjust points, with a reason', async () => {
    // The contract spells the roles out (it may not import service code); they must agree.
    expect(contract['points:adjust'].access).toEqual(POINTS_ADJUSTERS)
    const d = await desk()
    const input = { memberId: 1, points: 100, reason: '补录漏积分' }
    expect(await d.dispatch('points:adjust', input, VIPROOM)).toMatchObject({ ok: false, error: { kind: 'forbidden' } })
    const noReason = await d.dispatch('points:adjust', { ...input, reason: ' ' }, ADMIN)
    expect(noReason).toMatchObject({ ok: false, error: { kind: 'validation', issues: [{ field: 'reason' }] } })
    expect(await d.dispatch('points:adjust', input, ADMIN)).toMatchObject({ ok: true, data: { balance: 100 } })
  })

  it('lists points lapsing soon from today and exports the reminder list with masked phones', async () => {
    const d = await desk()
    await d.dispatch('points:adjust', { memberId: 1, points: 300, reason: '期初' }, ADMIN)
    // Calendar-year expiry: this year's points lapse on 1 January, 39 days after 23 November.
    expect(await d.dispatch('points:expiringSoon', { days: 30 }, VIPROOM)).toMatchObject({
      ok: true,
      data: { total: 0, asOf: '2026-11-23' },
    })
    const soon = await d.dispatch('points:expiringSoon', { days: 60 }, VIPROOM)
    expect(soon).toMatchObject({
      ok: true,
      data: { total: 1, points: 300, rows: [{ cardNo: 'V0088', phone: '139****8866', expiresOn: '2027-01-01' }] },
    })
    expect(await d.dispatch('points:expiringExport', { format: 'csv', days: 60 }, VIPROOM)).toEqual({
      ok: true,
      data: null,
    })
    saveTo = join(t.dir, '提醒.csv')
    const r = await d.dispatch('points:expiringExport', { format: 'csv', days: 60 }, VIPROOM)
    expect(r).toEqual({ ok: true, data: { file: saveTo, count: 1 } })
    expect(readFileSync(saveTo, 'utf8')).toBe(
      '\uFEFF卡号,姓名,手机,即将过期积分,过期日期,当前积分\r\nV0088,林雨桐,139****8866,300,2027-01-01,300\r\n',
    )
  })
})
