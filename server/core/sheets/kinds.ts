import type { Actor } from '../../../db/actor'
import { storeZone } from '../../../db/clock'
import type { Db } from '../../../db/handle'
import { commitGiftImport, GIFT_FIELDS, previewGiftImport, type GiftMapping } from '../../../db/services/gifts'
import { commitMemberImport, guessMapping, previewMemberImport } from '../../../db/services/members/import'
import { cellText } from '../../../db/services/members/import/cells'
import type {
  ColumnMapping,
  ImportPreview,
  ImportProgress,
  ImportResult,
  SheetData,
} from '../../../db/services/members/import'
import { formatZoned } from '../../../db/rules/storeClock'
import { PURCHASE_FIELDS, parseTime, type PurchaseMapping } from '../../../db/services/purchases/columns'
import { commitPurchaseImport, previewPurchaseImport } from '../../../db/services/purchases/import'
import type { GiftSheetPreview, TillImportPreview } from '../../contract/contract'

/** The three sheets a desk imports: 会员表, 收银机小票, 礼品表. */
export type SheetKind = 'members' | 'till' | 'gifts'

/** Progress of one named task ('检查小票', '导入会员' …). */
export type TaskProgress = (task: string) => (p: ImportProgress) => void

interface SheetKindOps {
  /** What a desk sees while the file is checked and written, for progress and for other desks. */
  readonly checking: string
  readonly importing: string
  preview(db: Db, sheet: SheetData, mapping: unknown, progress: TaskProgress): object | Promise<object>
  commit(db: Db, sheet: SheetData, mapping: unknown, actor: Actor, progress: TaskProgress): Promise<ImportResult>
}

/** Rows of the file shown under the column mapping. */
const SAMPLE_ROWS = 10

/** The renderer's mapping, with anything that is not a field of the sheet read as 忽略. */
function cleanMapping<F extends string>(known: readonly F[], mapping: unknown, width: number): (F | null)[] {
  const set = new Set<string>(known)
  const given = Array.isArray(mapping) ? (mapping as unknown[]) : []
  return Array.from({ length: width }, (_, i) => {
    const f = given[i]
    return typeof f === 'string' && set.has(f) ? (f as F) : null
  })
}

/** The first lines as the till importer reads them: times as it understands them, other cells as text. */
function tillSample(sheet: SheetData, mapping: PurchaseMapping, zone: string): TillImportPreview['sample'] {
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

function giftSample(sheet: SheetData, mapping: GiftMapping): GiftSheetPreview['sample'] {
  return sheet.rows.slice(0, SAMPLE_ROWS).map(({ row, cells }) => {
    const values: GiftSheetPreview['sample'][number]['values'] = {}
    mapping.forEach((field, i) => {
      if (field && !(field in values)) values[field] = cellText(cells[i])
    })
    return { row, values }
  })
}

const tillMapping = (mapping: unknown, sheet: SheetData) =>
  mapping === undefined ? undefined : cleanMapping(PURCHASE_FIELDS, mapping, sheet.headers.length)
const giftMapping = (mapping: unknown, sheet: SheetData) =>
  mapping === undefined ? undefined : cleanMapping(GIFT_FIELDS, mapping, sheet.headers.length)

/**
 * Each sheet's preview (without its token) and commit, over whichever connection runs them: the
 * app's own on the desktop, the import worker's on the store server.
 */
export const SHEET_KINDS: Record<SheetKind, SheetKindOps> = {
  members: {
    checking: '检查会员表',
    importing: '导入会员',
    preview: (db, sheet, mapping): Omit<ImportPreview, 'token'> =>
      previewMemberImport(db, sheet, (mapping as ColumnMapping | undefined) ?? guessMapping(sheet.headers)),
    commit: (db, sheet, mapping, actor, progress) =>
      commitMemberImport(db, sheet, mapping as ColumnMapping, actor, progress('导入会员')),
  },
  till: {
    checking: '检查小票',
    importing: '导入小票',
    // The check is a dry run of the whole import: on a big till file it takes as long as the import.
    async preview(db, sheet, mapping, progress): Promise<Omit<TillImportPreview, 'token'>> {
      const p = await previewPurchaseImport(db, sheet, tillMapping(mapping, sheet), progress('检查小票'))
      return { ...p, sample: tillSample(sheet, p.mapping, storeZone(db)) }
    },
    commit: (db, sheet, mapping, actor, progress) =>
      commitPurchaseImport(db, sheet, tillMapping(mapping, sheet) ?? [], actor, progress('导入小票')),
  },
  gifts: {
    checking: '检查礼品表',
    importing: '导入礼品',
    preview(db, sheet, mapping): Omit<GiftSheetPreview, 'token'> {
      const p = previewGiftImport(db, sheet, giftMapping(mapping, sheet))
      return { ...p, sample: giftSample(sheet, p.mapping) }
    },
    commit: (db, sheet, mapping, actor) => commitGiftImport(db, sheet, actor, giftMapping(mapping, sheet)),
  },
}
