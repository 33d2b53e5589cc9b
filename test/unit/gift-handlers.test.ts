import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { contract } from '../../server/contract/contract'
import { createMember } from '../../db/services/members'
import { GIFT_KEEPERS } from '../../db/services/gifts'
import { adjustPoints } from '../../db/services/points/adjust'
import { makeTestDb, type TestDb } from '../support/db'
import { dispatcherFor, testShell } from '../support/dispatcher'

// The gift desk's calls as the renderer makes them: through the dispatcher, with roles and envelopes.
let t: TestDb
const ADMIN = 1
const VIPROOM = 2
const CLERK = 3

const desk = () =>
  dispatcherFor(t, testShell(), {
    [ADMIN]: 'admin',
    [VIPROOM]: { name: '赵敏', role: 'viproom' },
    [CLERK]: { name: '钱进', role: 'clerk' },
  })

beforeEach(() => {
  t = makeTestDb()
  createMember(t.db, { cardNo: 'V0088', name: '林雨桐', phone: '13900008866' }, t.admin)
  adjustPoints(t.db, { memberId: 1, points: 1000, reason: '测试积分' }, t.admin)
})
afterEach(() => t.close())

const gift = {
  code: 'G01',
  name: '保温杯',
  category: 'redemption',
  pointsPrice: 400,
  unitCostFen: 3500,
  reorderLevel: 2,
}

describe('gift calls through the dispatcher', () => {
  it('spells out the gift keepers in the contract for every write', () => {
    // The contract may not import service code; the role lists must agree with GIFT_KEEPERS.
    for (const name of [
      'gifts:redeem',
      'gifts:receive',
      'gifts:issue',
      'gifts:stocktake',
      'gifts:create',
      'gifts:update',
    ] as const)
      expect(contract[name].access).toEqual(GIFT_KEEPERS)
  })

  it('creates, receives, lists low stock and redeems for the VIP room', async () => {
    const d = await desk()
    expect(await d.dispatch('gifts:create', gift, VIPROOM)).toMatchObject({
      ok: true,
      data: { code: 'G01', onHand: 0 },
    })
    expect(await d.dispatch('gifts:lowStock', undefined, VIPROOM)).toMatchObject({ ok: true, data: [{ code: 'G01' }] })
    const received = await d.dispatch('gifts:receive', { code: 'G01', quantity: 5, supplier: '百货供应' }, VIPROOM)
    expect(received).toMatchObject({ ok: true, data: { onHand: 5 } })
    expect(await d.dispatch('gifts:lowStock', undefined, VIPROOM)).toMatchObject({ ok: true, data: [] })
    const offer = await d.dispatch('gifts:eligible', { memberId: 1 }, VIPROOM)
    expect(offer).toMatchObject({ ok: true, data: { member: { points: 1000 }, eligible: [{ code: 'G01' }] } })
    const redeemed = await d.dispatch('gifts:redeem', { memberId: 1, lines: [{ code: 'G01', qty: 2 }] }, VIPROOM)
    expect(redeemed).toMatchObject({ ok: true, data: { points: 800, pointsBefore: 1000, pointsAfter: 200 } })
    expect(await d.dispatch('gifts:list', {}, VIPROOM)).toMatchObject({ ok: true, data: [{ code: 'G01', onHand: 3 }] })
    const history = await d.dispatch('gifts:memberRedemptions', { memberId: 1 }, VIPROOM)
    expect(history).toMatchObject({ ok: true, data: [{ points: 800, lines: [{ code: 'G01', qty: 2 }] }] })
    const moves = await d.dispatch('gifts:movements', { code: 'G01' }, VIPROOM)
    expect(moves).toMatchObject({
      ok: true,
      data: [
        { kind: 'redeem', quantity: -2 },
        { kind: 'receive', quantity: 5 },
      ],
    })
  })

  it('refuses with a Chinese reason and changes nothing', async () => {
    const d = await desk()
    await d.dispatch('gifts:create', gift, ADMIN)
    await d.dispatch('gifts:receive', { code: 'G01', quantity: 5 }, ADMIN)
    const tooMany = await d.dispatch('gifts:redeem', { memberId: 1, lines: [{ code: 'G01', qty: 3 }] }, VIPROOM)
    expect(tooMany).toMatchObject({ ok: false, error: { kind: 'conflict' } })
    expect(tooMany.ok ? '' : tooMany.error.message).toMatch(/积分/)
    expect(await d.dispatch('gifts:list', {}, VIPROOM)).toMatchObject({ data: [{ onHand: 5 }] })
    expect(await d.dispatch('gifts:eligible', { memberId: 1 }, VIPROOM)).toMatchObject({
      data: { member: { points: 1000 } },
    })
  })

  it('lets a clerk look but not move stock', async () => {
    const d = await desk()
    await d.dispatch('gifts:create', gift, ADMIN)
    expect(await d.dispatch('gifts:list', {}, CLERK)).toMatchObject({ ok: true })
    const refused = await d.dispatch('gifts:receive', { code: 'G01', quantity: 1 }, CLERK)
    expect(refused).toMatchObject({ ok: false, error: { kind: 'forbidden' } })
    const redeem = await d.dispatch('gifts:redeem', { memberId: 1, lines: [{ code: 'G01', qty: 1 }] }, CLERK)
    expect(redeem).toMatchObject({ ok: false, error: { kind: 'forbidden' } })
  })
})
