import { departmentsJson, importDepartments } from '../../services/departments'
import type { CliContext } from '../context'
import { runAllOrNoneImport } from '../sheetImport'

/** `departments list`: --json prints exactly [{"name","counters":[…],"active"}] (active counters). */
export async function departmentsListCommand(ctx: CliContext): Promise<void> {
  const rows = departmentsJson(ctx.db)
  await ctx.result(rows)
  if (!rows.length) return ctx.say('课别列表是空的。')
  await ctx.say(
    rows
      .map(
        (d) => `${d.name}${d.active ? '' : '（已停用）'}：${d.counters.length ? d.counters.join('、') : '（无专柜）'}`,
      )
      .join('\n'),
  )
}

/**
 * `import departments FILE`: 课别, 专柜 rows added to the list, all rows or none. --json prints
 * {file, rows, addedDepartments, addedCounters}; a bad row exits 1 listing every bad cell.
 */
export function importDepartmentsCommand(ctx: CliContext): Promise<number | void> {
  return runAllOrNoneImport(ctx, async () => {
    const r = await importDepartments(ctx.db, ctx.file, ctx.actor)
    await ctx.result(r)
    await ctx.say(
      `导入完成：${r.file} 共 ${r.rows} 行，新增课别 ${r.addedDepartments} 个、专柜 ${r.addedCounters} 个。`,
    )
  })
}
