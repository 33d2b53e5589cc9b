import { storeToday } from '../../clock'
import { GIFT_CATEGORY_LABELS, ISSUE_PURPOSE_LABELS } from '../../rules/gifts'
import { giftMonthReport, parseMonth } from '../../services/gifts'
import { exportGifts } from '../../services/gifts/export'
import type { CliContext } from '../context'
import { displayWidth, padCell, UsageError } from '../io'
import { exportFormatOf } from './members'

const yuan = (fen: number) => (fen / 100).toFixed(2)
const count = (n: number) => n.toLocaleString('en-US')

/** `export gifts FILE`: the catalogue with stock and its value, in columns `import gifts` reads back. */
export async function exportGiftsCommand(ctx: CliContext): Promise<void> {
  const format = exportFormatOf(ctx.file)
  const result = await exportGifts(ctx.db, { file: ctx.file, format }, ctx.actor)
  await ctx.say(`已导出 ${result.count} 种礼品到 ${result.file}`)
  await ctx.result(result)
}

function table(head: string[], rows: string[][]): string[] {
  const widths = head.map((h, i) => Math.max(displayWidth(h), ...rows.map((c) => displayWidth(c[i]!))))
  const line = (c: string[]) => c.map((x, i) => padCell(x, widths[i]!, i > 0)).join('  ')
  return [line(head), ...rows.map(line)]
}

/** `gifts report [--month YYYY-MM]`: the month's gift cost, redemptions and stock value (default: this month). */
export async function giftsReportCommand(ctx: CliContext): Promise<void> {
  const now = storeToday(ctx.db)
  const month = ctx.args.month === undefined ? { year: now.y, month: now.m } : parseMonth(ctx.args.month)
  if (!month) throw new UsageError(`选项 --month 应为 YYYY-MM 格式的月份，收到"${ctx.args.month}"`)
  const r = giftMonthReport(ctx.db, month)
  await ctx.result(r)
  const lines = [
    `礼品月报 ${r.month}`,
    `兑换 ${count(r.redemptions)} 次，${count(r.redeemedPoints)} 积分；礼品成本 ${yuan(r.totalCostFen)} 元；月末库存金额 ${yuan(r.stockValueEndFen)} 元`,
  ]
  if (!r.movements) lines.push('本月没有任何出入库记录。')
  else {
    const cats = r.categories.filter((c) => c.qty || c.costFen || c.stockQty)
    lines.push(
      '',
      ...table(
        ['类别', '发出', '成本(元)', '月末库存', '库存金额(元)'],
        cats.map((c) => [
          GIFT_CATEGORY_LABELS[c.category],
          count(c.qty),
          yuan(c.costFen),
          count(c.stockQty),
          yuan(c.stockValueFen),
        ]),
      ),
      '',
      ...table(
        ['用途', '数量', '成本(元)'],
        [
          ...r.purposes
            .filter((p) => p.qty)
            .map((p) => [ISSUE_PURPOSE_LABELS[p.purpose], count(p.qty), yuan(p.costFen)]),
          ['积分兑换', count(r.redeemed.qty), yuan(r.redeemed.costFen)],
        ],
      ),
    )
  }
  await ctx.say(lines.join('\n'))
}
