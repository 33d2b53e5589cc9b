import { storeZone } from '../clock'
import { formatZoned } from '../rules/storeClock'
import { notFound } from '../errors'
import type { Db } from '../handle'
import { redemptionSlipNo, RETURN_DAYS } from '../rules/gifts'
import { maskPhone } from '../rules/phone'
import { getSettings } from '../services/settings'
import { escapeHtml as esc, printDocument } from './document'

/**
 * The redemption slip (积分兑换单) for the VIP room's 80 mm receipt printer: who redeemed what,
 * the points before and after, who served them, and a line for the member to sign. Pure HTML
 * with its own CSS and no external resources, so the in-app preview and the printer see the same.
 */

const n = (x: number) => x.toLocaleString('en-US')

/** The slip number: the one rule the screens use too. */
export const slipNo = redemptionSlipNo

// 80 mm roll paper: 72 mm of print width inside the 4 mm margins; the length follows the content.
const SLIP_PAGE = { size: '80mm auto', margin: '4mm' }
const CSS = `
body { width: 72mm; font-size: 12px; line-height: 1.5; color: #000; }
h1 { font-size: 15px; margin: 0; text-align: center; }
h2 { font-size: 14px; margin: 2px 0 6px; text-align: center; letter-spacing: 4px; }
.meta div, .total div { display: flex; justify-content: space-between; gap: 8px; }
hr { border: 0; border-top: 1px dashed #000; margin: 6px 0; }
table { width: 100%; border-collapse: collapse; }
th { text-align: left; font-weight: normal; border-bottom: 1px solid #000; }
.qty { width: 10mm; text-align: right; }
.num { width: 18mm; text-align: right; }
.total b { font-size: 14px; }
.sign { margin-top: 14mm; border-top: 1px solid #000; padding-top: 2px; }
.foot { margin-top: 4mm; font-size: 10px; text-align: center; }
@media screen { body { margin: 4mm auto; } }
`

interface Head {
  id: number
  at: number
  points: number
  pointsBefore: number
  pointsAfter: number
  operatorName: string
  name: string
  cardNo: string
  phone: string | null
  tier: string
}

interface Line {
  name: string
  qty: number
  points: number
}

export function redemptionSlipHtml(db: Db, redemptionId: number): string {
  const head = db.sqlite
    .prepare(
      `SELECT r.id, r.at, r.points, r.points_before AS pointsBefore, r.points_after AS pointsAfter,
              r.operator_name AS operatorName, m.name, m.card_no AS cardNo, m.phone, m.tier
       FROM redemptions r JOIN members m ON m.id = r.member_id WHERE r.id = ?`,
    )
    .get(redemptionId) as Head | undefined
  if (!head) throw notFound('找不到该兑换单')
  const lines = db.sqlite
    .prepare(
      `SELECT g.name, -sum(m.quantity) AS qty, -sum(m.quantity * m.points) AS points
       FROM gift_movements m JOIN gifts g ON g.id = m.gift_id
       WHERE m.redemption_id = ? AND m.kind = 'redeem' GROUP BY g.id ORDER BY g.code`,
    )
    .all(redemptionId) as Line[]
  const store = getSettings(db).storeName
  const phone = maskPhone(head.phone)
  const rows = lines
    .map(
      (l) =>
        `<tr class="line"><td>${esc(l.name)}</td><td class="qty">×${l.qty}</td><td class="num">${n(l.points)}</td></tr>`,
    )
    .join('')
  const body = `<h1>${esc(store)}</h1>
<h2>积分兑换单</h2>
<div class="meta">
<div><span>单号</span><span>${slipNo(head.id)}</span></div>
<div><span>时间</span><span>${formatZoned(head.at, storeZone(db))}</span></div>
<div><span>会员</span><span>${esc(head.name)}</span></div>
<div><span>卡号</span><span>${esc(head.cardNo)}</span></div>
${phone ? `<div><span>手机</span><span>${esc(phone)}</span></div>` : ''}
<div><span>等级</span><span>${esc(head.tier)}</span></div>
</div>
<hr>
<table><thead><tr><th>礼品</th><th class="qty">数量</th><th class="num">积分</th></tr></thead>
<tbody>${rows}</tbody></table>
<hr>
<div class="total">
<div><span>合计扣减</span><b>${n(head.points)} 分</b></div>
<div><span>兑换前积分</span><span>${n(head.pointsBefore)}</span></div>
<div><span>兑换后积分</span><span>${n(head.pointsAfter)}</span></div>
<div><span>经办人</span><span>${esc(head.operatorName)}</span></div>
</div>
<div class="sign">会员签字</div>
<div class="foot">兑换礼品如有质量问题，请于 ${RETURN_DAYS} 天内凭本单到贵宾室退回</div>`
  return printDocument({ title: `积分兑换单 ${slipNo(head.id)}`, css: CSS, body, page: SLIP_PAGE })
}
