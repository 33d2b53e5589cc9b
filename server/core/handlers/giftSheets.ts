import { storeDayInt } from '../../../db/clock'
import { dayString } from '../../../db/rules/dates'
import { basename } from 'node:path'
import { validationError } from '../../../db/errors'
import { commitGiftImport, GIFT_FIELDS, previewGiftImport, type GiftMapping } from '../../../db/services/gifts'
import { exportGiftReport, exportGifts } from '../../../db/services/gifts/export'
import { cellText } from '../../../db/services/members/import/cells'
import type { SheetData } from '../../../db/services/members/import'
import type { GiftSheetPreview } from '../../contract/contract'
import { actorOf, type HandlerContext } from '../context'
import type { Handlers } from '../dispatch'
import { dropSheet, pendingSheet, pickSheet } from '../sheetImport'

/** Rows of the file shown under the column mapping. */
const SAMPLE_ROWS = 10
const KNOWN = new Set<string>(GIFT_FIELDS)

/** The renderer's mapping, with anything that is not a gift field read as 忽略. */
const cleanMapping = (mapping: GiftMapping, width: number): GiftMapping =>
  Array.from({ length: width }, (_, i) => {
    const f = mapping[i]
    return f && KNOWN.has(f) ? f : null
  })

function sampleOf(sheet: SheetData, mapping: GiftMapping): GiftSheetPreview['sample'] {
  return sheet.rows.slice(0, SAMPLE_ROWS).map(({ row, cells }) => {
    const values: GiftSheetPreview['sample'][number]['values'] = {}
    mapping.forEach((field, i) => {
      if (field && !(field in values)) values[field] = cellText(cells[i])
    })
    return { row, values }
  })
}

function previewOf(ctx: HandlerContext, token: string, sheet: SheetData, mapping?: GiftMapping): GiftSheetPreview {
  const preview = previewGiftImport(ctx.state.db, sheet, mapping)
  return { token, ...preview, sample: sampleOf(sheet, preview.mapping) }
}

const today = (ctx: HandlerContext) => dayString(storeDayInt(ctx.state.db))
const FILTERS = { xlsx: 'Excel 工作簿', csv: 'CSV（逗号分隔）' } as const

/** 导入礼品 / 导出 on 库存, and the 月报's Excel: files chosen in main, never named by the renderer. */
export const giftSheetsHandlers = {
  'gifts:importPick': async (_input, ctx) => {
    const picked = await pickSheet(ctx, '选择要导入的礼品表')
    if (!picked) return null
    try {
      return previewOf(ctx, picked.token, picked.sheet)
    } catch (e) {
      dropSheet(ctx, picked.token)
      throw e
    }
  },
  'gifts:importRemap': (input, ctx) => {
    const sheet = pendingSheet(ctx, input.token)
    return previewOf(ctx, input.token, sheet, cleanMapping(input.mapping, sheet.headers.length))
  },
  'gifts:importCommit': async (input, ctx) => {
    const sheet = pendingSheet(ctx, input.token)
    const mapping = cleanMapping(input.mapping, sheet.headers.length)
    const result = await commitGiftImport(ctx.state.db, sheet, actorOf(ctx), mapping)
    dropSheet(ctx, input.token)
    return result
  },
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
