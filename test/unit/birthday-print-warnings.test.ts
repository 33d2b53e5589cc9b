import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { InputOf, OutputOf } from '../../server/contract/contract'
import { photosDirOf } from '../../db/services/gifts/photos'
import { createMember } from '../../db/services/members/write'
import { updateSettings } from '../../db/services/settings'
import { dumpDb, makeTestDb, type TestDb } from '../support/db'
import { dispatcherFor, testShell } from '../support/dispatcher'
import { makeGift } from '../support/gifts'
import { giftPhoto } from '../support/png'
import { chromiumPrinter } from '../support/printer'

// What the print panel and the catalogue say before anything is printed: the sender block without
// an address, gifts without a photo, and the one-card test print that records nothing.
let t: TestDb
let printer: ReturnType<typeof chromiumPrinter>
const CLERK = 2
const VIPROOM = 3
const DEC = '2026-12'

const app = () =>
  dispatcherFor(t, testShell({ printer: { pdf: (h) => printer.pdf(h), print: (h) => printer.print(h) } }), {
    1: 'admin',
    [CLERK]: { name: '钱进', role: 'clerk' },
    [VIPROOM]: { name: '赵敏', role: 'viproom' },
  })

beforeEach(() => {
  t = makeTestDb() // 23 November 2026
  printer = chromiumPrinter()
  createMember(
    t.db,
    {
      cardNo: 'B001',
      name: '林晓',
      birthday: '1980-12-03',
      phone: '13812345678',
      province: '浙江省',
      city: '杭州市',
      district: '上城区',
      address: '解放路 1 号',
      postalCode: '310002',
      mailConsent: true,
    },
    t.admin,
  )
})
afterEach(() => {
  dispatcher = null
  t.close()
})

let dispatcher: Awaited<ReturnType<typeof app>> | null = null
const plan = async (over: Partial<InputOf<'birthdays:prepare'>>) => {
  dispatcher ??= await app()
  const r = await dispatcher.dispatch(
    'birthdays:prepare',
    { month: DEC, design: 'folded-a5', labels: null, labelOffset: 0, reprint: false, ...over },
    CLERK,
  )
  if (!r.ok) throw new Error(r.error.message)
  return r.data as OutputOf<'birthdays:prepare'>
}

describe('the sender block without a store address', () => {
  it('is warned about before envelopes, labels or postcards, naming what would print', async () => {
    expect((await plan({ labels: 'envelope' })).senderWarning).toBe(
      '还没有设置门店地址：信封上的寄件人只会印"百货商场"，退回的邮件也无处可退。请先到 设置 → 门店 填写地址、邮编和电话（命令行：settings store --address … --postcode …）。',
    )
    expect((await plan({ labels: '3x7' })).senderWarning).toMatch(/^还没有设置门店地址：标签上的寄件人/)
    expect((await plan({ design: 'postcard' })).senderWarning).toMatch(/^还没有设置门店地址：明信片上的寄件人/)
    expect((await plan({ design: 'postcard', labels: '2x5' })).senderWarning).toMatch(/标签和明信片上的寄件人/)
  })

  it('is not warned about for folded cards alone, nor once the address is set', async () => {
    expect((await plan({})).senderWarning).toBeNull()
    updateSettings(t.db, { storeAddress: '杭州市上城区延安路 1 号', storePostalCode: '310001' }, t.admin)
    expect((await plan({ design: 'postcard', labels: 'envelope' })).senderWarning).toBeNull()
  })
})

describe('the test print', () => {
  it('sends one sample card of the chosen design to the printer and records nothing', async () => {
    const d = await app()
    const before = dumpDb(t.db)
    expect(await d.dispatch('birthdays:testPrint', { design: 'postcard' }, CLERK)).toEqual({
      ok: true,
      data: { printed: true },
    })
    expect(printer.printed).toHaveLength(1)
    expect(printer.printed[0]).toContain('王小明')
    expect(printer.printed[0]).not.toContain('林晓')
    expect(printer.printed[0]).toContain('size: 148mm 100mm')
    expect(dumpDb(t.db)).toEqual(before)
  })

  it('is refused to the VIP room and for an unknown design', async () => {
    const d = await app()
    expect(await d.dispatch('birthdays:testPrint', { design: 'postcard' }, VIPROOM)).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    })
    expect(await d.dispatch('birthdays:testPrint', { design: 'a3' as never }, CLERK)).toMatchObject({
      ok: false,
      error: { kind: 'validation', message: '请选择贺卡样式' },
    })
    expect(printer.printed).toHaveLength(0)
  })
})

describe('the gift catalogue without photos', () => {
  const Q1 = { validFrom: 20260101, validUntil: 20260331 }
  it('says how many gifts have no photo (none set or the file gone) and which', async () => {
    const dir = photosDirOf(t.file)
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, 'g1.png'), giftPhoto([60, 140, 90], 60, 8))
    makeGift(t.db, t.admin, { code: 'G1', name: '保温杯', pointsPrice: 800, photo: 'g1.png' }, 3)
    makeGift(t.db, t.admin, { code: 'G2', name: '香薰蜡烛', pointsPrice: 900 }, 3)
    makeGift(t.db, t.admin, { code: 'G3', name: '真丝方巾', pointsPrice: 1000, photo: 'gone.png' }, 3)
    makeGift(t.db, t.admin, { code: 'G4', name: '茶具', pointsPrice: 1200 }, 3)
    const d = await app()
    const r = await d.dispatch('gifts:catalogue', Q1, CLERK)
    expect(r).toMatchObject({
      ok: true,
      data: {
        count: 4,
        photoWarning:
          '3 件礼品没有照片（香薰蜡烛、真丝方巾、茶具），礼品册上会印成"图片待补"。请先在「库存」中为它们添加照片，再打印或保存。',
      },
    })
  })

  it('says nothing when every gift has its photo', async () => {
    const dir = photosDirOf(t.file)
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, 'g1.png'), giftPhoto([60, 140, 90], 60, 8))
    makeGift(t.db, t.admin, { code: 'G1', name: '保温杯', pointsPrice: 800, photo: 'g1.png' }, 3)
    const r = await (await app()).dispatch('gifts:catalogue', Q1, CLERK)
    expect(r).toMatchObject({ ok: true, data: { count: 1, photoWarning: null } })
  })
})
