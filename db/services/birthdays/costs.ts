import { storeZone } from '../../clock'
import { zonedToMs } from '../../rules/storeClock'
import type { Db } from '../../handle'
import { statements } from '../../statements'
import { parseInput } from '../../validate'
import { getSettings } from '../settings'
import { birthdayMonthSchema, birthdaysOfMonth, type BirthdayCounts } from './month'
import { birthdayVoucherEligible, birthdayVouchersIssued } from '../vouchers/birthday'
import { birthdaySmsList } from './sms'

/** count × unit price = fen. For SMS the count is billed segments. */
export interface CostLine {
  count: number
  unitFen: number
  fen: number
}

export interface MonthEstimate {
  cards: CostLine
  sms: CostLine & { messages: number }
  /** The birthday gift from the inventory (settings' giftCode), for everyone born this month */
  gifts: CostLine & { giftName: string | null }
  /** 生日礼券 at face value for everyone due one (0 when switched off in settings) */
  vouchers: CostLine
  totalFen: number
}

export interface MonthActuals {
  /** Cards printed in the month's batches, at the price of the day each was printed */
  cards: { count: number; fen: number; batches: number }
  /** The latest SMS list handed to the gateway */
  sms: { messages: number; segments: number; fen: number; at: number } | null
  /** Birthday gifts issued from the inventory in the month (purpose 生日赠送) at their cost */
  gifts: { count: number; fen: number }
  /** Birthday vouchers issued for the month's birthdays, at face value */
  vouchers: { count: number; fen: number }
  totalFen: number
}

const stmts = statements((s) => ({
  gift: s.prepare(`SELECT name, unit_cost_fen AS unitCostFen FROM gifts WHERE code = ?`),
  cards: s.prepare(
    `SELECT count(*) AS batches, coalesce(sum(card_count), 0) AS count, coalesce(sum(card_count * card_unit_fen), 0) AS fen
       FROM birthday_batches WHERE month = ?`,
  ),
  sms: s.prepare(
    `SELECT messages, segments, cost_fen AS fen, at FROM birthday_sms_exports WHERE month = ? ORDER BY id DESC LIMIT 1`,
  ),
  gifts: s.prepare(
    `SELECT coalesce(sum(-quantity), 0) AS count, coalesce(sum(-quantity * unit_cost_fen), 0) AS fen
       FROM gift_movements WHERE kind = 'issue' AND purpose = 'birthday' AND at >= ? AND at < ?`,
  ),
}))

/** What the month will cost at today's prices: every mailable card, the SMS list, a gift for each birthday. */
export function monthCostEstimate(db: Db, month: string, counts: BirthdayCounts): MonthEstimate {
  const rules = getSettings(db).birthdayMail
  const sms = birthdaySmsList(db, { month })
  const gift = rules.giftCode
    ? (stmts(db).gift.get(rules.giftCode) as { name: string; unitCostFen: number } | undefined)
    : undefined
  const cards = { count: counts.mailable, unitFen: rules.cardCostFen, fen: counts.mailable * rules.cardCostFen }
  const smsLine = { count: sms.segments, unitFen: sms.priceFen, fen: sms.costFen, messages: sms.rows.length }
  const gifts = gift
    ? { count: counts.born, unitFen: gift.unitCostFen, fen: counts.born * gift.unitCostFen, giftName: gift.name }
    : { count: 0, unitFen: 0, fen: 0, giftName: null }
  const settings = getSettings(db).vouchers.birthday
  // Those issued already at their value, the rest at today's: the estimate matches the run's outcome.
  const issued = birthdayVouchersIssued(db, month)
  const due = Math.max(0, birthdayVoucherEligible(db, month).length - issued.count)
  const voucherFen = issued.fen + due * settings.valueFen
  const vouchers = { count: issued.count + due, unitFen: settings.valueFen, fen: voucherFen }
  return { cards, sms: smsLine, gifts, vouchers, totalFen: cards.fen + smsLine.fen + gifts.fen + vouchers.fen }
}

export function monthCostActuals(db: Db, month: string): MonthActuals {
  const st = stmts(db)
  const cards = st.cards.get(month) as MonthActuals['cards']
  const sms = (st.sms.get(month) as MonthActuals['sms'] | undefined) ?? null
  const [y, m] = month.split('-').map(Number) as [number, number]
  const zone = storeZone(db)
  const gifts = st.gifts.get(
    zonedToMs({ y, m, d: 1 }, zone),
    zonedToMs({ y, m: m + 1, d: 1 }, zone),
  ) as MonthActuals['gifts']
  const vouchers = birthdayVouchersIssued(db, month)
  return { cards, sms, gifts, vouchers, totalFen: cards.fen + (sms?.fen ?? 0) + gifts.fen + vouchers.fen }
}

/** The month's estimate next to what has been spent so far. */
export function birthdayMonthCosts(
  db: Db,
  input: { month: string },
): { month: string; estimate: MonthEstimate; actual: MonthActuals } {
  const month = parseInput(birthdayMonthSchema.shape.month, input.month)
  const counts = birthdaysOfMonth(db, { month }).counts
  return { month, estimate: monthCostEstimate(db, month, counts), actual: monthCostActuals(db, month) }
}
