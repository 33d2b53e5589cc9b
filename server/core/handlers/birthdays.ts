import { basename } from 'node:path'
import { validationError } from '../../../db/errors'
import { birthdayMailDocs, birthdayMailPdfs, labelsFileFor } from '../../../db/print/birthdayMail'
import { birthdayTestPrintHtml } from '../../../db/print/birthdayTestPrint'
import { CARD_DESIGNS } from '../../../db/rules/birthdayMail'
import { maskPhone } from '../../../db/rules/phone'
import {
  batchLabelRecipients,
  batchPlan,
  birthdayBatchCards,
  listBirthdayBatches,
  markBirthdayCards,
  prepareBirthdayBatch,
  recordBirthdayBatch,
} from '../../../db/services/birthdays/batches'
import { birthdayMonthCosts } from '../../../db/services/birthdays/costs'
import { birthdayMonthPage, birthdaysOfMonth } from '../../../db/services/birthdays/month'
import { exportBirthdaySms } from '../../../db/services/birthdays/sms'
import { photoDataUrl, photosDirOf, storePhoto, PHOTO_EXTENSIONS } from '../../../db/services/gifts/photos'
import { getSettings, updateSettings } from '../../../db/services/settings'
import { birthdayVoucherCount, birthdayVouchersForRun } from '../../../db/services/vouchers/birthday'
import { actorOf, type HandlerContext } from '../context'
import { progressTo } from '../sheetImport'
import type { Handlers } from '../dispatch'
import { writePdf } from '../pdfFiles'

const docsOf = (ctx: HandlerContext, p: Parameters<typeof birthdayMailDocs>[1], template?: string) =>
  birthdayMailDocs(ctx.state.db, p, photosDirOf(ctx.state.dbFile), template)

/** 生日关怀: who is born this month, the cards and labels, print runs, the SMS list. */
export const birthdaysHandlers = {
  // Lists show phones masked; the full numbers leave only in the audited SMS export.
  'birthdays:month': (input, ctx) => {
    const page = birthdayMonthPage(ctx.state.db, input)
    return {
      ...page,
      rows: page.rows.map((r) => ({ ...r, phone: maskPhone(r.phone) })),
      vouchers: birthdayVoucherCount(ctx.state.db, page.month),
    }
  },
  'birthdays:costs': (input, ctx) => birthdayMonthCosts(ctx.state.db, input),
  'birthdays:prepare': (input, ctx) => batchPlan(prepareBirthdayBatch(ctx.state.db, input)),
  'birthdays:preview': (input, ctx) => {
    const member = birthdaysOfMonth(ctx.state.db, { month: input.month, status: 'all' }).rows.find(
      (r) => r.memberId === input.memberId,
    )
    if (!member) throw validationError(`该会员的生日不在 ${input.month}`)
    const docs = docsOf(
      ctx,
      { design: input.design, labels: input.labels ?? null, labelOffset: 0, recipients: [member] },
      input.template,
    )
    return { ...docs, name: member.name }
  },
  'birthdays:testPrint': async (input, ctx) => {
    if (!CARD_DESIGNS.includes(input?.design)) throw validationError('请选择贺卡样式')
    const html = birthdayTestPrintHtml(ctx.state.db, input.design, photosDirOf(ctx.state.dbFile))
    return { printed: await ctx.shell.printer.print(html) }
  },
  'birthdays:print': async (input, ctx) => {
    const run = prepareBirthdayBatch(ctx.state.db, input)
    // Issued before the cards are drawn so each carries its number; a cancelled print keeps them (they are due anyway).
    birthdayVouchersForRun(ctx.state.db, run.month, actorOf(ctx))
    const docs = docsOf(ctx, run)
    if (!(await ctx.shell.printer.print(docs.cards))) return { printed: false, labelsPrinted: false, batch: null }
    // Recorded once the printer has the cards; recording checks again that nobody printed them meanwhile.
    const batch = recordBirthdayBatch(ctx.state.db, input, actorOf(ctx))
    const labelsPrinted = docs.labels ? await ctx.shell.printer.print(docs.labels) : false
    return { printed: true, labelsPrinted, batch }
  },
  'birthdays:savePdf': async (input, ctx) => {
    // Checked before the dialog opens, so a run that may not be printed is refused at once.
    const run = prepareBirthdayBatch(ctx.state.db, input)
    const file = await ctx.shell.pickSaveFile({
      title: '保存生日贺卡 PDF',
      defaultName: `生日贺卡-${run.month}.pdf`,
      filters: [{ name: 'PDF 文件', extensions: ['pdf'] }],
    })
    if (!file) return null
    birthdayVouchersForRun(ctx.state.db, run.month, actorOf(ctx))
    const pdfs = await birthdayMailPdfs(
      ctx.state.db,
      run,
      photosDirOf(ctx.state.dbFile),
      (html) => ctx.shell.printer.pdf(html),
      { onProgress: progressTo(ctx, '生成贺卡 PDF') },
    )
    await writePdf(file, pdfs.cards)
    const labelsFile = pdfs.labels ? labelsFileFor(file) : null
    if (labelsFile) await writePdf(labelsFile, pdfs.labels!)
    return { file, labelsFile, batch: recordBirthdayBatch(ctx.state.db, input, actorOf(ctx)) }
  },
  'birthdays:printLabels': async (input, ctx) => {
    const { batch, layout, offset, recipients } = batchLabelRecipients(ctx.state.db, input)
    const { labels } = docsOf(ctx, { design: batch.design, labels: layout, labelOffset: offset, recipients })
    if (!input.pdf) return { printed: await ctx.shell.printer.print(labels!), file: null }
    const file = await ctx.shell.pickSaveFile({
      title: '保存信封/标签 PDF',
      defaultName: `生日贺卡信封标签-${batch.month}-第${batch.id}批.pdf`,
      filters: [{ name: 'PDF 文件', extensions: ['pdf'] }],
    })
    if (!file) return { printed: false, file: null }
    await writePdf(file, await ctx.shell.printer.pdf(labels!))
    return { printed: true, file }
  },
  'birthdays:batches': (input, ctx) => listBirthdayBatches(ctx.state.db, input),
  'birthdays:batchCards': (input, ctx) => birthdayBatchCards(ctx.state.db, input),
  'birthdays:mark': (input, ctx) => markBirthdayCards(ctx.state.db, input, actorOf(ctx)),
  'birthdays:smsExport': async (input, ctx) => {
    const file = await ctx.shell.pickSaveFile({
      title: '导出生日短信名单',
      defaultName: `生日短信-${input.month}.${input.format}`,
      filters: [{ name: input.format === 'xlsx' ? 'Excel 工作簿' : 'CSV（逗号分隔）', extensions: [input.format] }],
    })
    if (!file) return null
    const format = basename(file).toLowerCase().endsWith('.csv') ? 'csv' : input.format
    const r = await exportBirthdaySms(ctx.state.db, { month: input.month, file, format }, actorOf(ctx))
    return { file: r.file, messages: r.rows.length, segments: r.segments, costFen: r.costFen, noPhone: r.noPhone }
  },
  'birthdays:settingsUpdate': (input, ctx) =>
    updateSettings(ctx.state.db, { birthdayMail: input }, actorOf(ctx)).birthdayMail,
  'settings:pickLogo': async (_input, ctx) => {
    const source = await ctx.shell.pickOpenFile({
      title: '选择门店标志',
      filters: [{ name: '图片', extensions: PHOTO_EXTENSIONS }],
    })
    if (!source) return null
    const dir = photosDirOf(ctx.state.dbFile)
    const logo = storePhoto(dir, source)
    updateSettings(ctx.state.db, { storeLogo: logo }, actorOf(ctx))
    return { logo, dataUrl: photoDataUrl(dir, logo) ?? '' }
  },
  'settings:logo': (_input, ctx) => photoDataUrl(photosDirOf(ctx.state.dbFile), getSettings(ctx.state.db).storeLogo),
} satisfies Partial<Handlers>
