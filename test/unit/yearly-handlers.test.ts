import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { GIFT_KEEPERS } from '../../db/rules/roles'
import type { Printer } from '../../server/core/context'
import { contract, type Envelope, type OutputOf } from '../../server/contract/contract'
import { dumpDb, makeTestDb, type TestDb } from '../support/db'
import { dispatcherFor, testShell } from '../support/dispatcher'
import { makeMemberWithPoints } from '../support/gifts'
import { storeDate } from '../support/storeTime'

// The yearly desk's calls as the renderer makes them: through the dispatcher, with roles and envelopes.
let t: TestDb
let printed: string[]
let dir: string
const ADMIN = 1
const VIPROOM = 2
const CLERK = 3
const PLANNER = 4

beforeEach(() => {
  t = makeTestDb(storeDate(2026, 10, 23, 10))
  makeMemberWithPoints(t.db, t.admin, 'C0001', 12_500)
  printed = []
  dir = mkdtempSync(join(tmpdir(), 'vipdesk-yearly-'))
})
afterEach(() => {
  t.close()
  rmSync(dir, { recursive: true, force: true })
})

function desk() {
  const printer: Printer = {
    pdf: async (html) => Buffer.from(`%PDF-1.4 ${html.length}`),
    print: async (html) => {
      printed.push(html)
      return true
    },
  }
  return dispatcherFor(t, testShell({ printer, pickSaveFile: async () => join(dir, 'sheet.pdf') }), {
    [ADMIN]: 'admin',
    [VIPROOM]: { name: '赵敏', role: 'viproom' },
    [CLERK]: { name: '钱进', role: 'clerk' },
    [PLANNER]: { name: '孙策', role: 'planner' },
  })
}

describe('yearly redemption calls through the dispatcher', () => {
  it('gives every call to the gift keepers only', () => {
    for (const name of [
      'yearly:options',
      'yearly:redeem',
      'yearly:progress',
      'vouchers:slip',
      'vouchers:sheet',
    ] as const)
      expect(contract[name].access).toEqual(GIFT_KEEPERS)
  })

  it('serves a member at the VIP room: options, the best mix redeemed, the slip printed, progress counted', async () => {
    const d = await desk()
    const options = (await d.dispatch('yearly:options', { cardNo: 'C0001' }, VIPROOM)) as Envelope<
      OutputOf<'yearly:options'>
    >
    expect(options).toMatchObject({
      ok: true,
      data: {
        cardNo: 'C0001',
        points: 12_500,
        window: { open: true },
        best: { valueFen: 12_000, points: 12_000 },
        table: [
          { valueFen: 3000, most: 4 },
          { valueFen: 4000, most: 3 },
          { valueFen: 5000, most: 2 },
        ],
      },
    })
    if (!options.ok) return
    const lines = options.data.best.lines.map((l) => ({ valueFen: l.valueFen, count: l.count }))
    const issued = (await d.dispatch('yearly:redeem', { memberId: options.data.memberId, lines }, VIPROOM)) as Envelope<
      OutputOf<'yearly:redeem'>
    >
    expect(issued.ok && issued.data.reduce((s, v) => s + v.valueFen, 0)).toBe(12_000)
    if (!issued.ok) return
    const voucherNos = issued.data.map((v) => v.voucherNo)
    expect(await d.dispatch('vouchers:slip', { voucherNos }, VIPROOM)).toEqual({ ok: true, data: { printed: true } })
    expect(printed).toHaveLength(1)
    expect(printed[0]).toContain('积分兑换券')
    const sheet = await d.dispatch('vouchers:sheet', { voucherNos }, VIPROOM)
    expect(sheet).toMatchObject({ ok: true, data: { count: voucherNos.length, pages: 1 } })
    expect(readFileSync(join(dir, 'sheet.pdf'), 'utf8')).toMatch(/^%PDF/)
    expect(await d.dispatch('yearly:progress', undefined, PLANNER)).toMatchObject({
      ok: true,
      data: { members: 1, points: 12_000, valueFen: 12_000, vouchers: voucherNos.length },
    })
    expect(await d.dispatch('yearly:options', { cardNo: 'C0001' }, ADMIN)).toMatchObject({
      ok: true,
      data: { points: 500 },
    })
  })

  it('refuses the clerk, the VIP room outside the window, and too few points, changing nothing', async () => {
    const d = await desk()
    const before = dumpDb(t.db)
    const lines = [{ valueFen: 5000, count: 3 }]
    expect(await d.dispatch('yearly:options', { cardNo: 'C0001' }, CLERK)).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    })
    expect(await d.dispatch('yearly:redeem', { memberId: 1, lines }, VIPROOM)).toMatchObject({
      ok: false,
      error: { message: '积分不足：50 元×3 需 15,000 分，当前可用 12,500 分' },
    })
    expect(await d.dispatch('yearly:options', { cardNo: 'NOPE' }, VIPROOM)).toMatchObject({
      ok: false,
      error: { kind: 'not_found', message: '找不到卡号 NOPE 的会员' },
    })
    expect(await d.dispatch('vouchers:slip', { voucherNos: ['123'] }, VIPROOM)).toMatchObject({ ok: false })
    t.setNow(storeDate(2026, 11, 5, 10))
    const late = { memberId: 1, lines: [{ valueFen: 3000, count: 1 }], ignoreWindow: true, reason: '会员出差错过活动' }
    expect(await d.dispatch('yearly:redeem', { memberId: 1, lines }, PLANNER)).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('不在年度积分兑换期内') },
    })
    expect(await d.dispatch('yearly:redeem', late, VIPROOM)).toMatchObject({
      ok: false,
      error: { kind: 'forbidden', message: '只有企划或管理员可以在兑换期外兑换' },
    })
    expect(await d.dispatch('yearly:redeem', { ...late, reason: '' }, PLANNER)).toMatchObject({
      ok: false,
      error: { message: '兑换期外兑换须填写原因' },
    })
    expect(printed).toEqual([])
    expect(existsSync(join(dir, 'sheet.pdf'))).toBe(false)
    expect(dumpDb(t.db)).toEqual(before)
    // The planner serves the member who missed the event, the reason kept in the audit log.
    expect(await d.dispatch('yearly:redeem', late, PLANNER)).toMatchObject({ ok: true, data: [{ valueFen: 3000 }] })
    const audit = t.db.sqlite
      .prepare("SELECT operator_name || ' ' || summary FROM audit_log WHERE action = 'redeem'")
      .pluck()
      .all()
    expect(audit.join()).toMatch(/孙策 .*会员出差错过活动/)
  })
})
