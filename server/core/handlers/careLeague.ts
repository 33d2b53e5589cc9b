import { leagueReportHtml } from '../../../db/print/leagueReport'
import {
  cakeDeliverers,
  cakeGifts,
  cakeList,
  cancelCake,
  deliverCake,
  monthlyLeague,
  scheduleCake,
} from '../../../db/services/care'
import { actorOf } from '../context'
import type { Handlers } from '../dispatch'
import { savePdfAs } from '../pdfFiles'

/** 月度评比 (league, its printed report) and 生日蛋糕 (the list and its deliveries). */
export const careLeagueHandlers = {
  'care:league': (input, ctx) => monthlyLeague(ctx.state.db, input),
  'care:leagueReport': (input, ctx) => leagueReportHtml(ctx.state.db, input),
  'care:leagueSave': async (input, ctx) => {
    // Built before the dialog opens, so a bad month is refused at once.
    const doc = leagueReportHtml(ctx.state.db, input)
    const file = await savePdfAs(ctx, { title: '保存月度评比报告', defaultName: `月度评比-${doc.month}.pdf` }, doc.html)
    if (!file) return null
    return { file, month: doc.month, maintainers: doc.maintainers }
  },
  'care:leaguePrint': async (input, ctx) => ({
    printed: await ctx.shell.printer.print(leagueReportHtml(ctx.state.db, input).html),
  }),
  'care:cakeList': (input, ctx) => cakeList(ctx.state.db, input),
  'care:cakeGifts': (_input, ctx) => cakeGifts(ctx.state.db),
  'care:cakeDeliverers': (_input, ctx) => cakeDeliverers(ctx.state.db),
  'care:cakeSchedule': (input, ctx) => scheduleCake(ctx.state.db, input, actorOf(ctx)),
  'care:cakeDeliver': (input, ctx) => deliverCake(ctx.state.db, input, actorOf(ctx)),
  'care:cakeCancel': (input, ctx) => cancelCake(ctx.state.db, input, actorOf(ctx)),
} satisfies Partial<Handlers>
