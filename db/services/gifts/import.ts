import { eq } from 'drizzle-orm'
import type { Actor } from '../../actor'
import { validationError } from '../../errors'
import { inTransaction, type Db } from '../../handle'
import { categoryOf, GIFT_CATEGORY_LABELS, type GiftCategory } from '../../rules/gifts'
import { gifts } from '../../schema'
import { recordAudit } from '../audit'
import { cellText } from '../members/import/cells'
import { headerKey } from '../members/import/headers'
import type { SheetData } from '../members/import/read'
import type { ImportIssue, ImportResult } from '../members/import/types'
import { parseAmountFen } from '../purchases/columns'
import { requireKeeper } from './catalogue'
import { postMovement } from './movements'

type GiftField = 'code' | 'name' | 'category' | 'unitCost' | 'pointsPrice' | 'reorderLevel' | 'opening'

const LABELS: Record<GiftField, string> = {
  code: '编码',
  name: '名称',
  category: '类别',
  unitCost: '成本',
  pointsPrice: '兑换积分',
  reorderLevel: '预警库存',
  opening: '期初库存',
}

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

/** Which column feeds which field; the first matching column wins. */
export function guessGiftColumns(headers: string[]): Map<GiftField, number> {
  const col = new Map<GiftField, number>()
  headers.forEach((h, i) => {
    const f = LOOKUP.get(headerKey(h ?? ''))
    if (f && !col.has(f)) col.set(f, i)
  })
  return col
}

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

const wholeNumber = (s: string) => (/^\d+$/.test(s.replace(/[,\s]/g, '')) ? Number(s.replace(/[,\s]/g, '')) : null)

function readRows(sheet: SheetData, col: Map<GiftField, number>): { planned: Planned[]; rejected: ImportIssue[] } {
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
      const fen = parseAmountFen(cells[col.get('unitCost')!])
      if (fen === null || fen < 0) reject('unitCost', '成本不是有效金额（单位：元，最多两位小数）')
      else unitCostFen = fen
    }
    let pointsPrice: number | null | undefined
    if (col.has('pointsPrice')) {
      const raw = text('pointsPrice')
      const n = raw ? wholeNumber(raw) : null
      if (raw && (n === null || n <= 0)) reject('pointsPrice', '兑换积分须为正整数')
      else pointsPrice = n
    }
    let reorderLevel: number | undefined
    if (text('reorderLevel')) {
      const n = wholeNumber(text('reorderLevel'))
      if (n === null) reject('reorderLevel', '预警库存须为不小于 0 的整数')
      else reorderLevel = n
    }
    let opening: number | undefined
    if (text('opening')) {
      const n = wholeNumber(text('opening'))
      if (n === null) reject('opening', '期初库存须为不小于 0 的整数')
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

/**
 * Imports the gift catalogue in one transaction: new codes are added, known codes updated with
 * the columns the sheet has. 库存/期初库存 becomes an 'opening' movement only for a gift with no
 * movements yet, so importing the same sheet again never posts the opening twice.
 */
export async function commitGiftImport(db: Db, sheet: SheetData, actor: Actor): Promise<ImportResult> {
  requireKeeper(actor)
  const col = guessGiftColumns(sheet.headers)
  const missing = (['code', 'name'] as const).filter((f) => !col.has(f)).map((f) => LABELS[f])
  if (missing.length) throw validationError(`缺少必需的列：${missing.join('、')}`)
  const { planned, rejected } = readRows(sheet, col)
  const hasMovements = db.sqlite.prepare('SELECT 1 FROM gift_movements WHERE gift_id = ? LIMIT 1').pluck()
  const result = inTransaction(db, () => {
    let inserted = 0
    let updated = 0
    const now = db.now().getTime()
    for (const p of planned) {
      const before = db.orm.select().from(gifts).where(eq(gifts.code, p.code)).get()
      let id: number
      let changed = false
      if (!before) {
        if (!p.category) {
          rejected.push({
            row: p.row,
            column: sheet.headers[col.get('category') ?? -1] ?? '类别',
            reason: '新礼品须填写类别',
          })
          continue
        }
        id = db.orm
          .insert(gifts)
          .values({
            code: p.code,
            name: p.name,
            category: p.category,
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
        inserted++
      } else {
        id = before.id
        const patch: Partial<typeof gifts.$inferInsert> = {}
        if (p.name !== before.name) patch.name = p.name
        if (p.category !== undefined && p.category !== before.category) patch.category = p.category
        if (p.unitCostFen !== undefined && p.unitCostFen !== before.unitCostFen) patch.unitCostFen = p.unitCostFen
        if (p.pointsPrice !== undefined && p.pointsPrice !== before.pointsPrice) patch.pointsPrice = p.pointsPrice
        if (p.reorderLevel !== undefined && p.reorderLevel !== before.reorderLevel) patch.reorderLevel = p.reorderLevel
        if (Object.keys(patch).length) {
          db.orm
            .update(gifts)
            .set({ ...patch, updatedAt: now, updatedBy: actor.id })
            .where(eq(gifts.id, id))
            .run()
          changed = true
        }
      }
      if (p.opening && !hasMovements.get(id)) {
        postMovement(db, { giftId: id, kind: 'opening', quantity: p.opening, reason: `导入：${sheet.fileName}` }, actor)
        changed = true
      }
      if (before && changed) updated++
    }
    rejected.sort((a, b) => a.row - b.row)
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
  return result
}
