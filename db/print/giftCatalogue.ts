import { and, asc, eq, gte, isNotNull, isNull, lte, or } from 'drizzle-orm'
import { notFound, validationError } from '../errors'
import type { Db } from '../handle'
import { isValidSolar, intToYmd } from '../rules/dates'
import { POINTS_BANDS, pointsBandOf } from '../rules/gifts'
import { gifts } from '../schema'
import { photoDataUrl } from '../services/gifts/photos'
import { getSettings } from '../services/settings'
import { z } from '../validate'
import { chineseDate, escapeHtml, printDocument } from './document'
import { CATALOGUE_CSS, LAYOUT } from './giftCatalogueStyle'

/**
 * The printed gift catalogue (礼品册): the redemption gifts on offer in a validity period, by
 * points band, four to a row on A4. Pages are laid out here rather than left to the browser so
 * every page can carry its number and the validity in a footer, in Electron's PDF, its print
 * dialog and headless Chromium alike (CSS page-margin boxes do not print in Chromium).
 */

const day = (label: string) =>
  z
    .number({ error: `请填写${label}` })
    .int(`${label}不是有效日期`)
    .refine((n) => n >= 20000101 && n <= 21001231 && isValidSolar(intToYmd(n)), `${label}不是有效日期`)

const inputSchema = z
  .object({ validFrom: day('有效期开始日期'), validUntil: day('有效期结束日期') })
  .refine((p) => p.validUntil >= p.validFrom, { message: '有效期结束日期不能早于开始日期', path: ['validUntil'] })

/** The messages already name their field in Chinese, so they are shown as they are. */
function periodOf(input: CatalogueInput): CatalogueInput {
  const r = inputSchema.safeParse({ validFrom: input.validFrom, validUntil: input.validUntil })
  if (r.success) return r.data
  const issues = r.error.issues.map((i) => ({ field: i.path.map(String).join('.'), message: i.message }))
  throw validationError(issues.map((i) => i.message).join('；'), issues)
}

export interface CatalogueInput {
  /** yyyymmdd, inclusive */
  validFrom: number
  validUntil: number
}

export interface CatalogueDocument {
  html: string
  count: number
  pages: number
  /** "3 件礼品没有照片…" before printing, or null when every gift has its photo */
  photoWarning: string | null
}

/** Gifts printed without a photo (none set, or its file gone) print the "图片待补" box instead. */
export function photoWarning(names: string[]): string | null {
  if (!names.length) return null
  const shown = names.slice(0, 5).join('、') + (names.length > 5 ? ' 等' : '')
  return `${names.length} 件礼品没有照片（${shown}），礼品册上会印成"图片待补"。请先在「库存」中为它们添加照片，再打印或保存。`
}

interface CatalogueGift {
  code: string
  name: string
  pointsPrice: number
  photo: string | null
  terms: string[]
}

const grouped = new Intl.NumberFormat('en-US')

/** The small print: who may take it and when, where that is narrower than the whole catalogue. */
function termsOf(g: typeof gifts.$inferSelect, p: CatalogueInput): string[] {
  const terms: string[] = []
  if (g.minTier) terms.push(`限${g.minTier}及以上会员`)
  if (g.maxBalance !== null) terms.push(`限积分 ${grouped.format(g.maxBalance)} 分以下会员`)
  const show = chineseDate
  const from = g.availableFrom !== null && g.availableFrom > p.validFrom ? g.availableFrom : null
  const until = g.availableUntil !== null && g.availableUntil < p.validUntil ? g.availableUntil : null
  if (from !== null && until !== null) terms.push(`兑换期 ${show(from)} 至 ${show(until)}`)
  else if (from !== null) terms.push(`${show(from)} 起可兑换`)
  else if (until !== null) terms.push(`兑换至 ${show(until)}`)
  return terms
}

/** What the desk would redeem in the period: active, with a points price, window overlapping it. */
function catalogueGifts(db: Db, p: CatalogueInput, photosDir: string): CatalogueGift[] {
  return db.orm
    .select()
    .from(gifts)
    .where(
      and(
        eq(gifts.active, true),
        isNotNull(gifts.pointsPrice),
        or(isNull(gifts.availableFrom), lte(gifts.availableFrom, p.validUntil)),
        or(isNull(gifts.availableUntil), gte(gifts.availableUntil, p.validFrom)),
      ),
    )
    .orderBy(asc(gifts.pointsPrice), asc(gifts.code))
    .all()
    .map((g) => ({
      code: g.code,
      name: g.name,
      pointsPrice: g.pointsPrice!,
      photo: photoDataUrl(photosDir, g.photo),
      terms: termsOf(g, p),
    }))
}

type Block =
  { kind: 'band'; label: string; count: number; continued: boolean } | { kind: 'row'; gifts: CatalogueGift[] }

/** Bands in order, rows of LAYOUT.perRow, a band heading (repeated as 续) wherever a band starts a page. */
function paginate(list: CatalogueGift[]): Block[][] {
  const pages: Block[][] = [[]]
  let room = LAYOUT.firstPageRoom
  for (const band of POINTS_BANDS) {
    const members = list.filter((g) => pointsBandOf(g.pointsPrice) === band)
    for (let i = 0; i * LAYOUT.perRow < members.length; i++) {
      const row = members.slice(i * LAYOUT.perRow, (i + 1) * LAYOUT.perRow)
      let heading = i === 0
      if (room < LAYOUT.rowHeight + (heading ? LAYOUT.bandHeight : 0)) {
        pages.push([])
        room = LAYOUT.pageRoom
        heading = true
      }
      const page = pages[pages.length - 1]!
      if (heading) {
        page.push({ kind: 'band', label: band.label, count: members.length, continued: i > 0 })
        room -= LAYOUT.bandHeight
      }
      page.push({ kind: 'row', gifts: row })
      room -= LAYOUT.rowHeight
    }
  }
  return pages
}

// A plain gift box drawn inline (the document loads nothing) for gifts without a photo.
const NO_PHOTO = `<div class="photo none"><svg viewBox="0 0 48 48" aria-hidden="true"><g fill="none" stroke="#b9a57a" stroke-width="2.2" stroke-linejoin="round"><rect x="8" y="18" width="32" height="22" rx="1.5"/><rect x="6" y="12" width="36" height="7" rx="1.5"/><path d="M24 12v28M24 12c-3-7-11-7-10-2 1 3 6 2 10 2zM24 12c3-7 11-7 10-2-1 3-6 2-10 2z"/></g></svg><span>图片待补</span></div>`

function cardHtml(g: CatalogueGift): string {
  const photo = g.photo ? `<div class="photo"><img src="${escapeHtml(g.photo)}" alt=""></div>` : NO_PHOTO
  const terms = g.terms.length ? `<div class="terms">${g.terms.map(escapeHtml).join('<br>')}</div>` : ''
  return `<div class="card">${photo}<div class="text"><div class="name">${escapeHtml(g.name)}</div><div class="price"><b>${grouped.format(g.pointsPrice)}</b> 分<span class="code">${escapeHtml(g.code)}</span></div>${terms}</div></div>`
}

function blockHtml(b: Block): string {
  if (b.kind === 'row') return `<div class="row">${b.gifts.map(cardHtml).join('')}</div>`
  const note = b.continued ? '（续）' : `<small>${b.count} 种</small>`
  return `<h2 class="band">${escapeHtml(b.label)}${note}</h2>`
}

/** The catalogue as one printable HTML document; throws when nothing is on offer in the period. */
export function giftCatalogueHtml(db: Db, input: CatalogueInput & { photosDir: string }): CatalogueDocument {
  const p = periodOf(input)
  const list = catalogueGifts(db, p, input.photosDir)
  const period = `${chineseDate(p.validFrom)} 至 ${chineseDate(p.validUntil)}`
  if (!list.length)
    throw notFound(
      `没有可兑换的礼品：${period}内没有启用且设有兑换积分的礼品。请在「库存」中为礼品填写兑换积分并启用，或调整有效期。`,
    )
  const store = escapeHtml(getSettings(db).storeName)
  const pages = paginate(list)
  const sheets = pages.map((blocks, i) => {
    const head =
      i === 0
        ? `<header class="cover"><div class="store">${store}</div><h1>积分兑换礼品册</h1><div class="valid">有效期 ${period}</div></header>`
        : `<header class="running"><span>${store} · 积分兑换礼品册</span><span>有效期 ${period}</span></header>`
    const foot = `<footer><span>礼品以贵宾室现有库存为准，兑换以兑换时的可用积分为准。</span><span>第 ${i + 1} 页 / 共 ${pages.length} 页</span></footer>`
    return `<section class="sheet">${head}<main>${blocks.map(blockHtml).join('')}</main>${foot}</section>`
  })
  const html = printDocument({
    title: `${getSettings(db).storeName} 积分兑换礼品册`,
    css: CATALOGUE_CSS,
    page: LAYOUT.page,
    body: sheets.join('\n'),
  })
  const missing = list.filter((g) => !g.photo).map((g) => g.name)
  return { html, count: list.length, pages: pages.length, photoWarning: photoWarning(missing) }
}
