import { existsSync } from 'node:fs'
import { notFound } from '../../errors'
import type { ImportProgress } from '../../services/members/import'
import { readSheetFile } from '../../services/members/import'
import { checkBalances } from '../../services/points/ledger'
import { commitPurchaseImport, guessPurchaseMapping } from '../../services/purchases'
import type { CliContext } from '../context'
import { progressLine } from '../io'

const PHASES: Record<ImportProgress['phase'], string> = { read: '读取', check: '校验', write: '写入' }
/** Rejected lines listed in the readable summary; the JSON lists them all. */
const SHOWN_REJECTIONS = 50

export async function importPurchasesCommand(ctx: CliContext): Promise<void> {
  if (!existsSync(ctx.file)) throw notFound(`找不到要导入的文件：${ctx.file}`)
  const progress = progressLine(ctx.io.stderr)
  const onProgress = (p: ImportProgress) => progress(PHASES[p.phase] ?? p.phase, p.done, p.total)
  let result
  try {
    const sheet = await readSheetFile(ctx.file, onProgress)
    result = await commitPurchaseImport(ctx.db, sheet, guessPurchaseMapping(sheet.headers), ctx.actor, onProgress)
  } finally {
    progress.end()
  }
  // Exactly the shape `import members` prints.
  await ctx.result({
    inserted: result.inserted,
    updated: result.updated,
    rejected: result.rejected.map((r) => ({ row: r.row, column: r.column, reason: r.reason })),
  })
  const lines = [
    `导入完成：新增 ${result.inserted} 行消费，未导入 ${new Set(result.rejected.map((r) => r.row)).size} 行（已导入过的行不重复计入）。`,
  ]
  for (const r of result.rejected.slice(0, SHOWN_REJECTIONS)) lines.push(`  第 ${r.row} 行 ${r.column}：${r.reason}`)
  if (result.rejected.length > SHOWN_REJECTIONS) {
    lines.push(`  ……另有 ${result.rejected.length - SHOWN_REJECTIONS} 处问题（用 --json 查看全部）`)
  }
  await ctx.say(lines.join('\n'))
}

/** Recomputes every balance from the ledger; exit code 1 when any cached balance disagrees. */
export async function pointsCheckCommand(ctx: CliContext): Promise<number> {
  const r = checkBalances(ctx.db)
  await ctx.result(r)
  if (!r.differences.length) {
    await ctx.say(`已核对 ${r.members} 名会员的积分余额，与流水一致。`)
    return 0
  }
  const lines = [`已核对 ${r.members} 名会员，${r.differences.length} 名的余额与流水不一致：`]
  for (const d of r.differences) {
    lines.push(
      `  卡号 ${d.cardNo}：余额 ${d.cached.points}（欠 ${d.cached.debt}），流水合计 ${d.ledger.points}（欠 ${d.ledger.debt}）`,
    )
  }
  await ctx.say(lines.join('\n'))
  return 1
}
