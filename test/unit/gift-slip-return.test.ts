import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Printer } from '../../server/core/context'
import type { Envelope, OutputOf } from '../../server/contract/contract'
import { redemptionSlipHtml, slipNo } from '../../db/print/redemptionSlip'
import { isAppError } from '../../db/errors'
import { giftMovementHistory, memberRedemptions, redeemGifts, returnRedemptionLines } from '../../db/services/gifts'
import { createMember } from '../../db/services/members'
import { adjustPoints } from '../../db/services/points/adjust'
import { updateSettings } from '../../db/services/settings'
import { dumpDb, makeTestDb, type TestDb } from '../support/db'
import { dispatcherFor, testShell } from '../support/dispatcher'
import { makeGift } from '../support/gifts'

let t: TestDb
let memberId: number
beforeEach(() => {
  t = makeTestDb()
  memberId = createMember(t.db, { cardNo: 'V0088', name: '林雨桐', phone: '13900008866', tier: '普卡' }, t.admin).id
  adjustPoints(t.db, { memberId, points: 3000, reason: '测试积分' }, t.admin)
  makeGift(t.db, t.admin, { code: 'G01', name: '保温杯', pointsPrice: 400 }, 10)
  makeGift(t.db, t.admin, { code: 'G02', name: '真丝围巾', pointsPrice: 900 }, 5)
})
afterEach(() => t.close())

const redeemBoth = () =>
  redeemGifts(
    t.db,
    {
      memberId,
      lines: [
        { code: 'G01', qty: 2 },
        { code: 'G02', qty: 1 },
      ],
    },
    t.admin,
  )

function refusal(fn: () => unknown): string {
  try {
    fn()
  } catch (e) {
    if (isAppError(e)) return e.message
    throw e
  }
  throw new Error('expected a refusal')
}

describe('redemption slip', () => {
  it('names the store, the member, each gift, the points before and after and the operator', () => {
    updateSettings(t.db, { storeName: '华联百货' }, t.admin)
    const r = redeemBoth()
    const html = redemptionSlipHtml(t.db, r.redemptionId)
    expect(html).toContain('@page { size: 80mm auto')
    expect(html).toContain('华联百货')
    expect(html).toContain('积分兑换单')
    expect(html).toContain(slipNo(r.redemptionId))
    expect(html).toContain('林雨桐')
    expect(html).toContain('V0088')
    expect(html).toContain('普卡')
    expect(html).toMatch(/保温杯<\/td><td class="qty">×2<\/td><td class="num">800</)
    expect(html).toMatch(/真丝围巾<\/td><td class="qty">×1<\/td><td class="num">900</)
    expect(html).toMatch(/兑换前积分<\/span><span>3,000</)
    expect(html).toMatch(/兑换后积分<\/span><span>1,300</)
    expect(html).toMatch(/经办人<\/span><span>admin</)
    expect(html).toContain('会员签字')
    // A phone on paper leaves the room: only its masked form.
    expect(html).toContain('139****8866')
    expect(html).not.toContain('13900008866')
  })

  it('escapes HTML in names so a gift or member name cannot inject markup', () => {
    const id = createMember(t.db, { cardNo: 'V0099', name: '<b>王</b>&"五"' }, t.admin).id
    adjustPoints(t.db, { memberId: id, points: 1000, reason: '测试积分' }, t.admin)
    makeGift(t.db, t.admin, { code: 'G03', name: '<img src=x onerror=alert(1)>', pointsPrice: 100 }, 3)
    const r = redeemGifts(t.db, { memberId: id, lines: [{ code: 'G03', qty: 1 }] }, t.admin)
    const html = redemptionSlipHtml(t.db, r.redemptionId)
    expect(html).not.toContain('<img')
    expect(html).not.toContain('<b>王')
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(html).toContain('&lt;b&gt;王&lt;/b&gt;&amp;&quot;五&quot;')
  })

  it('carries the same number the screens show (DH000001, never a bare 1)', () => {
    const r = redeemBoth()
    expect(r.slipNo).toMatch(/^DH\d{6}$/)
    expect(Number(r.slipNo.slice(2))).toBe(r.redemptionId)
    const html = redemptionSlipHtml(t.db, r.redemptionId)
    expect(html).toContain(`<span>单号</span><span>${r.slipNo}</span>`)
    expect(memberRedemptions(t.db, { memberId })[0]).toMatchObject({ redemptionId: r.redemptionId, slipNo: r.slipNo })
    const moves = giftMovementHistory(t.db, { code: 'G01' })
    expect(moves.find((m) => m.kind === 'redeem')).toMatchObject({ slipNo: r.slipNo })
    expect(moves.find((m) => m.kind !== 'redeem')).toMatchObject({ slipNo: null })
  })

  it('refuses an unknown redemption in Chinese', () => {
    expect(refusal(() => redemptionSlipHtml(t.db, 999))).toBe('找不到该兑换单')
  })
})

describe('returning several lines of a redemption', () => {
  it('restores the stock and refunds the points of every line in one go', () => {
    const r = redeemBoth()
    t.setNow(new Date('2026-11-24T10:00:00+08:00'))
    const done = returnRedemptionLines(
      t.db,
      {
        redemptionId: r.redemptionId,
        lines: [
          { code: 'G01', qty: 1 },
          { code: 'G02', qty: 1 },
        ],
        reason: '包装破损',
      },
      t.admin,
    )
    expect(done).toEqual({ memberId, points: 1300, pointsAfter: 2600 })
  })

  it('returns nothing when one line is refused', () => {
    const r = redeemBoth()
    const before = dumpDb(t.db)
    const message = refusal(() =>
      returnRedemptionLines(
        t.db,
        {
          redemptionId: r.redemptionId,
          lines: [
            { code: 'G01', qty: 1 },
            { code: 'G02', qty: 2 },
          ],
          reason: '包装破损',
        },
        t.admin,
      ),
    )
    expect(message).toBe('真丝围巾最多还可退回 1 件')
    expect(dumpDb(t.db)).toEqual(before)
  })

  it('wants the defect written down', () => {
    const r = redeemBoth()
    expect(
      refusal(() =>
        returnRedemptionLines(
          t.db,
          { redemptionId: r.redemptionId, lines: [{ code: 'G01', qty: 1 }], reason: ' ' },
          t.admin,
        ),
      ),
    ).toMatch(/请填写质量问题/)
  })
})

describe('slip, photo and return calls through the dispatcher', () => {
  const VIPROOM = 2
  const CLERK = 3
  let picked: string | null
  let printed: string[]

  async function desk() {
    const printer: Printer = {
      pdf: () => Promise.reject(new Error('no PDF here')),
      print: async (html) => {
        printed.push(html)
        return true
      },
    }
    return dispatcherFor(t, testShell({ pickOpenFile: async () => picked, printer }), {
      [VIPROOM]: { name: '赵敏', role: 'viproom' },
      [CLERK]: { name: '钱进', role: 'clerk' },
    })
  }

  beforeEach(() => {
    picked = null
    printed = []
  })

  it('returns a gift within the window and refuses one after it, changing nothing', async () => {
    const d = await desk()
    const r = redeemBoth()
    t.setNow(new Date('2026-11-25T09:00:00+08:00'))
    const back = await d.dispatch(
      'gifts:return',
      { redemptionId: r.redemptionId, lines: [{ code: 'G01', qty: 2 }], reason: '杯盖破损' },
      VIPROOM,
    )
    expect(back).toEqual({ ok: true, data: { memberId, points: 800, pointsAfter: 2100 } })
    expect(await d.dispatch('gifts:list', {}, VIPROOM)).toMatchObject({ data: [{ code: 'G01', onHand: 10 }, {}] })
    expect(await d.dispatch('gifts:memberRedemptions', { memberId }, VIPROOM)).toMatchObject({
      data: [
        {
          lines: [
            { code: 'G01', returned: 2 },
            { code: 'G02', returned: 0 },
          ],
        },
      ],
    })
    t.setNow(new Date('2026-11-27T10:00:01+08:00'))
    const before = dumpDb(t.db)
    const late = await d.dispatch(
      'gifts:return',
      { redemptionId: r.redemptionId, lines: [{ code: 'G02', qty: 1 }], reason: '抽丝' },
      VIPROOM,
    )
    expect(late).toMatchObject({
      ok: false,
      error: { kind: 'conflict', message: '兑换礼品仅在兑换后 3 天内因质量问题可退回' },
    })
    expect(dumpDb(t.db)).toEqual(before)
    const clerk = await d.dispatch(
      'gifts:return',
      { redemptionId: r.redemptionId, lines: [{ code: 'G02', qty: 1 }], reason: '抽丝' },
      CLERK,
    )
    expect(clerk).toMatchObject({ ok: false, error: { kind: 'forbidden' } })
  })

  it('shows the slip to anyone and prints it for the VIP room', async () => {
    const d = await desk()
    const r = redeemBoth()
    const slip = (await d.dispatch('gifts:slip', { redemptionId: r.redemptionId }, CLERK)) as Envelope<
      OutputOf<'gifts:slip'>
    >
    expect(slip.ok && slip.data.html).toContain('林雨桐')
    expect(await d.dispatch('gifts:printSlip', { redemptionId: r.redemptionId }, VIPROOM)).toEqual({
      ok: true,
      data: { printed: true },
    })
    expect(printed).toHaveLength(1)
    expect(printed[0]).toContain('保温杯')
    const unknown = await d.dispatch('gifts:printSlip', { redemptionId: 4242 }, VIPROOM)
    expect(unknown).toMatchObject({ ok: false, error: { kind: 'not_found', message: '找不到该兑换单' } })
    expect(printed).toHaveLength(1)
    expect(await d.dispatch('gifts:printSlip', { redemptionId: r.redemptionId }, CLERK)).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    })
  })

  it('copies a picked photo in and serves it back as a data URL', async () => {
    const d = await desk()
    expect(await d.dispatch('gifts:pickPhoto', undefined, VIPROOM)).toEqual({ ok: true, data: null })
    picked = join(t.dir, 'cup.png')
    // The 8-byte PNG signature is all a data URL needs; nothing decodes it here.
    writeFileSync(picked, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    const got = (await d.dispatch('gifts:pickPhoto', undefined, VIPROOM)) as Envelope<OutputOf<'gifts:pickPhoto'>>
    if (!got.ok || !got.data) throw new Error('expected a photo')
    expect(got.data.photo).toMatch(/^[0-9a-f-]{36}\.png$/)
    expect(got.data.dataUrl).toBe('data:image/png;base64,iVBORw0KGgo=')
    await d.dispatch('gifts:update', { code: 'G01', photo: got.data.photo }, VIPROOM)
    expect(await d.dispatch('gifts:photo', { code: 'G01' }, CLERK)).toEqual({ ok: true, data: got.data.dataUrl })
    expect(await d.dispatch('gifts:photo', { code: 'G02' }, CLERK)).toEqual({ ok: true, data: null })
    picked = join(t.dir, 'notes.txt')
    writeFileSync(picked, 'x')
    expect(await d.dispatch('gifts:pickPhoto', undefined, VIPROOM)).toMatchObject({
      ok: false,
      error: { kind: 'validation', message: expect.stringContaining('照片须为图片文件') },
    })
  })
})
