import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { birthdayCardsHtml, type CardRecipient } from '../../db/print/birthdayCards'
import { htmlToPdf } from '../../db/print/chromium'

// The printed cards' PDF: text a print shop can search (every name found by pdftotext), the CJK
// font embedded as a subset TrueType font rather than Type 3 glyphs, and small per card.
const NAMES = ['林晓', '周敏', '欧阳娜娜', '司马光', '黄宇', '张妍', '赵一鸣', '钱多多', '孙悟空', '李四']
const recipients: CardRecipient[] = NAMES.map((name, i) => ({
  memberId: i + 1,
  cardNo: `B${i}`,
  name,
  gender: i % 2 ? '女' : '男',
  dateThisYear: `2026-12-${String(i + 1).padStart(2, '0')}`,
  province: '浙江省',
  city: '杭州市',
  district: '上城区',
  address: `解放路 ${i + 1} 号`,
  postalCode: '310002',
}))
const sender = {
  storeName: '和平百货',
  storeAddress: '杭州市延安路 1 号',
  storePostalCode: '310001',
  storePhone: '0571-1',
  logo: null,
}
const greeting = { template: '亲爱的{姓名}{称谓}：\n祝您生日快乐！', giftText: '生日蛋糕一份', collectDays: 30 }

const has = (family: string) => execFileSync('fc-list', [`:family=${family}`], { encoding: 'utf8' }).trim() !== ''
const fontsPresent = has('WenQuanYi Micro Hei') && has('AR PL UMing CN')

let dir: string
const pdfs: Record<string, { file: string; bytes: number }> = {}
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vipdesk-fonts-'))
  for (const design of ['folded-a5', 'postcard'] as const) {
    const pdf = await htmlToPdf(birthdayCardsHtml({ design, recipients, sender, greeting }))
    const file = join(dir, `${design}.pdf`)
    writeFileSync(file, pdf)
    pdfs[design] = { file, bytes: pdf.length }
  }
}, 120_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe.each(['folded-a5', 'postcard'])('%s cards as PDF', (design) => {
  it('keeps the text selectable: pdftotext finds every member name', () => {
    const text = execFileSync('pdftotext', [pdfs[design]!.file, '-'], { encoding: 'utf8' })
    for (const name of NAMES) expect(text, name).toContain(name)
  })

  it.runIf(fontsPresent)('embeds the CJK text as subset CID TrueType, no Type 3 font', () => {
    const fonts = execFileSync('pdffonts', [pdfs[design]!.file], { encoding: 'utf8' }).split('\n').slice(2)
    const used = fonts.filter(Boolean)
    expect(used.length).toBeGreaterThan(0)
    expect(used.filter((l) => /Type 3/.test(l))).toEqual([])
    for (const line of used) expect(line).toMatch(/CID TrueType\s+Identity-H\s+yes yes yes/)
  })

  it.runIf(fontsPresent)('stays small: the ornaments once per document, a few KB a card', () => {
    // 10 cards: the ornament pictures (about 150 KB) plus the cards' own pages.
    expect(pdfs[design]!.bytes).toBeLessThan(250_000)
  })
})
