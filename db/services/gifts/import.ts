import { eq } from 'drizzle-orm'
import type { Actor } from '../../actor'
import { validationError } from '../../errors'
import { inTransaction, type Db } from '../../handle'
import { categoryOf, GIFT_CATEGORY_LABELS, type GiftCategory } from '../../rules/gifts'
import { giftCostProblem, pointsPriceProblem, quantityProblem, type Limits } from '../../rules/limits'
import { parseWholeNumber, parseYuan } from '../../rules/money'
import { gifts } from '../../schema'
import { recordAudit } from '../audit'
import { cellText } from '../members/import/cells'
import { headerKey } from '../members/import/headers'
import { previewHead } from '../members/import/previewHead'
import type { SheetData } from '../members/import/read'
import type { ImportIssue, ImportResult } from '../members/import/types'
import { getSettings } from '../settings'
import { requireKeeper } from './catalogue'
import { postMovement } from './movements'

/** The catalogue fields a sheet column can feed, in the order the wizard lists them. */
export const GIFT_FIELDS = ['code', 'name', 'category', 'unitCost', 'pointsPrice', 'reorderLevel', 'opening'] as const
export type GiftField = (typeof GIFT_FIELDS)[number]
/** For each sheet column (by position), the field it feeds, or null to ignore it. */
export type GiftMapping = (GiftField | null)[]

export const GIFT_FIELD_LABELS: Record<GiftField, string> = {
  code: '编码',
  name: '名称',
  category: '类别',
  unitCost: '成本',
  pointsPrice: '兑换积分',
  reorderLevel: '预警库存',
  opening: '期初库存',
}
const LABELS = GIFT_FIELD_LABELS
const REQUIRED = ['code', 'name'] as const

const SPELLINGS: Record<GiftField, string[]> = {
  code: ['编码', '礼品编码', '编号', '礼品编号', '代码'],
  name: ['名称', '礼品名称', '礼品', '品名'],
  category: ['类别', '礼品类别', '分类', '类型'],
  unitCost: ['成本', '单价', '成本价', '进价', '单位成本'],
  pointsPrice: ['兑换积分', '所需积分', '积分', '兑换所需积分'],
  reorderLevel: ['预警库存', '安全库存', '最低库存', '补货点'],
  opening: ['库存', '期初库存', '现有库存', '数量', '期初数量'],
}
const LOOKUP = new Map<string, GiftField>()
for (const [field, names] of Object.entries(SPELLINGS) as [GiftField, string[]][])
  for (const n of names) LOOKUP.set(headerKey(n), field)

/** The field each column feeds; a field goes to its first matching column, unknown columns stay null. */
export function guessGiftMapping(headers: string[]): GiftMapping {
  const taken = new Set<GiftField>()
  return headers.map((h) => {
    const f = LOOKUP.get(headerKey(h ?? ''))
    if (!f || taken.has(f)) return null
    taken.add(f)
    return f
  })
}

/** Which column feeds which field; the first matching column wins. */
export function guessGiftColumns(headers: string[]): Map<GiftField, number> {
  return columnsOf(guessGiftMapping(headers))
}

const KNOWN = new Set<string>(GIFT_FIELDS)
/** A mapping as the renderer sent it, read against the sheet: anything not a gift field is ignored. */
function columnsOf(mapping: readonly (string | null)[]): Map<GiftField, number> {
  const col = new Map<GiftField, number>()
  mapping.forEach((f, i) => {
    if (f && KNOWN.has(f) && !col.has(f as GiftField)) col.set(f as GiftField, i)
  })
  return col
}

/** Labels of the required fields no column feeds. */
const missingOf = (col: Map<GiftField, number>) => REQUIRED.filter((f) => !col.has(f)).map((f) => LABELS[f])

interface Planned {
  row: number
  code: string
  name: string
  category: GiftCategory | undefined
  unitCostFen: number | undefined
  pointsPrice: number | null | undefined
  reorderLevel: number | undefined
  opening: number | undefined
}

/** A count or points cell: 1,200 and full-width digits are fine. */
const wholeNumber = (s: string) => parseWholeNumber(s)

function readRows(
  sheet: SheetData,
  col: Map<GiftField, number>,
  limits: Limits,
): { planned: Planned[]; rejected: ImportIssue[] } {
  const rejected: ImportIssue[] = []
  const planned: Planned[] = []
  const seen = new Set<string>()
  for (const { row, cells } of sheet.rows) {
    const text = (f: GiftField) => (col.has(f) ? cellText(cells[col.get(f)!]) : '')
    const problems: ImportIssue[] = []
    const reject = (f: GiftField, reason: string) =>
      problems.push({ row, column: sheet.headers[col.get(f) ?? -1] ?? LABELS[f], reason })
    const code = text('code')
    if (!code) reject('code', '没有礼品编码')
    else if (!/^[0-9A-Za-z_-]{1,20}$/.test(code)) reject('code', '礼品编码只能是 1–20 位字母、数字、- 或 _')
    else if (seen.has(code)) reject('code', '文件中礼品编码重复')
    const name = text('name')
    if (!name) reject('name', '没有礼品名称')
    else if (name.length > 40) reject('name', '礼品名称最多 40 个字')
    const catText = text('category')
    const category = catText ? categoryOf(catText) : undefined
    if (catText && !category)
      reject('category', `无法识别的类别（可填：${Object.values(GIFT_CATEGORY_LABELS).join('、')}）`)
    let unitCostFen: number | undefined
    if (text('unitCost')) {
      const fen = parseYuan(cells[col.get('unitCost')!])
      const tooMuch = fen === null ? null : giftCostProblem(limits, fen)
      if (fen === null) reject('unitCost', '成本不是有效金额（单位：元，最多两位小数）')
      else if (tooMuch) reject('unitCost', tooMuch)
      else unitCostFen = fen
    }
    let pointsPrice: number | null | undefined
    if (col.has('pointsPrice')) {
      const raw = text('pointsPrice')
      const n = raw ? wholeNumber(raw) : null
      const tooMany = n === null ? null : pointsPriceProblem(limits, n)
      if (raw && (n === null || n <= 0)) reject('pointsPrice', '兑换积分须为正整数')
      else if (tooMany) reject('pointsPrice', tooMany)
      else pointsPrice = n
    }
    let reorderLevel: number | undefined
    if (text('reorderLevel')) {
      const n = wholeNumber(text('reorderLevel'))
      const tooMany = n === null ? null : quantityProblem(limits, '预警库存', n)
      if (n === null) reject('reorderLevel', '预警库存须为不小于 0 的整数')
      else if (tooMany) reject('reorderLevel', tooMany)
      else reorderLevel = n
    }
    let opening: number | undefined
    if (text('opening')) {
      const n = wholeNumber(text('opening'))
      const tooMany = n === null ? null : quantityProblem(limits, '期初库存', n)
      if (n === null) reject('opening', '期初库存须为不小于 0 的整数')
      else if (tooMany) reject('opening', tooMany)
      else opening = n
    }
    if (problems.length) {
      rejected.push(...problems)
      continue
    }
    seen.add(code)
    planned.push({ row, code, name, category, unitCostFen, pointsPrice, reorderLevel, opening })
  }
  return { planned, rejected }
}

type Step = Planned & { kind: 'insert' | 'update' | 'same'; id: number | null; patch: GiftPatch; postOpening: boolean }
type GiftPatch = Partial<typeof gifts.$inferInsert>

/**
 * What importing the sheet would do, row by row, given the catalogue as it stands: the one place
 * the rules live, read by the preview as it is and by the commit inside its transaction.
 */
function planImport(db: Db, sheet: SheetData, col: Map<GiftField, number>): { steps: Step[]; rejected: ImportIssue[] } {
  const { planned, rejected } = readRows(sheet, col, getSettings(db).limits)
  const hasMovements = db.sqlite.prepare('SELECT 1 FROM gift_movements WHERE gift_id = ? LIMIT 1').pluck()
  const steps: Step[] = []
  for (const p of planned) {
    const before = db.orm.select().from(gifts).where(eq(gifts.code, p.code)).get()
    if (!before) {
      if (!p.category) {
        rejected.push({
          row: p.row,
          column: sheet.headers[col.get('category') ?? -1] ?? '类别',
          reason: '新礼品须填写类别',
        })
        continue
      }
      steps.push({ ...p, kind: 'insert', id: null, patch: {}, postOpening: !!p.opening })
      continue
    }
    const patch: GiftPatch = {}
    if (p.name !== before.name) patch.name = p.name
    if (p.category !== undefined && p.category !== before.category) patch.category = p.category
    if (p.unitCostFen !== undefined && p.unitCostFen !== before.unitCostFen) patch.unitCostFen = p.unitCostFen
    if (p.pointsPrice !== undefined && p.pointsPrice !== before.pointsPrice) patch.pointsPrice = p.pointsPrice
    if (p.reorderLevel !== undefined && p.reorderLevel !== before.reorderLevel) patch.reorderLevel = p.reorderLevel
    const postOpening = !!p.opening && !hasMovements.get(before.id)
    const kind = Object.keys(patch).length || postOpening ? 'update' : 'same'
    steps.push({ ...p, kind, id: before.id, patch, postOpening })
  }
  rejected.sort((a, b) => a.row - b.row)
  return { steps, rejected }
}

export interface GiftImportPreview {
  fileName: string
  totalRows: number
  headers: string[]
  mapping: GiftMapping
  /** Labels of required fields no column feeds; nothing can be imported until they are mapped. */
  missing: string[]
  willInsert: number
  willUpdate: number
  /** Known gifts the sheet leaves as they are */
  unchanged: number
  rejected: ImportIssue[]
  /** What the reader noticed but did not refuse (a workbook's other sheets) */
  warnings: string[]
}

/** The import as a dry run: the same checks as the commit, nothing written. */
export function previewGiftImport(
  db: Db,
  sheet: SheetData,
  mapping: GiftMapping = guessGiftMapping(sheet.headers),
): GiftImportPreview {
  const col = columnsOf(mapping)
  const missing = missingOf(col)
  const base = previewHead(sheet, mapping, missing)
  if (missing.length) return { ...base, willInsert: 0, willUpdate: 0, unchanged: 0, rejected: [] }
  const { steps, rejected } = planImport(db, sheet, col)
  const count = (k: Step['kind']) => steps.filter((s) => s.kind === k).length
  return { ...base, willInsert: count('insert'), willUpdate: count('update'), unchanged: count('same'), rejected }
}

/**
 * Imports the gift catalogue in one transaction: new codes are added, known codes updated with
 * the columns the sheet has. 库存/期初库存 becomes an 'opening' movement only for a gift with no
 * movements yet, so importing the same sheet again never posts the opening twice. Without a
 * mapping the columns are matched by their headers.
 */
export async function commitGiftImport(
  db: Db,
  sheet: SheetData,
  actor: Actor,
  mapping: GiftMapping = guessGiftMapping(sheet.headers),
): Promise<ImportResult> {
  requireKeeper(actor)
  const col = columnsOf(mapping)
  const missing = missingOf(col)
  if (missing.length) throw validationError(`缺少必需的列：${missing.join('、')}`)
  return inTransaction(db, () => {
    const { steps, rejected } = planImport(db, sheet, col)
    const now = db.now().getTime()
    for (const p of steps) {
      let id = p.id
      if (p.kind === 'insert') {
        id = db.orm
          .insert(gifts)
          .values({
            code: p.code,
            name: p.name,
            category: p.category!,
            unitCostFen: p.unitCostFen ?? 0,
            pointsPrice: p.pointsPrice ?? null,
            reorderLevel: p.reorderLevel ?? 0,
            createdAt: now,
            createdBy: actor.id,
            updatedAt: now,
            updatedBy: actor.id,
          })
          .returning({ id: gifts.id })
          .get().id
      } else if (Object.keys(p.patch).length) {
        db.orm
          .update(gifts)
          .set({ ...p.patch, updatedAt: now, updatedBy: actor.id })
          .where(eq(gifts.id, id!))
          .run()
      }
      if (p.postOpening)
        postMovement(
          db,
          { giftId: id!, kind: 'opening', quantity: p.opening!, reason: `导入：${sheet.fileName}` },
          actor,
        )
    }
    const inserted = steps.filter((s) => s.kind === 'insert').length
    const updated = steps.filter((s) => s.kind === 'update').length
    recordAudit(
      db,
      actor,
      'import',
      'gift',
      null,
      `导入礼品（文件：${sheet.fileName}）：新增${inserted}种，更新${updated}种，拒绝${new Set(rejected.map((r) => r.row)).size}行`,
    )
    return { inserted, updated, rejected }
  })
}
