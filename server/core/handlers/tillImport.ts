import { storeZone } from '../../../db/clock'
import { formatZoned } from '../../../db/rules/storeClock'
import { cellText } from '../../../db/services/members/import/cells'
import type { SheetData } from '../../../db/services/members/import'
import { PURCHASE_FIELDS, parseTime, type PurchaseMapping } from '../../../db/services/purchases/columns'
import { commitPurchaseImport, previewPurchaseImport } from '../../../db/services/purchases/import'
import type { TillImportPreview } from '../../contract/contract'
import { actorOf, type HandlerContext } from '../context'
import type { Handlers } from '../dispatch'
import { dropSheet, pendingSheet, pickSheet, progressTo } from '../sheetImport'

/** Rows of the file shown under the column mapping. */
const SAMPLE_ROWS = 10
const KNOWN = new Set<string>(PURCHASE_FIELDS)

/** The renderer's mapping, with anything that is not a purchase field read as 忽略. */
const cleanMapping = (mapping: PurchaseMapping, width: number): PurchaseMapping =>
  Array.from({ length: width }, (_, i) => {
    const f = mapping[i]
    return f && KNOWN.has(f) ? f : null
  })

/** The first lines as the importer reads them: times as it understands them, other cells as text. */
function sampleOf(sheet: SheetData, mapping: PurchaseMapping, zone: string): TillImportPreview['sample'] {
  return sheet.rows.slice(0, SAMPLE_ROWS).map(({ row, cells }) => {
    const values: TillImportPreview['sample'][number]['values'] = {}
    mapping.forEach((field, i) => {
      if (!field || field in values) return
      const at = field === 'purchasedAt' ? parseTime(cells[i], zone) : null
      values[field] = at === null ? cellText(cells[i]) : formatZoned(at, zone)
    })
    return { row, values }
  })
}

async function previewOf(ctx: HandlerContext, token: string, sheet: SheetData, mapping?: PurchaseMapping) {
  // The check is a dry run of the whole import: on a big till file it takes as long as the import.
  const preview = await previewPurchaseImport(ctx.state.db, sheet, mapping, progressTo(ctx, '检查小票'))
  return { token, ...preview, sample: sampleOf(sheet, preview.mapping, storeZone(ctx.state.db)) }
}

/** 导入小票: the same pick → preview → commit steps as the member import, for till exports. */
export const tillImportHandlers = {
  'purchases:importPick': async (_input, ctx) => {
    const picked = await pickSheet(ctx, '选择收银机导出的小票文件')
    if (!picked) return null
    try {
      return await previewOf(ctx, picked.token, picked.sheet)
    } catch (e) {
      dropSheet(ctx, picked.token)
      throw e
    }
  },
  'purchases:importRemap': (input, ctx) => {
    const sheet = pendingSheet(ctx, input.token)
    return previewOf(ctx, input.token, sheet, cleanMapping(input.mapping, sheet.headers.length))
  },
  'purchases:importCommit': async (input, ctx) => {
    const sheet = pendingSheet(ctx, input.token)
    const mapping = cleanMapping(input.mapping, sheet.headers.length)
    const result = await commitPurchaseImport(ctx.state.db, sheet, mapping, actorOf(ctx), progressTo(ctx, '导入小票'))
    dropSheet(ctx, input.token)
    return result
  },
  'purchases:importCancel': (input, ctx) => dropSheet(ctx, input.token),
} satisfies Partial<Handlers>
