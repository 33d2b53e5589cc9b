import type { Actor } from '../../actor'
import { conflict, forbidden, notFound, validationError } from '../../errors'
import { inTransaction, type Db } from '../../handle'
import { formatYuan } from '../../rules/money'
import { GIFT_KEEPERS } from '../../rules/roles'
import { parseInput, z } from '../../validate'
import { recordAudit } from '../audit'
import { issueGift } from '../gifts/stock'
import { birthdayDayIn } from './cakes'
import { leagueMonthOf } from './league'

/**
 * Cake deliveries: planners schedule a cake for a member of the month's list, the delivery is
 * recorded, and the cake and flowers leave the gift inventory (purpose 'cake', naming the member)
 * in the same transaction as the row changes, so a stock shortage changes nothing.
 */

const requirePlanner = (actor: Actor) => {
  if (!GIFT_KEEPERS.includes(actor.role)) throw forbidden('只有管理员、企划和贵宾室可以安排生日蛋糕')
}

const scheduleSchema = z.object({
  memberId: z.number({ error: '请选择会员' }).int().positive('请选择会员'),
  month: z.string({ error: '请选择月份' }),
  /** ms of the planned delivery */
  scheduledAt: z.number({ error: '请填写送达时间' }).int().positive('请填写送达时间'),
  delivererId: z.number({ error: '请选择送达人' }).int().positive('请选择送达人'),
  note: z.string().trim().max(100, '备注最多 100 个字').default(''),
})
export type ScheduleCakeInput = z.input<typeof scheduleSchema>

interface DeliveryRow {
  id: number
  member_id: number
  status: string
  card_no: string
  name: string
}

const deliveryById = (db: Db, id: number) =>
  db.sqlite
    .prepare(
      `SELECT d.id, d.member_id, d.status, m.card_no, m.name FROM cake_deliveries d
       JOIN members m ON m.id = d.member_id WHERE d.id = ?`,
    )
    .get(id) as DeliveryRow | undefined

/** Plans (or re-plans) a member's cake for the month: date, time and who delivers. */
export function scheduleCake(db: Db, input: ScheduleCakeInput, actor: Actor): { id: number } {
  requirePlanner(actor)
  const r = parseInput(scheduleSchema, input)
  const m = leagueMonthOf(r.month)
  const monthKey = m.year * 100 + m.month
  return inTransaction(db, () => {
    const born = birthdayDayIn(db, r.memberId, m)
    if (!born) throw notFound('找不到该会员')
    if (born.status !== 'active') throw conflict('该会员卡不是正常状态，不能安排生日蛋糕')
    if (born.falls === null) throw validationError(`该会员的生日不在 ${m.year} 年 ${m.month} 月`)
    const deliverer = db.sqlite.prepare('SELECT name, active FROM staff WHERE id = ?').get(r.delivererId) as
      { name: string; active: number } | undefined
    if (!deliverer) throw notFound('找不到该送达人')
    if (!deliverer.active) throw conflict(`${deliverer.name}已离职，请另选送达人`)
    const now = db.now().getTime()
    const existing = db.sqlite
      .prepare('SELECT id, status FROM cake_deliveries WHERE member_id = ? AND month = ?')
      .get(r.memberId, monthKey) as { id: number; status: string } | undefined
    if (existing?.status === 'delivered') throw conflict('该会员本月的蛋糕已经送达，不能再安排')
    let id: number
    if (existing) {
      db.sqlite
        .prepare(
          `UPDATE cake_deliveries SET status = 'planned', scheduled_at = ?, deliverer_id = ?, note = ?,
           birthday_day = ?, updated_at = ?, updated_by = ? WHERE id = ?`,
        )
        .run(r.scheduledAt, r.delivererId, r.note, born.falls, now, actor.id, existing.id)
      id = existing.id
    } else {
      id = Number(
        db.sqlite
          .prepare(
            `INSERT INTO cake_deliveries (member_id, month, birthday_day, scheduled_at, deliverer_id, status, note,
             created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, 'planned', ?, ?, ?, ?, ?)`,
          )
          .run(r.memberId, monthKey, born.falls, r.scheduledAt, r.delivererId, r.note, now, actor.id, now, actor.id)
          .lastInsertRowid,
      )
    }
    recordAudit(db, actor, 'schedule', 'cake_delivery', id, `安排生日蛋糕：${r.month}，送达人 ${deliverer.name}`)
    return { id }
  })
}

const code = (label: string) =>
  z
    .string({ error: `请选择${label}` })
    .trim()
    .min(1, `请选择${label}`)
    .max(40)
const deliverSchema = z.object({
  id: z.number({ error: '请选择要登记的送达' }).int().positive(),
  cakeCode: code('蛋糕'),
  /** Flowers are usual but not required */
  flowersCode: z.string().trim().max(40).optional(),
  /** ms; defaults to now */
  deliveredAt: z.number().int().positive().optional(),
  note: z.string().trim().max(100, '备注最多 100 个字').optional(),
})
export type DeliverCakeInput = z.input<typeof deliverSchema>

/** Records the delivery and issues the cake (and flowers) from stock, with their cost on the row. */
export function deliverCake(db: Db, input: DeliverCakeInput, actor: Actor): { id: number; costFen: number } {
  requirePlanner(actor)
  const r = parseInput(deliverSchema, input)
  return inTransaction(db, () => {
    const d = deliveryById(db, r.id)
    if (!d) throw notFound('找不到该蛋糕安排')
    if (d.status === 'delivered') throw conflict('该蛋糕已经登记送达')
    if (d.status === 'cancelled') throw conflict('该蛋糕安排已取消，请先重新安排')
    const gift = (c: string) => {
      const g = db.sqlite.prepare('SELECT id, name, category, unit_cost_fen FROM gifts WHERE code = ?').get(c) as
        { id: number; name: string; category: string; unit_cost_fen: number } | undefined
      if (!g) throw notFound(`找不到礼品：${c}`)
      if (g.category !== 'cake') throw validationError(`${g.name}不是蛋糕鲜花类礼品`)
      return g
    }
    const cake = gift(r.cakeCode)
    const flowers = r.flowersCode ? gift(r.flowersCode) : null
    if (flowers?.id === cake.id) throw validationError('蛋糕和鲜花不能是同一种礼品')
    const reason = `生日蛋糕送达（${d.card_no}）`
    for (const g of [r.cakeCode, r.flowersCode].filter((c): c is string => !!c))
      issueGift(db, { code: g, quantity: 1, purpose: 'cake', cardNo: d.card_no, reason }, actor)
    const costFen = cake.unit_cost_fen + (flowers?.unit_cost_fen ?? 0)
    const now = db.now().getTime()
    db.sqlite
      .prepare(
        `UPDATE cake_deliveries SET status = 'delivered', delivered_at = ?, cake_gift_id = ?, flowers_gift_id = ?,
         cost_fen = ?, note = coalesce(?, note), updated_at = ?, updated_by = ? WHERE id = ?`,
      )
      .run(r.deliveredAt ?? now, cake.id, flowers?.id ?? null, costFen, r.note ?? null, now, actor.id, r.id)
    recordAudit(db, actor, 'deliver', 'cake_delivery', r.id, `生日蛋糕送达，成本 ${formatYuan(costFen)}`)
    return { id: r.id, costFen }
  })
}

/** Cancels a planned delivery (a delivered one stays: its stock has left). */
export function cancelCake(db: Db, input: { id: number; reason?: string }, actor: Actor): { id: number } {
  requirePlanner(actor)
  const r = parseInput(
    z.object({ id: z.number().int().positive(), reason: z.string().trim().max(100).default('') }),
    input,
  )
  return inTransaction(db, () => {
    const d = deliveryById(db, r.id)
    if (!d) throw notFound('找不到该蛋糕安排')
    if (d.status === 'delivered') throw conflict('已送达的蛋糕不能取消')
    if (d.status === 'cancelled') return { id: r.id }
    db.sqlite
      .prepare("UPDATE cake_deliveries SET status = 'cancelled', updated_at = ?, updated_by = ? WHERE id = ?")
      .run(db.now().getTime(), actor.id, r.id)
    recordAudit(db, actor, 'cancel', 'cake_delivery', r.id, `取消生日蛋糕安排${r.reason ? `：${r.reason}` : ''}`)
    return { id: r.id }
  })
}

export interface CakeGift {
  code: string
  name: string
  unitCostFen: number
  onHand: number
  /** A flower item rather than a cake (by its name) */
  flowers: boolean
}

/** The gifts of category 'cake' on offer, with the defaults the deliver dialog starts from. */
export function cakeGifts(db: Db): { gifts: CakeGift[]; cakeCode: string | null; flowersCode: string | null } {
  const gifts = (
    db.sqlite
      .prepare(
        "SELECT code, name, unit_cost_fen AS unitCostFen, on_hand AS onHand FROM gifts WHERE category = 'cake' AND active = 1 ORDER BY code",
      )
      .all() as Omit<CakeGift, 'flowers'>[]
  ).map((g) => ({ ...g, flowers: /花/.test(g.name) }))
  const pick = (flowers: boolean) =>
    (gifts.find((g) => g.flowers === flowers && g.onHand > 0) ?? gifts.find((g) => g.flowers === flowers))?.code ?? null
  return { gifts, cakeCode: pick(false), flowersCode: pick(true) }
}

/** Staff who can take a cake out: everyone still working here. */
export function cakeDeliverers(db: Db): { id: number; name: string; department: string }[] {
  return db.sqlite
    .prepare('SELECT id, name, department FROM staff WHERE active = 1 ORDER BY department, name')
    .all() as {
    id: number
    name: string
    department: string
  }[]
}
