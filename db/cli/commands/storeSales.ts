import { importStoreSales } from '../../services/reports/storeSalesImport'
import type { CliContext } from '../context'
import { runAllOrNoneImport } from '../sheetImport'

/**
 * `import store-sales FILE`: the store's monthly sales per department (月份, 课别, 销售额 in 元), all
 * rows or none. --json prints exactly {file, rows, added, replaced}; a file with bad rows exits 1
 * listing every bad cell on stderr (and, with --json, in the error's `issues`).
 */
export function importStoreSalesCommand(ctx: CliContext): Promise<number | void> {
  return runAllOrNoneImport(ctx, async () => {
    const r = await importStoreSales(ctx.db, ctx.file, ctx.actor)
    await ctx.result({ file: r.file, rows: r.rows, added: r.added, replaced: r.replaced })
    await ctx.say(
      [
        `导入完成：${r.file} 共 ${r.rows} 行，新增 ${r.added} 个月度课别数字，替换 ${r.replaced} 个。`,
        ...(r.warnings ?? []).map((w) => `注意：${w}`),
      ].join('\n'),
    )
  })
}
