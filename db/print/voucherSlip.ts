import { storeZone } from '../clock'
import type { Db } from '../handle'
import { formatYuan } from '../rules/money'
import { formatZoned } from '../rules/storeClock'
import { groupVoucherNo } from '../rules/vouchers'
import { getSettings } from '../services/settings'
import { code128Svg } from './code128'
import { escapeHtml as esc, FAUX_BOLD, printDocument } from './document'
import { printedVouchers, voucherRules } from './voucherFacts'

/**
 * The voucher slip (积分兑换券) for the VIP room's 80 mm receipt printer: one slip per redemption,
 * each voucher with its value, barcode and number, validity and rules, and a line to cut along so
 * the member can hand the vouchers in one by one. The member's phone is never printed.
 */

export const SLIP_MOST = 50
const n = (x: number) => x.toLocaleString('en-US')

// 80 mm roll paper: 72 mm of print width inside the 4 mm margins, as the gift redemption slip.
const SLIP_PAGE = { size: '80mm auto', margin: '4mm' }
const CSS = `
body { width: 72mm; font-size: 11px; line-height: 1.45; color: #000; }
h1 { font-size: 15px; margin: 0; text-align: center; }
h2 { font-size: 13px; margin: 2px 0 6px; text-align: center; letter-spacing: 3px; }
.meta div, .total div { display: flex; justify-content: space-between; gap: 8px; }
.voucher { border-top: 1px dashed #000; padding: 6px 0 4px; break-inside: avoid; text-align: center; }
.kind { display: flex; justify-content: space-between; }
.value { font-size: 22px; ${FAUX_BOLD} margin: 2px 0; }
.barcode { display: block; margin: 2px auto 0; }
.no { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 13px; letter-spacing: 1px; }
.until { margin-top: 2px; }
.rules { margin: 2px 0 0; padding: 0; list-style: none; font-size: 10px; }
.total { border-top: 1px dashed #000; padding-top: 6px; }
.foot { margin-top: 4mm; font-size: 10px; text-align: center; }
@media screen { body { margin: 4mm auto; } }
`

export function voucherSlipHtml(db: Db, input: { voucherNos: string[] }): string {
  const list = printedVouchers(db, input, SLIP_MOST)
  const first = list[0]!
  const store = getSettings(db).storeName
  const zone = storeZone(db)
  const vouchers = list
    .map(
      (v) => `<section class="voucher">
<div class="kind"><span>${esc(v.kind)}</span><span>有效期至 ${v.validUntil}</span></div>
<div class="value">${esc(formatYuan(v.valueFen))}</div>
${code128Svg(v.voucherNo, { moduleMm: 0.33, heightMm: 11 })}
<div class="no">${groupVoucherNo(v.voucherNo)}</div>
<ul class="rules">${voucherRules(v)
        .map((r) => `<li>${esc(r)}</li>`)
        .join('')}</ul>
</section>`,
    )
    .join('\n')
  const value = list.reduce((s, v) => s + v.valueFen, 0)
  const points = list.reduce((s, v) => s + v.pointsUsed, 0)
  const body = `<h1>${esc(store)}</h1>
<h2>积分兑换券</h2>
<div class="meta">
<div><span>时间</span><span>${formatZoned(first.issuedAt, zone)}</span></div>
<div><span>会员</span><span>${esc(first.name)}</span></div>
<div><span>卡号</span><span>${esc(first.cardNo)}</span></div>
<div><span>等级</span><span>${esc(first.tier)}</span></div>
</div>
${vouchers}
<div class="total">
<div><span>共 ${list.length} 张</span><b>${esc(formatYuan(value))}</b></div>
${points ? `<div><span>使用积分</span><span>${n(points)} 分</span></div>` : ''}
<div><span>经办人</span><span>${esc(first.operatorName)}</span></div>
</div>
<div class="foot">请沿虚线剪开，结账时出示券面条码；券遗失不补。</div>`
  return printDocument({ title: `积分兑换券 ${first.cardNo}`, css: CSS, body, page: SLIP_PAGE })
}
