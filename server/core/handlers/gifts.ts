import {
  createGift,
  eligibleGifts,
  giftByCode,
  giftMovementHistory,
  giftMonthReport,
  issueGift,
  listGifts,
  lowStock,
  memberRedemptions,
  PHOTO_EXTENSIONS,
  photoDataUrl,
  photosDirOf,
  receiveStock,
  redeemGifts,
  returnRedemptionLines,
  stocktake,
  storePhoto,
  updateGift,
} from '../../../db/services/gifts'
import { redemptionSlipHtml } from '../../../db/print/redemptionSlip'
import { giftCatalogueHtml, type CatalogueInput } from '../../../db/print/giftCatalogue'
import { actorOf, type HandlerContext } from '../context'
import type { Handlers } from '../dispatch'
import { savePdfAs } from '../pdfFiles'

// Built before any dialog opens, so a bad period or an empty catalogue is refused at once.
const catalogueOf = (input: CatalogueInput, ctx: HandlerContext) =>
  giftCatalogueHtml(ctx.state.db, { ...input, photosDir: photosDirOf(ctx.state.dbFile) })

/** The VIP room's gifts: catalogue, stock movements and the redemption desk. */
export const giftsHandlers = {
  'gifts:list': (input, ctx) => listGifts(ctx.state.db, input ?? {}),
  'gifts:lowStock': (_input, ctx) => lowStock(ctx.state.db),
  'gifts:eligible': (input, ctx) => eligibleGifts(ctx.state.db, input),
  'gifts:redeem': (input, ctx) => redeemGifts(ctx.state.db, input, actorOf(ctx)),
  'gifts:receive': (input, ctx) => receiveStock(ctx.state.db, input, actorOf(ctx)),
  'gifts:issue': (input, ctx) => issueGift(ctx.state.db, input, actorOf(ctx)),
  'gifts:stocktake': (input, ctx) => stocktake(ctx.state.db, input, actorOf(ctx)),
  'gifts:create': (input, ctx) => createGift(ctx.state.db, input, actorOf(ctx)),
  'gifts:update': (input, ctx) => updateGift(ctx.state.db, input, actorOf(ctx)),
  'gifts:memberRedemptions': (input, ctx) => memberRedemptions(ctx.state.db, input),
  'gifts:movements': (input, ctx) => giftMovementHistory(ctx.state.db, input),
  'gifts:report': (input, ctx) => giftMonthReport(ctx.state.db, input),
  'gifts:pickPhoto': async (_input, ctx) => {
    const file = await ctx.shell.pickOpenFile({
      title: '选择礼品照片',
      filters: [{ name: '图片', extensions: PHOTO_EXTENSIONS }],
    })
    if (!file) return null
    const dir = photosDirOf(ctx.state.dbFile)
    const photo = storePhoto(dir, file)
    return { photo, dataUrl: photoDataUrl(dir, photo) ?? '' }
  },
  'gifts:photo': (input, ctx) =>
    photoDataUrl(photosDirOf(ctx.state.dbFile), giftByCode(ctx.state.db, input.code).photo),
  'gifts:return': (input, ctx) => returnRedemptionLines(ctx.state.db, input, actorOf(ctx)),
  'gifts:slip': (input, ctx) => ({ html: redemptionSlipHtml(ctx.state.db, input.redemptionId) }),
  'gifts:printSlip': async (input, ctx) => {
    // Built before the dialog opens, so an unknown slip is refused without bothering the printer.
    const html = redemptionSlipHtml(ctx.state.db, input.redemptionId)
    return { printed: await ctx.shell.printer.print(html) }
  },
  'gifts:catalogue': (input, ctx) => catalogueOf(input, ctx),
  'gifts:catalogueSave': async (input, ctx) => {
    const doc = catalogueOf(input, ctx)
    const file = await savePdfAs(ctx, { title: '保存礼品册', defaultName: `礼品册-${input.validFrom}.pdf` }, doc.html)
    if (!file) return null
    return { file, count: doc.count, pages: doc.pages }
  },
  'gifts:cataloguePrint': async (input, ctx) => ({
    printed: await ctx.shell.printer.print(catalogueOf(input, ctx).html),
  }),
} satisfies Partial<Handlers>
