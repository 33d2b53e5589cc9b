import {
  collectUntil,
  fillGreeting,
  monthDayText,
  salutationOf,
  voucherValues,
  type CardDesign,
} from '../rules/birthdayMail'
import { addressSideCss, addressSideHtml } from './addressSide'
import { FOLDED_CSS, logoCss, POSTCARD_CSS } from './birthdayCardsStyle'
import { escapeHtml as esc, printDocument } from './document'

/**
 * The printed birthday cards (生日贺卡), one per recipient in the order given.
 *
 * 'folded-a5' is a real folded card: an A4 sheet printed on both sides (双面打印，短边翻转) and
 * folded once to A5. Page 1 of each card is the outside — back cover on the left, front cover on
 * the right, so the front is on top once folded; page 2 the inside — the inner cover (gift) on the
 * left, the greeting on the right, where a reader opening the card looks first. A single A5 sheet
 * would print one side only but would be a flat note, not a card; duplex is what the postcard
 * needs too.
 *
 * 'postcard' is 148×100 mm: the greeting side, then the address side in the Chinese layout.
 */

export { CARD_DESIGNS, CARD_DESIGN_LABELS, type CardDesign } from '../rules/birthdayMail'

export interface CardRecipient {
  memberId: number
  cardNo: string
  name: string
  gender: '男' | '女' | null
  /** YYYY-MM-DD, the solar day of the birthday this year */
  dateThisYear: string
  province: string | null
  city: string | null
  district: string | null
  address: string | null
  postalCode: string | null
  /** The birthday voucher (生日礼券) issued with the run, filling {券号} {券面值}; none: those sentences are left out */
  voucher?: { voucherNo: string; valueFen: number } | null
}

export interface CardSender {
  storeName: string
  storeAddress: string
  storePostalCode: string
  storePhone: string
  /** data: URL of the store logo, or null (then a tasteful text monogram of the store name is drawn) */
  logo: string | null
}

export interface CardGreeting {
  /** with {姓名}{称谓}{生日}{门店}{礼品}{领取期限}; '\n' = new paragraph */
  template: string
  /** '' = no birthday gift: then NO gift panel at all */
  giftText: string
  collectDays: number
}

/** Pages each card takes in the PDF (both designs are printed on both sides). */
export const CARD_PAGES: Record<CardDesign, number> = { 'folded-a5': 2, postcard: 2 }

const PAGE = { 'folded-a5': { size: '297mm 210mm', margin: '0' }, postcard: { size: '148mm 100mm', margin: '0' } }

// Only a picture as base64 may go into the stylesheet: nothing that could close the url("…").
const SAFE_LOGO = /^data:image\/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/]+={0,2}$/

/** The logo, or the store name's first character in a double ring. Drawn by CSS (logoCss). */
function logo(sender: CardSender): string {
  const first = [...sender.storeName.trim()][0] ?? '贺'
  return `<div class="logo"><span>${esc(first)}</span></div>`
}

interface Personal {
  paragraphs: string[]
  size: '' | ' m' | ' s'
  gift: { what: string; until: string } | null
  year: string
}

function personal(r: CardRecipient, sender: CardSender, g: CardGreeting, steps: [number, number]): Personal {
  const until = monthDayText(collectUntil(r.dateThisYear, g.collectDays))
  const gift = g.giftText.trim()
  const text = fillGreeting(g.template, {
    姓名: r.name.trim(),
    称谓: salutationOf(r.gender),
    生日: monthDayText(r.dateThisYear),
    门店: sender.storeName.trim(),
    礼品: gift,
    领取期限: until,
    ...voucherValues(r.voucher),
  })
  const paragraphs = text
    .split('\n')
    .map((p) => p.trim())
    .filter(Boolean)
  const length = [...text].length
  return {
    paragraphs,
    size: length > steps[1] ? ' s' : length > steps[0] ? ' m' : '',
    gift: gift ? { what: gift, until } : null,
    year: `${+r.dateThisYear.slice(0, 4)}年${+r.dateThisYear.slice(5, 7)}月`,
  }
}

function greetingHtml(p: Personal): string {
  // A first paragraph ending in a colon is the salutation (亲爱的…：) and is not indented.
  return p.paragraphs.map((t, i) => `<p${i === 0 && /[：:]$/.test(t) ? ' class="salute"' : ''}>${esc(t)}</p>`).join('')
}

const signHtml = (sender: CardSender, p: Personal) =>
  `<div class="sign">${sender.storeName.trim() ? `<div>${esc(sender.storeName.trim())} 敬贺</div>` : ''}<div class="when">${esc(p.year)}</div></div>`

function foldedCard(r: CardRecipient, sender: CardSender, g: CardGreeting): string {
  const p = personal(r, sender, g, [180, 300])
  const store = esc(sender.storeName.trim())
  const contact = [sender.storeAddress, sender.storePhone ? `电话 ${sender.storePhone}` : '']
    .map((s) => s.trim())
    .filter(Boolean)
  const outside = `<section class="page outside"><div class="panel back"><div class="frame">${logo(sender)}<div class="store">${store}</div>${
    contact.length ? `<div class="contact">${contact.map(esc).join('<br>')}</div>` : ''
  }</div></div><div class="panel cover"><div class="frame">${logo(sender)}<div class="store">${store}</div><div class="divider"></div><div class="laurel"><h1>生日快乐</h1><div class="latin">Happy Birthday</div></div><div class="foot">贵宾会员 · 生日献礼</div></div></div></section>`
  const gift = p.gift
    ? `<div class="gift"><div class="title">生日礼遇</div><div class="what">${esc(p.gift.what)}</div><div class="when">请于 ${esc(p.gift.until)} 前凭会员卡到贵宾室领取</div></div>`
    : ''
  const inside = `<section class="page inside"><div class="panel inside-left"><div class="frame"><div class="laurel${p.gift ? ' faint' : ''}">${logo(sender)}</div>${gift}</div></div><div class="panel inside-right"><div class="frame"><div class="latin">Happy Birthday</div><div class="divider"></div><div class="greeting${p.size}">${greetingHtml(p)}</div>${signHtml(sender, p)}</div></div></section>`
  return outside + inside
}

function postcard(r: CardRecipient, sender: CardSender, g: CardGreeting): string {
  const p = personal(r, sender, g, [120, 200])
  const gift = p.gift
    ? `<div class="gift"><div><span class="title">生日礼遇</span><span class="what">${esc(p.gift.what)}</span></div><div class="when">请于 ${esc(p.gift.until)} 前凭会员卡到贵宾室领取</div></div>`
    : ''
  const front = `<section class="page front"><div class="frame"><div class="side">${logo(sender)}<div class="store">${esc(sender.storeName.trim())}</div><div class="laurel"><h1>生日</h1><h1>快乐</h1></div><div class="latin">Happy Birthday</div></div><div class="main"><div class="greeting${p.size}">${greetingHtml(p)}</div>${signHtml(sender, p)}${gift}</div></div></section>`
  const back = `<section class="page back">${addressSideHtml(r, sender, 'pc')}</section>`
  return front + back
}

/** One printable document: one card per recipient, in the given order, all of them. */
export function birthdayCardsHtml(p: {
  design: CardDesign
  recipients: CardRecipient[]
  sender: CardSender
  greeting: CardGreeting
}): string {
  const logoUrl = p.sender.logo && SAFE_LOGO.test(p.sender.logo) ? p.sender.logo : null
  const css =
    p.design === 'folded-a5' ? FOLDED_CSS + logoCss(logoUrl) : POSTCARD_CSS + addressSideCss('pc') + logoCss(logoUrl)
  const card = p.design === 'folded-a5' ? foldedCard : postcard
  return printDocument({
    title: `${p.sender.storeName} 生日贺卡`,
    css,
    page: PAGE[p.design],
    body: p.recipients.map((r) => card(r, p.sender, p.greeting)).join('\n'),
  })
}
