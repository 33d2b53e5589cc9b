import { basename } from 'node:path'
import { memberRowById } from '../../../db/services/members'
import { adjustPoints } from '../../../db/services/points/adjust'
import { expiringSoon } from '../../../db/services/points/expiry'
import { balanceNow } from '../../../db/services/points/lapse'
import { exportExpiring } from '../../../db/services/points/reminderExport'
import { memberLedger, memberPurchases, previewPurchase, recordPurchase } from '../../../db/services/purchases'
import { storeDayInt } from '../../../db/clock'
import { dayString } from '../../../db/rules/dates'
import { actorOf, type HandlerContext } from '../context'
import type { Handlers } from '../dispatch'

/** "Within 30 days" counts from today on main's clock unless the caller names a day. */
const today = (ctx: HandlerContext) => dayString(storeDayInt(ctx.state.db))

export const purchasesHandlers = {
  'purchases:preview': (input, ctx) => previewPurchase(ctx.state.db, input),
  'purchases:record': (input, ctx) => {
    const saved = recordPurchase(ctx.state.db, input, actorOf(ctx))
    // The desk tells the member their new balance (net of points lapsed by now), with the receipt.
    const cached = Number(memberRowById(ctx.state.db, saved.member.id)?.points ?? 0)
    return { ...saved, balance: balanceNow(ctx.state.db, saved.member.id, cached) }
  },
  'purchases:ofMember': (input, ctx) => memberPurchases(ctx.state.db, input),
  'points:ledger': (input, ctx) => memberLedger(ctx.state.db, input),
  'points:adjust': (input, ctx) => adjustPoints(ctx.state.db, input, actorOf(ctx)),
  'points:expiringSoon': (input, ctx) => {
    const asOf = input.asOf ?? today(ctx)
    return { ...expiringSoon(ctx.state.db, { ...input, asOf }), asOf }
  },
  'points:expiringExport': async (input, ctx) => {
    const asOf = input.asOf ?? today(ctx)
    const file = await ctx.shell.pickSaveFile({
      title: '导出积分到期提醒名单',
      defaultName: `积分到期提醒-${asOf}.${input.format}`,
      filters: [{ name: input.format === 'xlsx' ? 'Excel 工作簿' : 'CSV（逗号分隔）', extensions: [input.format] }],
    })
    if (!file) return null
    const format = basename(file).toLowerCase().endsWith('.csv') ? 'csv' : input.format
    return exportExpiring(ctx.state.db, { file, format, asOf, days: input.days }, actorOf(ctx))
  },
} satisfies Partial<Handlers>
