import type { Actor } from '../../actor'
import { storeToday } from '../../clock'
import { conflict, forbidden, notFound } from '../../errors'
import { inTransaction, type Db } from '../../handle'
import { CARE_PLANNERS, GIFT_KEEPERS } from '../../rules/roles'
import { bestVoucherMix, dayText, inWindow, mmddText, type VoucherMix } from '../../rules/vouchers'
import { statements } from '../../statements'
import { parseInput, z } from '../../validate'
import { recordAudit } from '../audit'
import { memberAtDesk } from '../gifts/redeem'
import { memberIdByCard } from '../members/rows'
import { postDueExpiry } from '../points/lapse'
import { postPoints } from '../points/ledger'
import { getSettings } from '../settings'
import { issueIn, kindOf } from './issue'

// The desk's scan reads this once per member in the queue: prepared once per connection.
const stmts = statements((s) => ({ name: s.prepare('SELECT name FROM members WHERE id = ?').pluck() }))

/** One voucher as the yearly desk and `vouchers redeem-points --json` report it. */
export interface PointsVoucher {
  voucherNo: string
  kind: string
  valueFen: number
  pointsUsed: number
  /** YYYY-MM-DD */
  validUntil: string
}

const line = z.object({
  /** Face value of each voucher, one of the table's */
  valueFen: z.number({ error: '请选择券面值' }).int('面值须为整数（分）').positive('请选择券面值'),
  count: z.number().int('张数须为整数').min(1, '至少 1 张').max(50, '一次最多 50 张').default(1),
})
const redeemSchema = z
  .object({
    memberId: z.number().int().positive().optional(),
    cardNo: z.string().trim().min(1).max(30).optional(),
    /** One face value (the CLI's --value/--count) … */
    valueFen: line.shape.valueFen.optional(),
    count: line.shape.count,
    /** … or several at once (the yearly desk's best mix) */
    lines: z.array(line).min(1).max(10).optional(),
    ignoreWindow: z.boolean().default(false),
    reason: z.string().trim().max(100, '原因最多 100 个字').default(''),
  })
  .refine((r) => r.memberId !== undefined || r.cardNo !== undefined, { message: '请刷卡或输入卡号', path: ['cardNo'] })
  .refine((r) => r.valueFen !== undefined || r.lines !== undefined, { message: '请选择券面值', path: ['valueFen'] })
export type RedeemPointsInput = z.input<typeof redeemSchema>

export interface YearlyWindow {
  open: boolean
  /** 11月1日 至 11月30日 */
  text: string
}

export function yearlyWindow(db: Db): YearlyWindow {
  const y = getSettings(db).vouchers.yearly
  return { open: inWindow(y, storeToday(db)), text: `${mmddText(y.from)} 至 ${mmddText(y.to)}` }
}

/**
 * 年度积分兑换: points become vouchers of the yearly kind, one ledger entry per voucher in the
 * same transaction (so voiding one refunds exactly its points). Outside the window only planners
 * and administrators may serve a member, with a reason kept in the audit log.
 */
export function redeemPointsForVouchers(db: Db, input: RedeemPointsInput, actor: Actor): PointsVoucher[] {
  if (!GIFT_KEEPERS.includes(actor.role)) throw forbidden('只有贵宾室、企划或管理员可以兑换积分券')
  const r = parseInput(redeemSchema, input)
  const rules = getSettings(db).vouchers.yearly
  const window = yearlyWindow(db)
  if (!window.open) {
    if (!r.ignoreWindow) throw conflict(`不在年度积分兑换期内（${window.text}）`)
    if (!CARE_PLANNERS.includes(actor.role)) throw forbidden('只有企划或管理员可以在兑换期外兑换')
    if (r.reason.length < 2) throw conflict('兑换期外兑换须填写原因')
  }
  const wanted = (r.lines ?? [{ valueFen: r.valueFen!, count: r.count }]).map((l) => {
    const row = rules.table.find((t) => t.valueFen === l.valueFen)
    if (!row) {
      const values = rules.table.map((t) => `${t.valueFen / 100} 元`).join('、')
      throw conflict(`没有 ${l.valueFen / 100} 元这一档，可选：${values}`)
    }
    return { ...row, count: l.count }
  })
  const count = wanted.reduce((a, l) => a + l.count, 0)
  if (count > 50) throw conflict('一次最多兑换 50 张')
  const need = wanted.reduce((a, l) => a + l.points * l.count, 0)
  const what = wanted.map((l) => `${l.valueFen / 100} 元×${l.count}`).join('、')
  return inTransaction(db, () => {
    const memberId = r.memberId ?? memberIdByCard(db, r.cardNo!)
    if (memberId === undefined) throw notFound(`找不到卡号 ${r.cardNo} 的会员`)
    postDueExpiry(db, memberId)
    const m = memberAtDesk(db, memberId)
    if (m.status !== 'active') throw conflict('该会员卡不是正常状态（已挂失、补卡或注销），不能兑换')
    if (need > m.points)
      throw conflict(
        `积分不足：${what} 需 ${need.toLocaleString('en-US')} 分，当前可用 ${m.points.toLocaleString('en-US')} 分`,
      )
    const kind = kindOf(db, rules.kind)
    const reason = window.open ? '年度积分兑换' : `年度积分兑换（兑换期外：${r.reason}）`
    const out: PointsVoucher[] = []
    for (const row of wanted) {
      for (let i = 0; i < row.count; i++) {
        const v = issueIn(
          db,
          { kind, memberId, source: 'points', reason, valueFen: row.valueFen, pointsUsed: row.points },
          actor,
        )
        postPoints(
          db,
          {
            memberId,
            kind: 'redeem',
            points: -row.points,
            ref: `voucher:${v.voucherNo}`,
            reason: `兑换${kind.name} ${row.valueFen / 100} 元`,
          },
          actor,
        )
        out.push({
          voucherNo: v.voucherNo,
          kind: v.kind,
          valueFen: v.valueFen,
          pointsUsed: row.points,
          validUntil: dayText(v.validUntil),
        })
      }
    }
    recordAudit(
      db,
      actor,
      'redeem',
      'voucher',
      m.cardNo,
      `积分兑换 ${what}，用 ${need.toLocaleString('en-US')} 分${window.open ? '' : `；兑换期外，原因：${r.reason}`}`,
    )
    return out
  })
}

/** What the yearly desk offers a member after a scan: the balance and the best mix of vouchers. */
export interface YearlyOptions {
  memberId: number
  cardNo: string
  name: string
  tier: string
  points: number
  window: YearlyWindow
  table: { points: number; valueFen: number; most: number }[]
  best: VoucherMix
}

export function yearlyOptions(db: Db, input: { cardNo: string }): YearlyOptions {
  const cardNo = String(input?.cardNo ?? '').trim()
  const memberId = memberIdByCard(db, cardNo)
  if (memberId === undefined) throw notFound(`找不到卡号 ${cardNo} 的会员`)
  const m = memberAtDesk(db, memberId)
  const name = (stmts(db).name.get(memberId) as string | undefined) ?? ''
  const table = getSettings(db).vouchers.yearly.table
  return {
    memberId,
    cardNo: m.cardNo,
    name,
    tier: m.tier,
    points: m.points,
    window: yearlyWindow(db),
    table: table.map((t) => ({ ...t, most: Math.floor(m.points / t.points) })),
    best: bestVoucherMix(m.points, table),
  }
}
