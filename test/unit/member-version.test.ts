import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { InputOf, OutputOf } from '../../server/contract/contract'
import { inTransaction } from '../../db/handle'
import {
  closeMember,
  createMember,
  reactivateMember,
  replaceCard,
  reportLost,
  updateMember,
} from '../../db/services/members'
import { commitMemberImport, guessMapping, type SheetData } from '../../db/services/members/import'
import { createOperator, toActor } from '../../db/services/operators'
import { adjustPoints } from '../../db/services/points/adjust'
import { recordPurchase } from '../../db/services/purchases'
import { applyTierChange } from '../../db/services/tiers'
import { dumpDb, makeTestDb, type TestDb } from '../support/db'
import { dispatcherFor, testShell } from '../support/dispatcher'
import { storeDate } from '../support/storeTime'

// Two desks edit the same member: a save made against what the desk saw before someone else's
// change is refused, says who changed which fields and when, and writes nothing.
let t: TestDb
let id: number
beforeEach(() => {
  t = makeTestDb(storeDate(2026, 10, 23, 9, 0))
  id = createMember(
    t.db,
    { cardNo: 'V0001', name: '王芳', phone: '13912345678', province: '浙江省', city: '杭州市', address: '解放路 1 号' },
    t.admin,
  ).id
})
afterEach(() => t.close())

const DESK_A = 1
const DESK_B = 2
const desks = () =>
  dispatcherFor(t, testShell(), {
    [DESK_A]: { name: '李明', role: 'viproom' },
    [DESK_B]: { name: '张丽', role: 'planner' },
  })
type Desks = Awaited<ReturnType<typeof desks>>

async function open(d: Desks, desk: number): Promise<OutputOf<'members:get'>> {
  const r = await d.dispatch('members:get', { id }, desk)
  if (!r.ok) throw new Error(r.error.message)
  return r.data as OutputOf<'members:get'>
}
/** members:update as a desk sends it, the input checked against the contract. */
const save = (d: Desks, desk: number, input: InputOf<'members:update'>) => d.dispatch('members:update', input, desk)
const version = () => t.db.sqlite.prepare('SELECT updated_at FROM members WHERE id = ?').pluck().get(id) as number

describe('saving a member another desk changed', () => {
  it('is refused with who, what and when; nothing changes; a save from the new version goes through', async () => {
    const d = await desks()
    t.setNow(storeDate(2026, 10, 23, 14, 0))
    const seenByA = await open(d, DESK_A)

    t.setNow(storeDate(2026, 10, 23, 14, 5))
    const seenByB = await open(d, DESK_B)
    const b = await save(d, DESK_B, {
      id,
      expectedVersion: seenByB.version,
      phone: '13800001111',
      address: '延安路 8 号',
    })
    expect(b).toMatchObject({ ok: true, data: { changed: ['手机', '地址'] } })

    t.setNow(storeDate(2026, 10, 23, 14, 7))
    const before = dumpDb(t.db)
    const stale = await save(d, DESK_A, {
      id,
      expectedVersion: seenByA.version,
      address: '解放路 2 号',
      notes: '喜欢丝巾',
    })
    expect(stale).toMatchObject({
      ok: false,
      error: { kind: 'conflict', message: '该会员资料已被 张丽 于 11-23 14:05 修改（手机、地址），请重新载入后再改' },
    })
    // Labels only: none of the values B wrote (or A tried to write) reach A's screen.
    const message = stale.ok ? '' : stale.error.message
    for (const value of ['13800001111', '1111', '延安路', '解放路']) expect(message).not.toContain(value)
    expect(dumpDb(t.db)).toEqual(before)

    // 重新载入: A reads the member again and saves from there.
    const reloaded = await open(d, DESK_A)
    expect(reloaded.version).not.toBe(seenByA.version)
    expect(reloaded.address).toBe('延安路 8 号')
    const retry = await save(d, DESK_A, { id, expectedVersion: reloaded.version, notes: '喜欢丝巾' })
    expect(retry).toMatchObject({ ok: true, data: { changed: ['备注'] } })
    const after = await open(d, DESK_A)
    expect(after).toMatchObject({ address: '延安路 8 号', phone: '138****1111', notes: '喜欢丝巾' })
  })

  it('names every desk and field changed since, and the latest time', async () => {
    const d = await desks()
    const seenByA = await open(d, DESK_A)
    const b = toActor(createOperator(t.db, { name: '赵敏', role: 'planner', password: 'secret123' }, t.admin))
    t.setNow(storeDate(2026, 10, 23, 10, 15))
    reportLost(t.db, { id, reason: '顾客来电挂失' }, b)
    t.setNow(storeDate(2026, 10, 23, 10, 40))
    replaceCard(t.db, { id, newCardNo: 'V0002', reason: '遗失补卡' }, t.admin)
    updateMember(t.db, { id, name: '王芳芳' }, t.admin)
    const r = await save(d, DESK_A, { id, expectedVersion: seenByA.version, notes: '新备注' })
    expect(r).toMatchObject({
      ok: false,
      error: {
        kind: 'conflict',
        message: '该会员资料已被 赵敏、admin 修改（状态、卡号、姓名），最近一次在 11-23 10:40，请重新载入后再改',
      },
    })
    // The free-text reasons are not field labels and stay out.
    expect(r.ok ? '' : r.error.message).not.toMatch(/挂失|遗失/)
  })

  it('is refused after a tier upgrade at the till too, naming who recorded the purchase', async () => {
    const d = await desks()
    const seenByA = await open(d, DESK_A)
    const clerk = toActor(createOperator(t.db, { name: '钱进', role: 'clerk', password: 'secret123' }, t.admin))
    t.setNow(storeDate(2026, 10, 23, 11, 30))
    recordPurchase(t.db, { memberId: id, receiptNo: 'R1', amountFen: 320000 }, clerk)
    expect((await open(d, DESK_B)).tier).toBe('银卡')
    const r = await save(d, DESK_A, { id, expectedVersion: seenByA.version, tier: '普卡' })
    expect(r).toMatchObject({
      ok: false,
      error: { kind: 'conflict', message: '该会员资料已被 钱进 于 11-23 11:30 修改，请重新载入后再改' },
    })
    expect((await open(d, DESK_B)).tier).toBe('银卡')
  })

  it('is not refused for what the till changes in bulk: points and the last purchase', async () => {
    const d = await desks()
    const seenByA = await open(d, DESK_A)
    recordPurchase(t.db, { memberId: id, receiptNo: 'R1', amountFen: 12800 }, t.admin)
    adjustPoints(t.db, { memberId: id, points: 50, reason: '补录' }, t.admin)
    const r = await save(d, DESK_A, { id, expectedVersion: seenByA.version, notes: '常客' })
    expect(r).toMatchObject({ ok: true, data: { changed: ['备注'] } })
  })

  it('still saves a caller that sends no version (a script), as before', () => {
    updateMember(t.db, { id, notes: '一' }, t.admin)
    expect(updateMember(t.db, { id, notes: '二' }, t.admin).changed).toEqual(['备注'])
  })
})

type Step = {
  kind: 'edit' | 'status' | 'card' | 'tier' | 'import' | 'purchase' | 'points' | 'stale' | 'nothing'
  clock: number
}

const step: fc.Arbitrary<Step> = fc.record({
  kind: fc.constantFrom<Step['kind']>(
    'edit',
    'status',
    'card',
    'tier',
    'import',
    'purchase',
    'points',
    'stale',
    'nothing',
  ),
  // How the clock moves first: set back a minute, stands still, one millisecond, an hour.
  clock: fc.constantFrom(-60_000, 0, 1, 3_600_000),
})

/** Changes that make an open form stale, and those that must not (see db/services/members/version.ts). */
const COUNTED = new Set<Step['kind']>(['edit', 'status', 'card', 'tier', 'import'])

describe('the member version', () => {
  it('goes up on every change the form counts, and stays on the till’s and on refused ones', async () => {
    let n = 0
    const row = () =>
      t.db.sqlite.prepare('SELECT card_no AS cardNo, name, status, tier FROM members WHERE id = ?').get(id) as {
        cardNo: string
        name: string
        status: string
        tier: string
      }
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
        let now = t.db.now().getTime()
        for (const s of steps) {
          n++
          now += s.clock
          t.setNow(new Date(now))
          const m = row()
          const before = version()
          switch (s.kind) {
            case 'edit':
              updateMember(t.db, { id, expectedVersion: before, notes: `备注${n}` }, t.admin)
              break
            case 'status':
              if (m.status === 'active') reportLost(t.db, { id, reason: '挂失' }, t.admin)
              else if (m.status === 'lost') closeMember(t.db, { id, reason: '注销' }, t.admin)
              else reactivateMember(t.db, { id, reason: '恢复' }, t.admin)
              break
            case 'card':
              if (m.status === 'closed') reactivateMember(t.db, { id, reason: '恢复' }, t.admin)
              else replaceCard(t.db, { id, newCardNo: `C${String(n).padStart(5, '0')}` }, t.admin)
              break
            case 'tier': {
              const to = m.tier === '普卡' ? '银卡' : '普卡'
              inTransaction(t.db, () => applyTierChange(t.db, id, m.tier, to, '测试', now, t.admin))
              break
            }
            case 'import': {
              const sheet: SheetData = {
                fileName: 'members.csv',
                headers: ['卡号', '姓名'],
                rows: [{ row: 2, cells: [m.cardNo, `会员${n}`] }],
              }
              await commitMemberImport(t.db, sheet, guessMapping(sheet.headers), t.admin)
              break
            }
            case 'purchase':
              // Small enough never to cross a tier bar: points and last purchase only.
              recordPurchase(t.db, { memberId: id, amountFen: 100 }, t.admin)
              break
            case 'points':
              adjustPoints(t.db, { memberId: id, points: 10, reason: '补录' }, t.admin)
              break
            case 'stale': {
              const snapshot = dumpDb(t.db)
              expect(() => updateMember(t.db, { id, expectedVersion: before - 1, notes: 'x' }, t.admin)).toThrow(
                /该会员资料已被 .+ 修改/,
              )
              expect(dumpDb(t.db)).toEqual(snapshot)
              break
            }
            case 'nothing':
              // A save that changes no field writes nothing, so it is no change either.
              updateMember(t.db, { id, expectedVersion: before, name: m.name }, t.admin)
              break
          }
          if (COUNTED.has(s.kind)) expect(version(), s.kind).toBeGreaterThan(before)
          else expect(version(), s.kind).toBe(before)
        }
      }),
      { numRuns: 25 },
    )
  })
})
