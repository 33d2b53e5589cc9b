import type { Db } from '../handle'
import { formatYuan } from '../rules/money'
import { groupVoucherNo } from '../rules/vouchers'
import { getSettings } from '../services/settings'
import { code128Svg } from './code128'
import { escapeHtml as esc, FAUX_BOLD, printDocument } from './document'
import { printedVouchers, voucherRules, type PrintedVoucher } from './voucherFacts'

/**
 * A4 sheets of vouchers for the print shop or the office printer: 2 × 4 a page, each the same
 * size, with crop marks at the corners so a guillotine cuts them true. Blank places on the last
 * page stay blank.
 */

export const SHEET_MOST = 400
const PER_PAGE = 8

// Cards of 95 × 68 mm: 2 across and 4 down fill 190 × 272 mm, inside A4 with 10 mm left and right.
const SHEET_PAGE = { size: 'A4', margin: '12mm 10mm 13mm' }
const CSS = `
.page { display: grid; grid-template-columns: 95mm 95mm; grid-template-rows: repeat(4, 68mm);
  width: 190mm; height: 272mm; break-after: page; }
.page:last-child { break-after: auto; }
.card { position: relative; box-sizing: border-box; padding: 5mm 6mm; overflow: hidden; }
.card::before, .card::after, .card .c1, .card .c2 { content: ''; position: absolute; width: 4mm; height: 4mm; }
.card::before { top: 0; left: 0; border-top: 0.2mm solid #000; border-left: 0.2mm solid #000; }
.card::after { bottom: 0; right: 0; border-bottom: 0.2mm solid #000; border-right: 0.2mm solid #000; }
.card .c1 { top: 0; right: 0; border-top: 0.2mm solid #000; border-right: 0.2mm solid #000; }
.card .c2 { bottom: 0; left: 0; border-bottom: 0.2mm solid #000; border-left: 0.2mm solid #000; }
.head { display: flex; justify-content: space-between; font-size: 9pt; }
.value { font-size: 24pt; ${FAUX_BOLD} margin: 1mm 0; color: #8a1f11; }
.barcode { display: block; }
.no { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 11pt; letter-spacing: 0.5mm; }
.who { font-size: 8.5pt; margin-top: 1mm; }
.rules { margin: 1mm 0 0; padding: 0; list-style: none; font-size: 7.5pt; color: #333; }
`

function card(v: PrintedVoucher, store: string): string {
  return `<div class="card"><span class="c1"></span><span class="c2"></span>
<div class="head"><b>${esc(store)}</b><span>${esc(v.kind)}</span></div>
<div class="value">${esc(formatYuan(v.valueFen))}</div>
${code128Svg(v.voucherNo, { moduleMm: 0.3, heightMm: 10 })}
<div class="no">${groupVoucherNo(v.voucherNo)}</div>
<div class="who">会员卡号 ${esc(v.cardNo)} · 有效期 ${v.validFrom} 至 ${v.validUntil}</div>
<ul class="rules">${voucherRules(v)
    .map((r) => `<li>${esc(r)}</li>`)
    .join('')}</ul>
</div>`
}

export function voucherSheetHtml(
  db: Db,
  input: { voucherNos: string[] },
): { html: string; count: number; pages: number } {
  const list = printedVouchers(db, input, SHEET_MOST)
  const store = getSettings(db).storeName
  const pages: string[] = []
  for (let i = 0; i < list.length; i += PER_PAGE)
    pages.push(
      `<section class="page">${list
        .slice(i, i + PER_PAGE)
        .map((v) => card(v, store))
        .join('\n')}</section>`,
    )
  const html = printDocument({ title: `券页 ${list.length} 张`, css: CSS, body: pages.join('\n'), page: SHEET_PAGE })
  return { html, count: list.length, pages: pages.length }
}
