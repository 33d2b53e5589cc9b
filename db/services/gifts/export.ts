import type { Actor } from '../../actor'
import type { Db } from '../../handle'
import { GIFT_CATEGORY_LABELS, ISSUE_PURPOSE_LABELS } from '../../rules/gifts'
import { recordAudit } from '../audit'
import { listGifts, requireKeeper, type GiftRow } from './catalogue'
import { giftMonthReport, type GiftMonthReport, type MonthInput } from './report'
import { writeSheetFile, type SheetValue } from './sheetFile'

const yuan = (fen: number) => fen / 100

/**
 * The catalogue's columns. Every header up to 库存 is one the gift importer reads, so an export
 * imports back unchanged (库存 becomes the opening stock only of a gift with no movements yet, so
 * it adds nothing to gifts already on file); 库存金额 and 状态 are for reading and are ignored.
 */
const CATALOGUE: { header: string; width: number; money?: true; value: (g: GiftRow) => SheetValue }[] = [
  { header: '编码', width: 12, value: (g) => g.code },
  { header: '名称', width: 24, value: (g) => g.name },
  { header: '类别', width: 10, value: (g) => GIFT_CATEGORY_LABELS[g.category] },
  { header: '成本(元)', width: 10, money: true, value: (g) => yuan(g.unitCostFen) },
  { header: '兑换积分', width: 10, value: (g) => g.pointsPrice },
  { header: '预警库存', width: 10, value: (g) => g.reorderLevel },
  { header: '库存', width: 8, value: (g) => g.onHand },
  { header: '库存金额(元)', width: 14, money: true, value: (g) => yuan(g.onHand * g.unitCostFen) },
  { header: '状态', width: 8, value: (g) => (g.active ? '在用' : '停用') },
]

/** The gift catalogue with stock on hand and its value, as .xlsx or .csv. */
export async function exportGifts(
  db: Db,
  input: { file: string; format: 'xlsx' | 'csv' },
  actor: Actor,
): Promise<{ file: string; count: number }> {
  requireKeeper(actor)
  const gifts = listGifts(db)
  await writeSheetFile(input.file, input.format, [
    {
      name: '礼品目录',
      widths: CATALOGUE.map((c) => c.width),
      rows: [CATALOGUE.map((c) => c.header), ...gifts.map((g) => CATALOGUE.map((c) => c.value(g)))],
      bold: [0],
      money: CATALOGUE.flatMap((c, i) => (c.money ? [i] : [])),
    },
  ])
  recordAudit(db, actor, 'export', 'gift', null, `导出礼品目录${gifts.length}种（${input.format.toUpperCase()}）`)
  return { file: input.file, count: gifts.length }
}

/** The month's report as rows: figures, then the tables the screen shows, each under its heading. */
export function reportRows(r: GiftMonthReport): { rows: SheetValue[][]; bold: number[] } {
  const rows: SheetValue[][] = []
  const bold: number[] = []
  const heading = (values: SheetValue[]) => {
    bold.push(rows.length)
    rows.push(values)
  }
  heading([`礼品月报 ${r.month}`])
  rows.push(['兑换次数', r.redemptions])
  rows.push(['兑换积分', r.redeemedPoints])
  rows.push(['礼品成本(元)', yuan(r.totalCostFen)])
  rows.push(['月末库存金额(元)', yuan(r.stockValueEndFen)])
  rows.push(['本月入库', r.received.qty, yuan(r.received.costFen)])
  rows.push([])
  heading(['类别', '发出数量', '成本(元)', '月末库存', '月末库存金额(元)'])
  for (const c of r.categories)
    rows.push([GIFT_CATEGORY_LABELS[c.category], c.qty, yuan(c.costFen), c.stockQty, yuan(c.stockValueFen)])
  heading(['合计', null, yuan(r.totalCostFen), null, yuan(r.stockValueEndFen)])
  rows.push([])
  heading(['用途', '数量', '成本(元)'])
  for (const p of r.purposes) rows.push([ISSUE_PURPOSE_LABELS[p.purpose], p.qty, yuan(p.costFen)])
  rows.push(['积分兑换', r.redeemed.qty, yuan(r.redeemed.costFen)])
  heading(['合计', null, yuan(r.totalCostFen)])
  rows.push([])
  heading(['兑换排行', '编码', '数量', '积分'])
  r.topGifts.forEach((g, i) => rows.push([`${i + 1}. ${g.name}`, g.code, g.qty, g.points]))
  return { rows, bold }
}

/** The monthly gift report as one .xlsx sheet, for the planners' monthly meeting. */
export async function exportGiftReport(
  db: Db,
  input: MonthInput & { file: string },
  actor: Actor,
): Promise<{ file: string; month: string }> {
  const report = giftMonthReport(db, input)
  const { rows, bold } = reportRows(report)
  await writeSheetFile(input.file, 'xlsx', [
    { name: `礼品月报${report.month}`, widths: [20, 12, 12, 12, 18], rows, bold, money: [] },
  ])
  recordAudit(db, actor, 'export', 'gift', null, `导出礼品月报 ${report.month}`)
  return { file: input.file, month: report.month }
}
