import { voucherSheetHtml } from '../../../db/print/voucherSheet'
import { voucherSlipHtml } from '../../../db/print/voucherSlip'
import { redeemPointsForVouchers, yearlyOptions, yearlyProgress } from '../../../db/services/vouchers'
import { actorOf } from '../context'
import type { Handlers } from '../dispatch'
import { savePdfAs } from '../pdfFiles'

/** The yearly redemption desk and the printed vouchers. */
export const yearlyHandlers = {
  'yearly:options': (input, ctx) => yearlyOptions(ctx.state.db, input),
  'yearly:redeem': (input, ctx) => redeemPointsForVouchers(ctx.state.db, input, actorOf(ctx)),
  'yearly:progress': (input, ctx) => yearlyProgress(ctx.state.db, input ?? {}),
  'vouchers:slip': async (input, ctx) => {
    // Built before the dialog opens, so an unknown or spent voucher is refused without the printer.
    const html = voucherSlipHtml(ctx.state.db, input)
    return { printed: await ctx.shell.printer.print(html) }
  },
  'vouchers:sheet': async (input, ctx) => {
    const doc = voucherSheetHtml(ctx.state.db, input)
    const file = await savePdfAs(ctx, { title: '保存券页', defaultName: `券页-${doc.count}张.pdf` }, doc.html)
    return file ? { file, count: doc.count, pages: doc.pages } : null
  },
} satisfies Partial<Handlers>
