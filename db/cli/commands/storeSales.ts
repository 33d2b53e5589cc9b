import { existsSync } from 'node:fs'
import { isAppError } from '../../errors'
import { parseSheetIssueField } from '../../rules/storeSales'
import { importStoreSales } from '../../services/reports/storeSalesImport'
import type { CliContext } from '../context'
import { fileError } from '../../fileErrors'
import { emit } from '../io'

/**
 * `import store-sales FILE`: the store's monthly sales per department (月份, 课别, 销售额 in 元), all
 * rows or none. --json prints exactly {file, rows, added, replaced}; a file with bad rows exits 1
 * listing every bad cell on stderr (and, with --json, in the error's `issues`).
 */
export async function importStoreSalesCommand(ctx: CliContext): Promise<number | void> {
  if (!existsSync(ctx.file)) throw fileError({ code: 'ENOENT' }, ctx.file, 'read')
  try {
    const r = await importStoreSales(ctx.db, ctx.file, ctx.actor)
    await ctx.result({ file: r.file, rows: r.rows, added: r.added, replaced: r.replaced })
    await ctx.say(
      [
        `导入完成：${r.file} 共 ${r.rows} 行，新增 ${r.added} 个月度课别数字，替换 ${r.replaced} 个。`,
        ...(r.warnings ?? []).map((w) => `注意：${w}`),
      ].join('\n'),
    )
  } catch (e) {
    const cells = isAppError(e) ? e.issues.map((i) => ({ at: parseSheetIssueField(i.field), reason: i.message })) : []
    if (!isAppError(e) || !cells.length || cells.some((c) => !c.at)) throw e
    const lines = [e.message, ...cells.map((c) => `  第 ${c.at!.row} 行 ${c.at!.column}：${c.reason}`)]
    await emit(ctx.io.stderr, `${lines.join('\n')}\n`)
    if (ctx.json) {
      const issues = cells.map((c) => ({ row: c.at!.row, column: c.at!.column, reason: c.reason }))
      await emit(ctx.io.stdout, `${JSON.stringify({ error: { kind: e.kind, message: e.message, issues } })}\n`)
    }
    return 1
  }
}
