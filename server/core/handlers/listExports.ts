import { basename } from 'node:path'
import { storeDayInt } from '../../../db/clock'
import { forbidden } from '../../../db/errors'
import { dayString } from '../../../db/rules/dates'
import { REVEALERS } from '../../../db/rules/roles'
import type { ExportFormat } from '../../../db/services/exports/listFile'
import {
  exportCakeList,
  exportExpired,
  exportHighValue,
  exportMyVips,
  exportSleeping,
  type ListFileTarget,
} from '../../../db/services/exports/lists'
import { actorOf, type HandlerContext } from '../context'
import type { Handlers } from '../dispatch'

/**
 * Every list export goes through here: full phone numbers only for the roles that may reveal
 * them, the save dialog (a download in a browser) named for the list and the store's day, and a
 * .csv when the chosen name ends so, whatever the format asked.
 */
export async function saveListAs<R>(
  ctx: HandlerContext,
  input: { format: ExportFormat; full?: boolean },
  name: string,
  write: (target: ListFileTarget) => Promise<R>,
): Promise<R | null> {
  const actor = actorOf(ctx)
  const full = !!input.full
  if (full && !REVEALERS.includes(actor.role)) throw forbidden('您的角色不能导出完整的手机号和身份证号')
  const day = dayString(storeDayInt(ctx.state.db))
  const file = await ctx.shell.pickSaveFile({
    title: `导出${name}`,
    defaultName: `${name}-${day}.${input.format}`,
    filters: [{ name: input.format === 'xlsx' ? 'Excel 工作簿' : 'CSV（逗号分隔）', extensions: [input.format] }],
  })
  if (!file) return null
  const format = basename(file).toLowerCase().endsWith('.csv') ? 'csv' : input.format
  return write({ file, format, full })
}

export const listExportHandlers = {
  'tiers:sleepingExport': (input, ctx) =>
    saveListAs(ctx, input, '沉睡会员', (t) =>
      exportSleeping(ctx.state.db, { ...t, months: input.months, includeNever: input.includeNever }, actorOf(ctx)),
    ),
  'tiers:expiredExport': (input, ctx) =>
    saveListAs(ctx, input, '过期卡', (t) => exportExpired(ctx.state.db, t, actorOf(ctx))),
  'care:highValueExport': (input, ctx) =>
    saveListAs(ctx, input, '高端名单', (t) => exportHighValue(ctx.state.db, t, actorOf(ctx))),
  'care:cakeListExport': (input, ctx) =>
    saveListAs(ctx, input, `生日蛋糕-${input.month}`, (t) =>
      exportCakeList(ctx.state.db, { ...t, month: input.month, skipLastYear: input.skipLastYear }, actorOf(ctx)),
    ),
  'care:myVipsExport': (input, ctx) =>
    saveListAs(ctx, input, '我的VIP', (t) =>
      exportMyVips(ctx.state.db, { ...t, staffId: input.staffId }, actorOf(ctx)),
    ),
} satisfies Partial<Handlers>
