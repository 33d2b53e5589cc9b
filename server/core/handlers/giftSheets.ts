import { storeDayInt } from '../../../db/clock'
import { dayString } from '../../../db/rules/dates'
import { basename } from 'node:path'
import { validationError } from '../../../db/errors'
import { exportGiftReport, exportGifts } from '../../../db/services/gifts/export'
import type { GiftSheetPreview } from '../../contract/contract'
import { actorOf, type HandlerContext } from '../context'
import type { Handlers } from '../dispatch'
import { commitSheet, dropSheet, pickSheet, remapSheet } from '../sheetImport'

const today = (ctx: HandlerContext) => dayString(storeDayInt(ctx.state.db))
const FILTERS = { xlsx: 'Excel 工作簿', csv: 'CSV（逗号分隔）' } as const

/** 导入礼品 / 导出 on 库存, and the 月报's Excel: files chosen in main, never named by the renderer. */
export const giftSheetsHandlers = {
  'gifts:importPick': (_input, ctx) => pickSheet<GiftSheetPreview>(ctx, 'gifts', '选择要导入的礼品表'),
  'gifts:importRemap': (input, ctx) => remapSheet<GiftSheetPreview>(ctx, 'gifts', input.token, input.mapping),
  'gifts:importCommit': (input, ctx) => commitSheet(ctx, 'gifts', input.token, input.mapping),
  'gifts:importCancel': (input, ctx) => dropSheet(ctx, input.token),

  'gifts:export': async (input, ctx) => {
    if (input?.format !== 'xlsx' && input?.format !== 'csv') throw validationError('导出格式只能是 Excel 或 CSV')
    const file = await ctx.shell.pickSaveFile({
      title: '导出礼品目录',
      defaultName: `礼品目录-${today(ctx)}.${input.format}`,
      filters: [{ name: FILTERS[input.format], extensions: [input.format] }],
    })
    if (!file) return null
    const format = basename(file).toLowerCase().endsWith('.csv') ? 'csv' : input.format
    return exportGifts(ctx.state.db, { file, format }, actorOf(ctx))
  },
  'gifts:reportExport': async (input, ctx) => {
    const month = `${input.year}-${String(input.month).padStart(2, '0')}`
    const file = await ctx.shell.pickSaveFile({
      title: '导出礼品月报',
      defaultName: `礼品月报-${month}.xlsx`,
      filters: [{ name: FILTERS.xlsx, extensions: ['xlsx'] }],
    })
    if (!file) return null
    return exportGiftReport(ctx.state.db, { ...input, file }, actorOf(ctx))
  },
} satisfies Partial<Handlers>
