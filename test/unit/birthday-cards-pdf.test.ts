import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addressLabelsHtml, labelsPerSheet, type LabelLayout } from '../../db/print/addressLabels'
import {
  birthdayCardsHtml,
  CARD_PAGES,
  type CardDesign,
  type CardGreeting,
  type CardRecipient,
  type CardSender,
} from '../../db/print/birthdayCards'
import { openPdfRenderer, type PdfRenderer } from '../../db/print/chromium'
import { DEFAULT_CARD_TEMPLATE } from '../../db/rules/birthdayMail'
import { giftPhoto } from '../support/png'

type Row = [string, CardRecipient['gender'], string | null, string | null, string | null, string | null, string | null]

// Hand-written members born in November, in the order the batch prints them.
const ROWS: Row[] = [
  ['张伟', '男', '浙江省', '杭州市', '西湖区', '文三路 90 号东部软件园 3 幢 502 室', '310012'],
  ['王秀英', '女', '北京市', '北京市', '朝阳区', '建国路 88 号 SOHO 现代城 5 号楼 1201', '100022'],
  ['李娜', '女', '上海市', '上海市', '浦东新区', '世纪大道 100 号', '200120'],
  ['刘䶮', '男', '广东省', '广州市', '天河区', '体育西路 103 号维多利广场 A 座 2305', '510620'],
  ['陈喆', '男', '河南省', '济源市', null, '济水大街中段 168 号', '459000'],
  ['杨堃', null, '江苏省', '南京市', '鼓楼区', '中山北路 30 号', '210008'],
  ['赵赟', '女', '四川省', '成都市', '武侯区', '人民南路四段 12 号', '610041'],
  ['黄燚', '男', '湖北省', '武汉市', '江汉区', '解放大道 688 号', '430022'],
  ['周昇', '男', '山东省', '青岛市', '市南区', '香港中路 76 号', '266071'],
  ['吴婷婷', '女', '福建省', '厦门市', '思明区', '鹭江道 8 号', '361001'],
  [
    '欧阳晓燕',
    '女',
    '新疆维吾尔自治区',
    '乌鲁木齐市',
    '沙依巴克区',
    '友好南路 668 号友好花园小区二期 17 号楼 3 单元 1102 室（请放门卫室，电话联系后再送）',
    '830002',
  ],
  ['徐静蕾', '女', '天津市', '天津市', '和平区', '南京路 189 号', '300051'],
  ['孙立', '男', '重庆市', '重庆市', '渝中区', '解放碑民权路 28 号', '400010'],
  ['马骉', '男', '陕西省', '西安市', '雁塔区', '小寨东路 1 号', '710061'],
  ['朱丽', '女', '湖南省', '长沙市', '芙蓉区', '五一大道 389 号', '410011'],
  ['胡淼', '女', '安徽省', '合肥市', '蜀山区', '长江西路 200 号', '230031'],
  ['郭鑫', '男', '辽宁省', '大连市', '中山区', '人民路 50 号', '116001'],
  ['何蕊', '女', '云南省', '昆明市', '五华区', '东风西路 11 号', '650031'],
  ['高犇', '男', '河北省', '石家庄市', '长安区', '中山东路 39 号', '050011'],
  ['林晗', '女', '海南省', '海口市', '龙华区', '国贸大道 2 号', '570125'],
  ['罗翀', '男', '江西省', '南昌市', '东湖区', '八一大道 357 号', '330006'],
  ['梁瑄', '女', '广西壮族自治区', '南宁市', '青秀区', '民族大道 136 号', '530028'],
  ['宋琤', '女', '湖北省', '仙桃市', null, '仙桃大道 1 号', '433000'],
  ['郑<b>粗体</b>', '男', '浙江省', '宁波市', '海曙区', '中山西路 2 号 & 3 号', '315000'],
  ['谢雯', '女', '吉林省', '长春市', '南关区', '人民大街 3 号', '130022'],
]

const RECIPIENTS: CardRecipient[] = ROWS.map(([name, gender, province, city, district, address, postalCode], i) => ({
  memberId: i + 1,
  cardNo: `V${String(880001 + i)}`,
  name,
  gender,
  dateThisYear: `2026-11-${String(1 + i).padStart(2, '0')}`,
  province,
  city,
  district,
  address,
  postalCode,
}))

const SENDER: CardSender = {
  storeName: '和平百货',
  storeAddress: '浙江省杭州市上城区解放路 1 号',
  storePostalCode: '310002',
  storePhone: '0571-8888 6666',
  logo: null,
}
const GIFT: CardGreeting = { template: DEFAULT_CARD_TEMPLATE, giftText: '精美保温杯一只', collectDays: 30 }
const NO_GIFT: CardGreeting = { ...GIFT, giftText: '' }

const KEPT = [
  'birthday-card-folded',
  'birthday-card-postcard-front',
  'birthday-card-postcard-back',
  'birthday-envelope',
  'birthday-labels-3x7',
  'birthday-labels-2x5',
]
const SHOTS = process.env.VIPDESK_SCREENSHOTS ? resolve(__dirname, '../e2e/screenshots') : null

interface Pdf {
  html: string
  pages: string[]
  /** pdfinfo's "Page size" in points */
  size: [number, number]
}

let dir: string
let renderer: PdfRenderer
const pdfs = new Map<string, Pdf>()

/** Renders, extracts each page's text (-layout, spaces between letter-spaced glyphs removed) and takes its pictures. */
async function render(key: string, html: string, shots: [number, string][] = []): Promise<Pdf> {
  const file = join(dir, `${key}.pdf`)
  writeFileSync(file, await renderer.pdf(html))
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' })
  const [, w, h] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!
  const pages = text.split('\f').slice(0, Number(/Pages:\s+(\d+)/.exec(info)![1]))
  for (const [page, name] of shots) {
    // The six pictures the README shows; the others (long address, no gift…) are for a person checking.
    const out = SHOTS && KEPT.includes(name) ? join(SHOTS, name) : join(dir, name)
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', `${page}`, '-l', `${page}`, '-singlefile', file, out])
  }
  const pdf: Pdf = { html, pages, size: [Number(w), Number(h)] }
  pdfs.set(key, pdf)
  return pdf
}

// pdftotext gives full-width punctuation as ASCII (，→ ,): compare both sides in NFKC.
const flat = (s: string) => s.normalize('NFKC').replace(/[ \t]+/g, '')
const ptOf = (mm: number) => (mm * 72) / 25.4

/** Chromium rounds the page to whole CSS pixels: within 1 pt (0.35 mm) of the size asked for. */
function expectSize(pdf: Pdf, wMm: number, hMm: number) {
  expect(Math.abs(pdf.size[0] - ptOf(wMm))).toBeLessThan(1)
  expect(Math.abs(pdf.size[1] - ptOf(hMm))).toBeLessThan(1)
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vipdesk-cards-'))
  renderer = await openPdfRenderer()
  const cards = (design: CardDesign, greeting: CardGreeting, recipients = RECIPIENTS) =>
    birthdayCardsHtml({ design, recipients, sender: SENDER, greeting })
  const labels = (layout: LabelLayout, offset?: number) =>
    addressLabelsHtml({ layout, recipients: RECIPIENTS, sender: SENDER, offset })
  await render('folded', cards('folded-a5', GIFT), [
    [1, 'birthday-card-folded-outside'],
    [2, 'birthday-card-folded'],
  ])
  await render('folded-nogift', cards('folded-a5', NO_GIFT, RECIPIENTS.slice(0, 3)), [
    [2, 'birthday-card-folded-nogift'],
  ])
  await render('postcard', cards('postcard', GIFT), [
    [1, 'birthday-card-postcard-front'],
    [2, 'birthday-card-postcard-back'],
    [22, 'birthday-card-postcard-back-long'],
  ])
  await render('postcard-nogift', cards('postcard', NO_GIFT, RECIPIENTS.slice(0, 3)))
  await render('envelope', labels('envelope'), [
    [1, 'birthday-envelope'],
    [11, 'birthday-envelope-long'],
  ])
  await render('3x7', labels('3x7', 5), [[1, 'birthday-labels-3x7']])
  await render('2x5', labels('2x5'), [[2, 'birthday-labels-2x5']])
}, 120_000)

afterAll(async () => {
  await renderer?.close()
  // Refreshing the pictures keeps the PDFs and the other pages to look at.
  if (SHOTS) console.info(`birthday print PDFs and extra pictures in ${dir}`)
  else rmSync(dir, { recursive: true, force: true })
})

describe('birthday cards as PDF', () => {
  it('folded A5: two A4-landscape pages per member (outside, inside), the inside greeting them by name, in order', () => {
    const pdf = pdfs.get('folded')!
    expectSize(pdf, 297, 210)
    expect(pdf.pages).toHaveLength(RECIPIENTS.length * CARD_PAGES['folded-a5'])
    RECIPIENTS.forEach((r, i) => {
      const outside = flat(pdf.pages[2 * i]!)
      const inside = flat(pdf.pages[2 * i + 1]!)
      expect(outside).toContain('生日快乐')
      expect(outside).toContain('和平百货')
      expect(inside).toContain(
        flat(`亲爱的${r.name}${r.gender === '男' ? '先生' : r.gender === '女' ? '女士' : '会员'}：`),
      )
      expect(inside).toContain(`${+r.dateThisYear.slice(8)}日生日`)
      // Nobody else's name on this member's card.
      for (const other of RECIPIENTS) if (other !== r && other.name.length > 2) expect(inside).not.toContain(other.name)
    })
  })
  it('folded A5: the gift panel with the collection deadline only when the programme has a gift', () => {
    const withGift = pdfs.get('folded')!
    expect(flat(withGift.pages[1]!)).toContain('生日礼遇')
    expect(flat(withGift.pages[1]!)).toContain('精美保温杯一只')
    // 11月1日 + 30 days
    expect(flat(withGift.pages[1]!)).toContain('请于12月1日前凭会员卡到贵宾室领取')
    const none = pdfs.get('folded-nogift')!
    expect(none.pages).toHaveLength(6)
    for (const page of none.pages) {
      expect(page).not.toContain('生日礼遇')
      expect(page).not.toContain('贵宾室领取')
    }
  })
  it('postcard: 148×100 mm, greeting side then address side for each member, in order', () => {
    const pdf = pdfs.get('postcard')!
    expectSize(pdf, 148, 100)
    expect(pdf.pages).toHaveLength(RECIPIENTS.length * CARD_PAGES.postcard)
    RECIPIENTS.forEach((r, i) => {
      const front = flat(pdf.pages[2 * i]!)
      const back = flat(pdf.pages[2 * i + 1]!)
      expect(front).toContain(`亲爱的${r.name}`)
      expect(front).toContain('生日礼遇')
      expect(back).toContain(r.gender ? `${r.name}${r.gender === '男' ? '先生' : '女士'}收` : `${r.name}收`)
      expect(back).toMatch(new RegExp(r.postalCode!.split('').join('\\s*')))
      expect(back).toContain('邮政编码310002')
    })
    for (const page of pdfs.get('postcard-nogift')!.pages) expect(page).not.toContain('生日礼遇')
  })
  it('prints a member without a district (河南省济源市) and one without a gender as usable', () => {
    const back = flat(pdfs.get('postcard')!.pages[9]!)
    expect(back).toContain('河南省济源市')
    expect(back).toContain('济水大街中段168号')
    expect(flat(pdfs.get('postcard')!.pages[11]!)).toContain('杨堃收')
    expect(flat(pdfs.get('folded')!.pages[11]!)).toContain(flat('亲爱的杨堃会员：'))
  })
})

describe('envelopes and address labels as PDF', () => {
  it('envelope: one DL page (220×110 mm) per member with postal code, address and 先生/女士 收, in order', () => {
    const pdf = pdfs.get('envelope')!
    expectSize(pdf, 220, 110)
    expect(pdf.pages).toHaveLength(RECIPIENTS.length)
    RECIPIENTS.forEach((r, i) => {
      const page = flat(pdf.pages[i]!)
      expect(page).toContain(r.name)
      expect(page).toMatch(new RegExp(r.postalCode!.split('').join('')))
      expect(page).toContain('和平百货')
    })
    expect(flat(pdf.pages[1]!)).toContain('北京市朝阳区')
    expect(flat(pdf.pages[1]!)).not.toContain('北京市北京市')
    // The very long address is all there, wrapped within the envelope.
    expect(flat(pdf.pages[10]!.replace(/\n/g, ''))).toContain(flat('请放门卫室，电话联系后再送'))
  })

  const labelPositions = (pdf: Pdf, page: number) => {
    const lines = pdf.pages[page]!.split('\n')
    const pos = (name: string) => {
      const at = lines.findIndex((l) => flat(l).includes(name))
      return at < 0 ? null : [at, lines[at]!.indexOf(name[0]!)]
    }
    return pos
  }

  it('3×7 with 5 used: A4, ceil((25+5)/21) = 2 sheets, every member once, row by row after the used ones', () => {
    const pdf = pdfs.get('3x7')!
    expectSize(pdf, 210, 297)
    expect(labelsPerSheet('3x7')).toBe(21)
    expect(pdf.pages).toHaveLength(Math.ceil((RECIPIENTS.length + 5) / 21))
    const onFirst = 21 - 5
    for (const [sheet, list] of [
      [0, RECIPIENTS.slice(0, onFirst)],
      [1, RECIPIENTS.slice(onFirst)],
    ] as const) {
      const page = flat(pdf.pages[sheet]!)
      for (const r of list) {
        expect(page).toContain(r.name)
        expect(page).toContain(r.postalCode)
      }
      const pos = labelPositions(pdf, sheet)
      const order = list.map((r) => pos(r.name)!)
      // Same row: left to right; next row: below. Rows are several text lines apart.
      for (let i = 1; i < order.length; i++) {
        const [pl, pc] = order[i - 1]!
        const [l, c] = order[i]!
        const sameRow = Math.abs(l! - pl!) < 3
        expect(sameRow ? c! > pc! : l! > pl!).toBe(true)
      }
    }
    // The first label printed is in the third column of the second row (positions 1–5 are used).
    const pos = labelPositions(pdf, 0)
    const first = pos(RECIPIENTS[0]!.name)!
    const secondRowOther = pos(RECIPIENTS[1]!.name)!
    expect(secondRowOther[0]).toBeGreaterThan(first[0]!)
  })
  it('2×5: A4, 10 a sheet, every member with a small sender line', () => {
    const pdf = pdfs.get('2x5')!
    expectSize(pdf, 210, 297)
    expect(pdf.pages).toHaveLength(Math.ceil(RECIPIENTS.length / 10))
    const all = pdf.pages.map(flat).join('\n')
    for (const r of RECIPIENTS) {
      expect(all).toContain(r.name)
      expect(all).toContain(r.postalCode)
    }
    expect(all.split(flat('寄件人：')).length - 1).toBe(RECIPIENTS.length)
  })
  it('envelope layout ignores an offset; labels per sheet', () => {
    expect(labelsPerSheet('envelope')).toBe(1)
    expect(labelsPerSheet('2x5')).toBe(10)
    const html = addressLabelsHtml({
      layout: 'envelope',
      recipients: RECIPIENTS.slice(0, 2),
      sender: SENDER,
      offset: 7,
    })
    expect(html.match(/class="envelope"/g)).toHaveLength(2)
  })
})

describe('every printed document', () => {
  it('has no "null" or "undefined" and shows markup in a name as text', () => {
    for (const [key, pdf] of pdfs) {
      const text = pdf.pages.join('\n')
      expect(text, key).not.toMatch(/null|undefined|NaN/)
      expect(pdf.html, key).not.toContain('<b>粗体')
    }
    expect(flat(pdfs.get('envelope')!.pages[23]!)).toContain('郑<b>粗体</b>先生收')
    expect(flat(pdfs.get('folded')!.pages[47]!)).toContain(flat('亲爱的郑<b>粗体</b>先生：'))
    expect(flat(pdfs.get('envelope')!.pages[23]!)).toContain('2号&3号')
  })
})

describe('the store logo', () => {
  const one = [RECIPIENTS[0]!, RECIPIENTS[1]!]
  it('is written once for the whole batch, in place of the monogram', () => {
    const logo = `data:image/png;base64,${giftPhoto([140, 30, 40], 64, 0).toString('base64')}`
    for (const design of ['folded-a5', 'postcard'] as const) {
      const html = birthdayCardsHtml({ design, recipients: one, sender: { ...SENDER, logo }, greeting: GIFT })
      expect(html.split(logo)).toHaveLength(2)
      expect(html).toContain('.logo span { display: none; }')
    }
  })
  it('is left out (monogram instead) when it is not a picture', () => {
    const html = birthdayCardsHtml({
      design: 'postcard',
      recipients: one,
      sender: { ...SENDER, logo: 'data:image/png;base64,AAAA");} body{display:none' },
      greeting: GIFT,
    })
    expect(html).not.toContain('body{display:none')
    expect(html).toContain('<div class="logo"><span>和</span></div>')
  })
})
