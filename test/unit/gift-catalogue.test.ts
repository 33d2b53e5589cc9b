import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { htmlToPdf } from '../../db/print/chromium'
import { escapeHtml } from '../../db/print/document'
import { giftCatalogueHtml } from '../../db/print/giftCatalogue'
import { calendarQuarter, POINTS_BANDS, pointsBandOf } from '../../db/rules/gifts'
import { photosDirOf, updateGift } from '../../db/services/gifts'
import { updateSettings } from '../../db/services/settings'
import { makeTestDb, type TestDb } from '../support/db'
import { makeGift } from '../support/gifts'
import { giftPhoto } from '../support/png'

const Q1 = { validFrom: 20260101, validUntil: 20260331 }

describe('points bands (礼品册)', () => {
  it('run from under 1,000 up to 10,000 and more, each price in exactly one', () => {
    expect(POINTS_BANDS.map((b) => b.label)).toEqual([
      '1,000 分以下',
      '1,000–2,999 分',
      '3,000–4,999 分',
      '5,000–9,999 分',
      '10,000 分及以上',
    ])
    expect(pointsBandOf(1).label).toBe('1,000 分以下')
    expect(pointsBandOf(999).label).toBe('1,000 分以下')
    expect(pointsBandOf(1000).label).toBe('1,000–2,999 分')
    expect(pointsBandOf(2999).label).toBe('1,000–2,999 分')
    expect(pointsBandOf(3000).label).toBe('3,000–4,999 分')
    expect(pointsBandOf(9999).label).toBe('5,000–9,999 分')
    expect(pointsBandOf(10000).label).toBe('10,000 分及以上')
    expect(pointsBandOf(250000).label).toBe('10,000 分及以上')
  })
  it('a catalogue is valid for a calendar quarter by default', () => {
    expect(calendarQuarter(20260101)).toEqual({ from: 20260101, until: 20260331 })
    expect(calendarQuarter(20260515)).toEqual({ from: 20260401, until: 20260630 })
    expect(calendarQuarter(20260930)).toEqual({ from: 20260701, until: 20260930 })
    expect(calendarQuarter(20261123)).toEqual({ from: 20261001, until: 20261231 })
  })
  it('escapes text for HTML', () => {
    expect(escapeHtml(`<b>"茶" & '杯'</b>`)).toBe('&lt;b&gt;&quot;茶&quot; &amp; &#39;杯&#39;&lt;/b&gt;')
  })
})

describe('the printed gift catalogue', () => {
  let t: TestDb
  let photosDir: string
  let text: string
  let pages: number

  beforeAll(async () => {
    t = makeTestDb()
    photosDir = photosDirOf(t.file)
    mkdirSync(photosDir, { recursive: true })
    updateSettings(t.db, { storeName: '和平百货' }, t.admin)
    const photo = (name: string, hue: [number, number, number]) => {
      writeFileSync(join(photosDir, name), giftPhoto(hue, 200, 24))
      return name
    }
    const g = (code: string, name: string, pointsPrice: number | null, over: object = {}) =>
      makeGift(t.db, t.admin, { code, name, pointsPrice, ...over }, 5)
    g('A1', '环保购物袋', 300, { photo: photo('a1.png', [60, 140, 90]) })
    g('A2', '香薰蜡烛', 800)
    g('B1', '不锈钢保温杯', 1200, { maxBalance: 3000, photo: photo('b1.png', [40, 90, 160]) })
    g('B2', '真丝方巾', 2500, { availableFrom: 20260215 })
    g('C1', '精品茶具', 3500, { minTier: '金卡' })
    g('D1', '羊绒围巾', 6000, { photo: photo('d1.png', [150, 40, 60]) })
    g('E1', '空气炸锅', 12000, { availableUntil: 20260228 })
    g('E0', '行李箱', 12000)
    // Left out: stopped, not for points, offered only outside the period.
    g('X1', '停用的台灯', 900)
    updateGift(t.db, { code: 'X1', active: false }, t.admin)
    g('X2', '开卡礼盒', null, { category: 'opening' })
    g('X3', '去年的月饼', 700, { availableFrom: 20250901, availableUntil: 20251231 })
    g('X4', '夏季凉席', 1500, { availableFrom: 20260701 })

    const doc = giftCatalogueHtml(t.db, { ...Q1, photosDir })
    expect(doc.count).toBe(8)
    const pdf = await htmlToPdf(doc.html)
    const dir = resolve(t.dir, 'out')
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, 'catalogue.pdf'), pdf)
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    text = execFileSync('pdftotext', ['-layout', join(dir, 'catalogue.pdf'), '-'], { encoding: 'utf8' })
    pages = Number(
      /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [join(dir, 'catalogue.pdf')], { encoding: 'utf8' }))![1],
    )
    expect(pages).toBe(doc.pages)
    // The picture a person looks at: page one at 60 dpi, kept with the README's pictures when
    // they are being refreshed (VIPDESK_SCREENSHOTS=1), like the e2e screenshots.
    const shot = process.env.VIPDESK_SCREENSHOTS
      ? resolve(__dirname, '../e2e/screenshots/gift-catalogue')
      : join(dir, 'gift-catalogue')
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '60',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      join(dir, 'catalogue.pdf'),
      shot,
    ])
    expect(readFileSync(`${shot}.png`).subarray(1, 4).toString()).toBe('PNG')
  }, 60_000)
  afterAll(() => t.close())

  it('lists every gift on offer with its points price', () => {
    for (const [name, price] of [
      ['环保购物袋', '300'],
      ['香薰蜡烛', '800'],
      ['不锈钢保温杯', '1,200'],
      ['真丝方巾', '2,500'],
      ['精品茶具', '3,500'],
      ['羊绒围巾', '6,000'],
      ['空气炸锅', '12,000'],
      ['行李箱', '12,000'],
    ]) {
      expect(text).toContain(name)
      expect(text).toMatch(new RegExp(`${price}\\s*分`))
    }
  })
  it('leaves out stopped gifts, gifts without a points price and those offered only outside the period', () => {
    for (const name of ['停用的台灯', '开卡礼盒', '去年的月饼', '夏季凉席']) expect(text).not.toContain(name)
  })
  it("carries the store's name, the validity and page numbers", () => {
    expect(text).toContain('和平百货')
    expect(text).toContain('积分兑换礼品册')
    expect(text).toContain('有效期 2026-01-01 至 2026-03-31')
    expect(text).toMatch(new RegExp(`第\\s*1\\s*页\\s*/\\s*共\\s*${pages}\\s*页`))
  })
  it('groups by band, lowest first, and by points then code within a band', () => {
    const at = (s: string) => text.indexOf(s)
    const bands = POINTS_BANDS.map((b) => at(b.label))
    expect(bands.every((i) => i >= 0)).toBe(true)
    expect([...bands].sort((a, b) => a - b)).toEqual(bands)
    expect(at('环保购物袋')).toBeLessThan(at('香薰蜡烛'))
    expect(at('香薰蜡烛')).toBeLessThan(at('1,000–2,999 分'))
    expect(at('10,000 分及以上')).toBeLessThan(at('行李箱'))
  })
  it('prints the conditions in small print', () => {
    expect(text).toContain('限积分 3,000 分以下会员')
    expect(text).toContain('限金卡及以上会员')
    expect(text).toContain('2026-02-15 起可兑换')
    expect(text).toContain('兑换至 2026-02-28')
  })
  it('embeds the photos and draws a placeholder where there is none', () => {
    const { html } = giftCatalogueHtml(t.db, { ...Q1, photosDir })
    const own = readFileSync(join(photosDir, 'b1.png')).toString('base64')
    expect(html).toContain(`data:image/png;base64,${own}`)
    expect(html.match(/<img /g)).toHaveLength(3)
    expect(html.match(/图片待补/g)).toHaveLength(5)
    expect(html).not.toMatch(/<script|https?:\/\//)
  })
  it('escapes what staff typed into names', () => {
    makeGift(t.db, t.admin, { code: 'Z9', name: '<img src=x onerror=alert(1)>', pointsPrice: 100 })
    const { html } = giftCatalogueHtml(t.db, { ...Q1, photosDir })
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
    updateGift(t.db, { code: 'Z9', active: false }, t.admin)
  })
  it('refuses an impossible or reversed period in Chinese', () => {
    expect(() => giftCatalogueHtml(t.db, { validFrom: 20260230, validUntil: 20260331, photosDir })).toThrow(
      '有效期开始日期不是有效日期',
    )
    expect(() => giftCatalogueHtml(t.db, { validFrom: 20260331, validUntil: 20260101, photosDir })).toThrow(
      '有效期结束日期不能早于开始日期',
    )
  })
  it('says so when nothing is on offer in the period', () => {
    const empty = makeTestDb()
    try {
      makeGift(empty.db, empty.admin, { code: 'N1', name: '开卡礼', category: 'opening', pointsPrice: null })
      expect(() => giftCatalogueHtml(empty.db, { ...Q1, photosDir })).toThrow(/没有可兑换的礼品/)
    } finally {
      empty.close()
    }
  })
})
