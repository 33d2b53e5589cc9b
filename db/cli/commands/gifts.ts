import { storeDayInt } from '../../clock'
import { writeFileExplained } from '../../fileErrors'
import { resolve } from 'node:path'
import { chineseDate } from '../../print/document'
import { giftCatalogueHtml } from '../../print/giftCatalogue'
import { calendarQuarter, GIFT_CATEGORY_LABELS } from '../../rules/gifts'
import {
  checkStock,
  commitGiftImport,
  giftByCode,
  listGifts,
  memberIdOfCard,
  photosDirOf,
  receiveStock,
  redeemGifts,
} from '../../services/gifts'
import type { CliContext } from '../context'
import { displayWidth, padCell, UsageError } from '../io'
import { runSheetImport } from '../sheetImport'

/** The operands after the command words (`gifts receive CODE QTY` → [CODE, QTY]). */
const operandsOf = (ctx: CliContext) => ctx.args.words.slice(2)

const yuan = (fen: number) => (fen / 100).toFixed(2)

export async function importGiftsCommand(ctx: CliContext): Promise<number> {
  return runSheetImport(
    ctx,
    (sheet) => commitGiftImport(ctx.db, sheet, ctx.actor),
    (r, bad) => `导入完成：新增 ${r.inserted} 种礼品，更新 ${r.updated} 种，未导入 ${bad} 行。`,
  )
}

/** `gifts list`: the catalogue by code; --json gives exactly the documented fields. */
export async function giftsListCommand(ctx: CliContext): Promise<void> {
  const rows = listGifts(ctx.db).map((g) => ({
    code: g.code,
    name: g.name,
    category: GIFT_CATEGORY_LABELS[g.category],
    onHand: g.onHand,
    reorderLevel: g.reorderLevel,
    pointsPrice: g.pointsPrice,
    unitCost: g.unitCostFen,
  }))
  await ctx.result(rows)
  if (!rows.length) return ctx.say('礼品目录是空的。')
  const head = ['编码', '名称', '类别', '库存', '预警', '兑换积分', '成本(元)']
  const cells = rows.map((r) => [
    r.code,
    r.name,
    r.category,
    String(r.onHand),
    String(r.reorderLevel),
    r.pointsPrice === null ? '-' : String(r.pointsPrice),
    yuan(r.unitCost),
  ])
  const widths = head.map((h, i) => Math.max(displayWidth(h), ...cells.map((c) => displayWidth(c[i]!))))
  const line = (c: string[]) => c.map((x, i) => padCell(x, widths[i]!, i >= 3)).join('  ')
  const low = rows.filter((r) => r.onHand <= r.reorderLevel).length
  await ctx.say([line(head), ...cells.map(line), `共 ${rows.length} 种礼品，${low} 种库存不高于预警线。`].join('\n'))
}

function positiveInt(text: string, what: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1 || !Number.isSafeInteger(Number(text)))
    throw new UsageError(`${what}应为正整数，收到"${text}"`)
  return Number(text)
}

/** `gifts receive CODE QTY [--unit-cost 元 | --unit-cost-fen 分]` */
export async function giftsReceiveCommand(ctx: CliContext): Promise<void> {
  const [code, qty] = operandsOf(ctx) as [string, string]
  const quantity = positiveInt(qty, '数量')
  const moved = receiveStock(ctx.db, { code, quantity, unitCostFen: ctx.args.unitCost }, ctx.actor)
  await ctx.result({ code, quantity, onHand: moved.onHand })
  await ctx.say(`礼品 ${code} 入库 ${quantity} 件，现有库存 ${moved.onHand} 件。`)
}

/**
 * `CODE[xQTY]`: G001, G001x2, G001×2 or G001*2. A whole operand that is itself a gift code wins,
 * so a code that happens to end in x and digits still reads as one unit of it.
 */
function lineOf(ctx: CliContext, text: string): { code: string; qty: number } {
  const m = /^(.+)[xX×*](\d+)$/.exec(text)
  if (!m) return { code: text, qty: 1 }
  try {
    giftByCode(ctx.db, text)
    return { code: text, qty: 1 }
  } catch {
    return { code: m[1]!, qty: positiveInt(m[2]!, '兑换数量') }
  }
}

/** `gifts redeem --card CARDNO CODE[xQTY]...`: refused redemptions exit 1 with the reason. */
export async function giftsRedeemCommand(ctx: CliContext): Promise<void> {
  if (!ctx.args.card) throw new UsageError('命令 gifts redeem 需要 --card 会员卡号')
  const lines = operandsOf(ctx).map((t) => lineOf(ctx, t))
  const memberId = memberIdOfCard(ctx.db, ctx.args.card)
  const r = redeemGifts(ctx.db, { memberId, lines }, ctx.actor)
  await ctx.result(r)
  await ctx.say(
    [
      `兑换成功（兑换单 ${r.slipNo}）：卡号 ${r.cardNo}`,
      ...r.lines.map((l) => `  ${l.name} × ${l.qty}  ${l.points.toLocaleString('en-US')} 分`),
      `积分 ${r.pointsBefore.toLocaleString('en-US')} → ${r.pointsAfter.toLocaleString('en-US')}（共 ${r.points.toLocaleString('en-US')} 分）`,
    ].join('\n'),
  )
}

/** `stock check`: recomputes stock from movements; exit code 1 when any gift disagrees. */
export async function stockCheckCommand(ctx: CliContext): Promise<number> {
  const r = checkStock(ctx.db)
  await ctx.result(r)
  if (!r.differences.length) {
    await ctx.say(`已核对 ${r.gifts} 种礼品的库存，与出入库流水一致。`)
    return 0
  }
  const lines = [`已核对 ${r.gifts} 种礼品，${r.differences.length} 种的库存与流水不一致：`]
  for (const d of r.differences) lines.push(`  ${d.code} ${d.name}：库存 ${d.cached}，流水合计 ${d.movements}`)
  await ctx.say(lines.join('\n'))
  return 1
}

function dayOption(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) throw new UsageError(`选项 --${flag} 的日期格式应为 YYYY-MM-DD，收到"${text}"`)
  return Number(text.replaceAll('-', ''))
}

/**
 * `gifts catalogue --pdf FILE [--from YYYY-MM-DD] [--until YYYY-MM-DD]`: the printed catalogue
 * through headless Chromium; the period defaults to the current calendar quarter.
 */
export async function giftsCatalogueCommand(ctx: CliContext): Promise<void> {
  if (!ctx.args.pdf) throw new UsageError('命令 gifts catalogue 需要 --pdf 文件路径（要保存的 PDF）')
  const file = resolve(ctx.io.cwd ?? process.cwd(), ctx.args.pdf)
  const quarter = calendarQuarter(storeDayInt(ctx.db))
  const validFrom = dayOption(ctx.args.from, 'from') ?? quarter.from
  const validUntil = dayOption(ctx.args.until, 'until') ?? quarter.until
  const doc = giftCatalogueHtml(ctx.db, { validFrom, validUntil, photosDir: photosDirOf(ctx.dbFile) })
  // Loaded only here: the other commands need no browser driver.
  const { htmlToPdf } = await import('../../print/chromium')
  const pdf = await htmlToPdf(doc.html, ctx.io.env)
  writeFileExplained(file, pdf)
  if (doc.photoWarning) await ctx.say(`注意：${doc.photoWarning}`)
  await ctx.result({ file, count: doc.count, pages: doc.pages, validFrom, validUntil, bytes: pdf.length })
  await ctx.say(
    `礼品册已保存到 ${file}：${doc.count} 种礼品，${doc.pages} 页，有效期 ${chineseDate(validFrom)} 至 ${chineseDate(validUntil)}。`,
  )
}
