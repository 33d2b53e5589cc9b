import { checkBalances } from '../../services/points/ledger'
import { commitPurchaseImport, guessPurchaseMapping } from '../../services/purchases'
import type { CliContext } from '../context'
import { runSheetImport } from '../sheetImport'

export async function importPurchasesCommand(ctx: CliContext): Promise<number> {
  return runSheetImport(
    ctx,
    (sheet, onProgress) =>
      commitPurchaseImport(ctx.db, sheet, guessPurchaseMapping(sheet.headers), ctx.actor, onProgress),
    (r, bad) => `导入完成：新增 ${r.inserted} 行消费，未导入 ${bad} 行（已导入过的行不重复计入）。`,
  )
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
