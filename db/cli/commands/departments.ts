import { existsSync } from 'node:fs'
import { isAppError } from '../../errors'
import { fileError } from '../../fileErrors'
import { parseSheetIssueField } from '../../rules/storeSales'
import { departmentsJson, importDepartments } from '../../services/departments'
import type { CliContext } from '../context'
import { emit } from '../io'

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
export async function importDepartmentsCommand(ctx: CliContext): Promise<number | void> {
  if (!existsSync(ctx.file)) throw fileError({ code: 'ENOENT' }, ctx.file, 'read')
  try {
    const r = await importDepartments(ctx.db, ctx.file, ctx.actor)
    await ctx.result(r)
    await ctx.say(
      `导入完成：${r.file} 共 ${r.rows} 行，新增课别 ${r.addedDepartments} 个、专柜 ${r.addedCounters} 个。`,
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
