import { isValidSolar } from '../../rules/dates'
import { and, asc, eq, lte } from 'drizzle-orm'
import type { Actor } from '../../actor'
import { conflict, forbidden, notFound, validationError } from '../../errors'
import { inTransaction, type Db } from '../../handle'
import { GIFT_CATEGORIES, type GiftCategory } from '../../rules/gifts'
import { giftCostProblem, pointsPriceProblem, quantityProblem } from '../../rules/limits'
import { GIFT_KEEPERS } from '../../rules/roles'
import { gifts } from '../../schema'
import { parseInput, z } from '../../validate'
import { recordAudit } from '../audit'
import { getSettings } from '../settings'

export { GIFT_KEEPERS }

export function requireKeeper(actor: Actor): void {
  if (!GIFT_KEEPERS.includes(actor.role)) throw forbidden('只有管理员、企划和贵宾室可以管理礼品')
}

const ymd = (label: string) =>
  z
    .number({ error: `${label}须为日期` })
    .int(`${label}须为日期`)
    .refine((n) => {
      const y = Math.floor(n / 10000)
      const m = Math.floor(n / 100) % 100
      const d = n % 100
      return y >= 2000 && y <= 2100 && isValidSolar({ y, m, d })
    }, `${label}不是有效日期`)
    .nullable()

const fields = {
  name: z.string({ error: '请填写礼品名称' }).trim().min(1, '请填写礼品名称').max(40, '礼品名称最多 40 个字'),
  category: z.enum(GIFT_CATEGORIES, { error: '请选择礼品类别' }),
  unitCostFen: z.number({ error: '请填写成本' }).int('成本须精确到分').min(0, '成本不能为负').max(100_000_000),
  pointsPrice: z
    .number({ error: '兑换积分须为整数' })
    .int('兑换积分须为整数')
    .positive('兑换积分须大于 0')
    .max(10_000_000)
    .nullable(),
  reorderLevel: z
    .number({ error: '预警库存须为整数' })
    .int('预警库存须为整数')
    .min(0, '预警库存不能为负')
    .max(1_000_000),
  availableFrom: ymd('兑换开始日期'),
  availableUntil: ymd('兑换结束日期'),
  maxBalance: z.number({ error: '积分上限须为整数' }).int('积分上限须为整数').positive('积分上限须大于 0').nullable(),
  minTier: z.string().trim().min(1).max(20).nullable(),
  active: z.boolean(),
  photo: z.string().trim().max(500).nullable(),
}

const windowOk = (g: { availableFrom?: number | null; availableUntil?: number | null }) =>
  g.availableFrom == null || g.availableUntil == null || g.availableFrom <= g.availableUntil
const WINDOW_MESSAGE = { message: '兑换结束日期不能早于开始日期', path: ['availableUntil'] }

const createSchema = z
  .object({
    code: z
      .string({ error: '请填写礼品编码' })
      .trim()
      .min(1, '请填写礼品编码')
      .max(20, '礼品编码最多 20 个字符')
      .regex(/^[0-9A-Za-z_-]+$/, '礼品编码只能包含字母、数字、- 和 _'),
    ...fields,
    unitCostFen: fields.unitCostFen.default(0),
    pointsPrice: fields.pointsPrice.default(null),
    reorderLevel: fields.reorderLevel.default(0),
    availableFrom: fields.availableFrom.default(null),
    availableUntil: fields.availableUntil.default(null),
    maxBalance: fields.maxBalance.default(null),
    minTier: fields.minTier.default(null),
    active: fields.active.default(true),
    photo: fields.photo.default(null),
  })
  .refine(windowOk, WINDOW_MESSAGE)
export type CreateGiftInput = z.input<typeof createSchema>

const updateSchema = z
  .object({ code: z.string({ error: '请选择礼品' }).trim().min(1, '请选择礼品') })
  .extend(z.object(fields).partial().shape)
export type UpdateGiftInput = z.input<typeof updateSchema>

export type GiftRow = typeof gifts.$inferSelect

/** The settings' bounds (db/rules/limits.ts) on a gift's figures, as the import applies them. */
export function checkGiftLimits(
  db: Db,
  g: { unitCostFen?: number; pointsPrice?: number | null; reorderLevel?: number },
): void {
  const { limits } = getSettings(db)
  const problems = [
    { field: 'unitCostFen', message: g.unitCostFen == null ? null : giftCostProblem(limits, g.unitCostFen) },
    { field: 'pointsPrice', message: g.pointsPrice == null ? null : pointsPriceProblem(limits, g.pointsPrice) },
    {
      field: 'reorderLevel',
      message: g.reorderLevel == null ? null : quantityProblem(limits, '预警库存', g.reorderLevel),
    },
  ].filter((p): p is { field: string; message: string } => p.message !== null)
  if (problems.length) throw validationError(problems[0]!.message, problems)
}

export function giftByCode(db: Db, code: string): GiftRow {
  const g = db.orm.select().from(gifts).where(eq(gifts.code, code.trim())).get()
  if (!g) throw notFound(`找不到礼品：${code}`)
  return g
}

/** Adds a gift to the catalogue with no stock (stock only moves by movements). */
export function createGift(db: Db, input: CreateGiftInput, actor: Actor): GiftRow {
  requireKeeper(actor)
  const g = parseInput(createSchema, input)
  checkGiftLimits(db, g)
  return inTransaction(db, () => {
    if (db.orm.select({ id: gifts.id }).from(gifts).where(eq(gifts.code, g.code)).get())
      throw conflict(`礼品编码 ${g.code} 已存在`)
    const now = db.now().getTime()
    const row = db.orm
      .insert(gifts)
      .values({ ...g, onHand: 0, createdAt: now, createdBy: actor.id, updatedAt: now, updatedBy: actor.id })
      .returning()
      .get()
    recordAudit(db, actor, 'create', 'gift', row.id, `新增礼品 ${g.code}`)
    return row
  })
}

/** Changes catalogue fields of a gift (never its stock); returns the gift as saved. */
export function updateGift(db: Db, input: UpdateGiftInput, actor: Actor): GiftRow {
  requireKeeper(actor)
  const { code, ...patch } = parseInput(updateSchema, input)
  checkGiftLimits(db, patch)
  return inTransaction(db, () => {
    const before = giftByCode(db, code)
    const merged = { ...before, ...patch }
    if (!windowOk(merged))
      throw validationError(WINDOW_MESSAGE.message, [{ field: 'availableUntil', message: WINDOW_MESSAGE.message }])
    const changed = (Object.keys(patch) as (keyof typeof patch)[]).filter((k) => patch[k] !== before[k])
    if (!changed.length) return before
    const row = db.orm
      .update(gifts)
      .set({ ...patch, updatedAt: db.now().getTime(), updatedBy: actor.id })
      .where(eq(gifts.id, before.id))
      .returning()
      .get()
    recordAudit(db, actor, 'update', 'gift', before.id, `修改礼品 ${code}：${changed.join('、')}`)
    return row
  })
}

export interface GiftListQuery {
  category?: GiftCategory
  activeOnly?: boolean
}

/** The catalogue by code. */
export function listGifts(db: Db, q: GiftListQuery = {}): GiftRow[] {
  return db.orm
    .select()
    .from(gifts)
    .orderBy(asc(gifts.code))
    .all()
    .filter((g) => (!q.category || g.category === q.category) && (!q.activeOnly || g.active))
}

/** Gifts at or below their reorder level (active ones), fewest on hand first. */
export function lowStock(db: Db): GiftRow[] {
  return db.orm
    .select()
    .from(gifts)
    .where(and(eq(gifts.active, true), lte(gifts.onHand, gifts.reorderLevel)))
    .orderBy(asc(gifts.onHand), asc(gifts.code))
    .all()
}
