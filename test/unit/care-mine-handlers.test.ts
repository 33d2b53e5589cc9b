import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { contract } from '../../server/contract/contract'
import { createMember } from '../../db/services/members'
import { makeTestDb, type TestDb } from '../support/db'
import { dispatcherFor, testShell } from '../support/dispatcher'
import { insertAssignment, insertStaff } from '../support/careSql'

// 我的VIP as the renderer reaches it: through the dispatcher, logged in as maintainers and a planner.
let t: TestDb
const ADMIN = 1
const LIU = 2
const ZHOU = 3
const PLANNER = 4
const LONER = 5
let liuStaff: number
let zhouStaff: number
let mine: number
let theirs: number

async function desk() {
  const d = await dispatcherFor(t, testShell(), {
    [ADMIN]: 'admin',
    [LIU]: { name: '刘芳', role: 'clerk' },
    [ZHOU]: { name: '周强', role: 'viproom' },
    [PLANNER]: { name: '孙企划', role: 'planner' },
    [LONER]: { name: '钱进', role: 'clerk' },
  })
  const operatorId = (name: string) =>
    t.db.sqlite.prepare('SELECT id FROM operators WHERE name = ?').pluck().get(name) as number
  liuStaff = insertStaff(t.db, '刘芳', { operatorId: operatorId('刘芳') })
  zhouStaff = insertStaff(t.db, '周强', { operatorId: operatorId('周强') })
  insertAssignment(t.db, mine, liuStaff, 20260101)
  insertAssignment(t.db, theirs, zhouStaff, 20260101)
  return d
}

beforeEach(() => {
  t = makeTestDb()
  mine = createMember(t.db, { cardNo: 'V001', name: '林雨桐', phone: '13900008866' }, t.admin).id
  theirs = createMember(t.db, { cardNo: 'V002', name: '陈思远', phone: '13700001111' }, t.admin).id
})
afterEach(() => t.close())

describe('care calls through the dispatcher', () => {
  it('opens 我的VIP to every role and the maintainer picker to planners only', () => {
    expect(contract['care:myVips'].access).toEqual(['admin', 'planner', 'viproom', 'clerk'])
    expect(contract['care:logContact'].access).toEqual(['admin', 'planner', 'viproom', 'clerk'])
    expect(contract['care:maintainerChoices'].access).toEqual(['admin', 'planner'])
  })

  it('links the logged-in operator to their staff record, or to none', async () => {
    const d = await desk()
    expect(await d.dispatch('care:me', undefined, LIU)).toMatchObject({
      ok: true,
      data: { id: liuStaff, name: '刘芳' },
    })
    expect(await d.dispatch('care:me', undefined, LONER)).toEqual({ ok: true, data: null })
    expect(await d.dispatch('care:myVips', {}, LONER)).toMatchObject({ ok: true, data: { staff: null, rows: [] } })
  })

  it('shows a maintainer only their own VIPs, masked, and lets them log and reveal only those', async () => {
    const d = await desk()
    const list = await d.dispatch('care:myVips', {}, LIU)
    expect(list).toMatchObject({ ok: true, data: { rows: [{ cardNo: 'V001', phone: '139****8866' }] } })
    expect(await d.dispatch('care:myVips', { staffId: zhouStaff }, LIU)).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    })
    expect(await d.dispatch('care:maintainerChoices', undefined, LIU)).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    })
    expect(await d.dispatch('care:logContact', { memberId: theirs, kind: 'phone' }, LIU)).toMatchObject({
      ok: false,
      error: { kind: 'forbidden', message: '这位会员不是您当前维护的VIP' },
    })
    expect(await d.dispatch('care:revealPhone', { memberId: theirs }, LIU)).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    })
    expect(await d.dispatch('care:revealPhone', { memberId: mine }, LIU)).toEqual({
      ok: true,
      data: { value: '13900008866' },
    })
    const logged = await d.dispatch('care:logContact', { memberId: mine, kind: 'visit', note: '到店试衣' }, LIU)
    expect(logged).toMatchObject({ ok: true, data: { staffName: '刘芳', operatorName: '刘芳', day: '2026-11-23' } })
    expect(await d.dispatch('care:staffContacts', { staffId: zhouStaff, month: '2026-11' }, LIU)).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    })
    expect(await d.dispatch('care:staffContacts', { staffId: liuStaff, month: '2026-11' }, LIU)).toMatchObject({
      ok: true,
      data: [{ note: '到店试衣' }],
    })
  })

  it("lets a planner pick any maintainer, log on their behalf and read a member's log", async () => {
    const d = await desk()
    const choices = await d.dispatch('care:maintainerChoices', undefined, PLANNER)
    expect(choices).toMatchObject({
      ok: true,
      data: [
        { name: '刘芳', vips: 1 },
        { name: '周强', vips: 1 },
      ],
    })
    expect(await d.dispatch('care:myVips', { staffId: zhouStaff }, PLANNER)).toMatchObject({
      ok: true,
      data: { staff: { name: '周强' }, rows: [{ cardNo: 'V002' }] },
    })
    await d.dispatch('care:logContact', { memberId: theirs, kind: 'gift', day: '2026-11-20' }, PLANNER)
    const log = await d.dispatch('care:memberContacts', { memberId: theirs }, ZHOU)
    expect(log).toMatchObject({
      ok: true,
      data: {
        contacts: [{ staffName: '周强', operatorName: '孙企划', kindLabel: '赠礼', day: '2026-11-20' }],
        maintainers: [{ staffName: '周强', from: '2026-01-01', until: null }],
      },
    })
    expect(
      await d.dispatch('care:logContact', { memberId: theirs, kind: 'gift', day: '2026-11-30' }, ADMIN),
    ).toMatchObject({ ok: false, error: { kind: 'validation', message: '联系日期不能晚于今天' } })
  })
})
