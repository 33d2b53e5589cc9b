import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Proposal } from '../../db/services/care'
import { getSettings } from '../../db/services/settings'
import { makeTestDb, type TestDb } from '../support/db'
import { dispatcherFor, testShell } from '../support/dispatcher'
import { makeBuyer } from '../support/careAssign'

// The planners' care calls as the renderer makes them: through the dispatcher, with roles and envelopes.
let t: TestDb
const PLANNER = 1
const CLERK = 2

const desk = () =>
  dispatcherFor(t, testShell(), {
    [PLANNER]: { name: '企划小陈', role: 'planner' },
    [CLERK]: { name: '钱进', role: 'clerk' },
  })

beforeEach(() => {
  t = makeTestDb()
  makeBuyer(t.db, t.admin, 'V0001', [[9000]])
})
afterEach(() => t.close())

describe('care assignment calls', () => {
  it('lets a planner register, propose and apply, recording who did it; a clerk is refused', async () => {
    const d = await desk()
    const added = await d.dispatch(
      'care:staffAdd',
      { name: '李娜', department: '营业一课', hireDate: '2024-01-02' },
      PLANNER,
    )
    expect(added).toMatchObject({ ok: true, data: { name: '李娜', eligible: true } })
    const refused = await d.dispatch(
      'care:staffAdd',
      { name: '王强', department: '企划', hireDate: '2024-01-02' },
      CLERK,
    )
    expect(refused).toMatchObject({ ok: false, error: { kind: 'forbidden' } })
    const dup = await d.dispatch('care:staffAdd', { name: '李娜', department: '企划', hireDate: '2024-01-02' }, PLANNER)
    expect(dup).toMatchObject({
      ok: false,
      error: { kind: 'conflict', message: expect.stringContaining('已有名为"李娜"') },
    })
    const proposal = await d.dispatch('care:autoPropose', {}, PLANNER)
    if (!proposal.ok) throw new Error(proposal.error.message)
    expect((proposal.data as Proposal).rows.map((r) => [r.cardNo, r.staffName])).toEqual([['V0001', '李娜']])
    const rows = (proposal.data as Proposal).rows.map((r) => ({
      memberId: r.memberId,
      staffId: r.staffId,
      currentStaffId: null,
    }))
    expect(await d.dispatch('care:autoApply', { rows }, PLANNER)).toEqual({ ok: true, data: { assigned: 1, moved: 0 } })
    const by = t.db.sqlite
      .prepare('SELECT o.name FROM vip_assignments a JOIN operators o ON o.id = a.created_by')
      .pluck()
      .get()
    expect(by).toBe('企划小陈')
    const list = await d.dispatch('care:highValue', undefined, PLANNER)
    expect(list).toMatchObject({
      ok: true,
      data: { rows: [{ cardNo: 'V0001', staffName: '李娜', status: 'assigned' }] },
    })
  })

  it('lets planners (not clerks) change the care settings, validated in Chinese', async () => {
    const d = await desk()
    const care = getSettings(t.db).care
    const saved = await d.dispatch('care:settingsUpdate', { ...care, defaultCapacity: 12 }, PLANNER)
    expect(saved).toMatchObject({ ok: true, data: { defaultCapacity: 12 } })
    expect(getSettings(t.db).care.defaultCapacity).toBe(12)
    const bad = await d.dispatch('care:settingsUpdate', { ...care, defaultCapacity: 0 }, PLANNER)
    expect(bad).toMatchObject({ ok: false, error: { message: expect.stringContaining('每人至少维护 1 位') } })
    expect(await d.dispatch('care:settingsUpdate', care, CLERK)).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    })
    expect(getSettings(t.db).care.defaultCapacity).toBe(12)
  })
})
