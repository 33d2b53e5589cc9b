import type { Actor } from '../../actor'
import type { Db } from '../../handle'
import { birthdayInYear, type Birthday } from '../../rules/birthday'
import { storeZone } from '../../clock'
import { ymdToInt, type Ymd } from '../../rules/dates'
import { storeDayCache } from '../../rules/storeDayCache'
import { normalizePhone } from '../../rules/phone'
import { eventMultipliers, pointsForLine, type EarningRules, type Multiplier } from '../../rules/points'
import { voucherPaidText } from '../../rules/vouchers'
import { statements } from '../../statements'
import { memberIdByCard } from '../members/rows'
import { PointsBatch, postPoints, type Posting } from '../points/ledger'
import { addSale, MonthlySumsBatch } from '../reports/monthlySums'
import { getSettings } from '../settings'
import { TierUpgrades } from '../tiers/upgrade'
import { ReferralRewards } from './referral'

/** One purchase line ready to be written (the member already found). */
export interface PurchaseLine {
  receiptNo: string
  lineNo: number
  memberId: number
  /** The card number or phone the till recorded */
  memberRef: string
  purchasedAt: number
  amountFen: number
  department: string
  counter: string
  noPoints: boolean
  originalReceiptNo: string | null
  source: 'import' | 'desk'
  /** Paid with vouchers whose kind earns no points (voucherPaidFen): taken off what earns */
  voucherFen?: number
}

export type Found =
  { ok: true; memberId: number; ref: string } | { ok: false; field: 'cardNo' | 'phone'; reason: string }
export type Points = { ok: true; points: number; explain: string } | { ok: false; reason: string }

const stmts = statements((s) => ({
  byPhone: s.prepare('SELECT id FROM members WHERE phone = ? LIMIT 2').pluck(),
  member: s.prepare(
    'SELECT tier, birth_year, birth_month, birth_day, birthday_calendar, birthday_leap_month FROM members WHERE id = ?',
  ),
  exists: s.prepare('SELECT 1 FROM purchases WHERE receipt_no = ? AND line_no = ?').pluck(),
  original: s.prepare(
    `SELECT coalesce(sum(amount_fen), 0) AS amount, coalesce(sum(points), 0) AS points, count(*) AS n,
       min(purchased_at) AS first
     FROM purchases WHERE receipt_no = ? AND member_id = ? AND amount_fen > 0`,
  ),
  reversed: s
    .prepare(
      'SELECT coalesce(-sum(points), 0) FROM purchases WHERE original_receipt_no = ? AND member_id = ? AND amount_fen < 0',
    )
    .pluck(),
  insert: s.prepare(
    `INSERT INTO purchases (receipt_no, line_no, member_id, member_ref, purchased_at, purchase_date, amount_fen,
       department, counter, no_points, original_receipt_no, points, points_explain, source, created_at, created_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ),
  /** The import's insert: a line already there (same receipt and line) is left alone. */
  insertIfNew: s.prepare(
    `INSERT INTO purchases (receipt_no, line_no, member_id, member_ref, purchased_at, purchase_date, amount_fen,
       department, counter, no_points, original_receipt_no, points, points_explain, source, created_at, created_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (receipt_no, line_no) DO NOTHING`,
  ),
  lastPurchase: s.prepare(
    'UPDATE members SET last_purchase_at = ? WHERE id = ? AND (last_purchase_at IS NULL OR last_purchase_at < ?)',
  ),
}))

interface MemberFacts {
  tier: string
  birthday: Birthday | null
}

/** A return cannot come before the sale it takes back (a mistyped date, or the wrong 原单号). */
export const RETURN_BEFORE_SALE = '退货时间早于原单的销售时间'

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 })
const yuan = (fen: number) => `${grouped.format(fen / 100)} 元`
const DAY = 86400000
const utc = (d: Ymd) => Date.UTC(d.y, d.m - 1, d.d)

/**
 * Everything one batch of purchase lines needs, with caches: an import asks about the same
 * members, cards and days again and again, so each is looked up once per batch.
 */
export class PurchaseBook {
  private readonly rules: EarningRules
  private readonly birthdayOnly: EarningRules
  private readonly tierFactors: Record<string, number>
  private readonly cards = new Map<string, number | undefined>()
  private readonly phones = new Map<string, Found>()
  private readonly facts = new Map<number, MemberFacts>()
  private readonly dayEvents = new Map<number, Multiplier[]>()
  /** Latest purchase per member, written by `flush` (see the constructor). */
  private readonly latest = new Map<number, number>()
  /** Tier upgrades of the members this book wrote sales for (see TierUpgrades). */
  private readonly upgrades: TierUpgrades
  /** In a batch, members' balances are written once per member by `flush` (see PointsBatch). */
  private readonly ledger: PointsBatch | null
  /** In a batch, the monthly sales sums are written once per month and department by `flush`. */
  private readonly sums: MonthlySumsBatch | null
  /** The store's day of a purchase time (purchase_date, the day's events), by the store's zone. */
  private readonly storeDay: (ms: number) => Ymd
  private readonly referrals: ReferralRewards

  /**
   * `batch`: members' last purchase times are kept in memory and written once per member by
   * `flush`, instead of one UPDATE per line (a big share of a million-line import).
   */
  constructor(
    private readonly db: Db,
    private readonly batch = false,
  ) {
    const s = getSettings(db)
    this.rules = s.earning
    this.storeDay = storeDayCache(storeZone(db))
    // The birthday window differs per member; everything else depends only on the day.
    this.birthdayOnly = {
      ...s.earning,
      memberDays: { ...s.earning.memberDays, enabled: false },
      rewardWeek: { ...s.earning.rewardWeek, enabled: false },
      campaigns: [],
    }
    this.tierFactors = Object.fromEntries(s.tierTable.map((t) => [t.name, t.multiplier]))
    this.upgrades = new TierUpgrades(db, s.tierTable)
    this.ledger = batch ? new PointsBatch(db) : null
    this.sums = batch ? new MonthlySumsBatch(db) : null
    this.referrals = new ReferralRewards(db, s.vouchers.referralPoints)
  }

  /** By card number (old replaced cards included) or, failing that, by the full phone number. */
  findMember(cardNo: string, phone: string): Found {
    if (cardNo) {
      if (!this.cards.has(cardNo)) this.cards.set(cardNo, memberIdByCard(this.db, cardNo))
      const id = this.cards.get(cardNo)
      return id === undefined
        ? { ok: false, field: 'cardNo', reason: '找不到该卡号的会员' }
        : { ok: true, memberId: id, ref: cardNo }
    }
    if (!phone) return { ok: false, field: 'cardNo', reason: '没有卡号或手机号，不是会员消费' }
    let found = this.phones.get(phone)
    if (!found) {
      const normal = normalizePhone(phone)
      const ids = normal ? (stmts(this.db).byPhone.all(normal) as number[]) : []
      found =
        !normal || normal.length !== 11
          ? { ok: false, field: 'phone', reason: '手机号须为11位' }
          : ids.length === 0
            ? { ok: false, field: 'phone', reason: '找不到该手机号的会员' }
            : ids.length > 1
              ? { ok: false, field: 'phone', reason: '该手机号对应多名会员，请改用卡号' }
              : { ok: true, memberId: ids[0]!, ref: normal }
      this.phones.set(phone, found)
    }
    return found
  }

  private member(id: number): MemberFacts {
    let f = this.facts.get(id)
    if (!f) {
      const r = stmts(this.db).member.get(id) as Record<string, number | string | null>
      const month = r.birth_month as number | null
      const day = r.birth_day as number | null
      f = {
        tier: r.tier as string,
        birthday:
          month && day
            ? {
                calendar: r.birthday_calendar === 'lunar' ? 'lunar' : 'solar',
                year: (r.birth_year as number | null) ?? 2000,
                month,
                day,
                leapMonth: Boolean(r.birthday_leap_month),
              }
            : null,
      }
      this.facts.set(id, f)
    }
    return f
  }

  /** Points a sale line earns and how (event multipliers of the day, birthday, tier). */
  earning(
    memberId: number,
    line: { amountFen: number; noPoints: boolean; purchasedAt: number; voucherFen?: number },
  ): Points {
    const day = this.storeDay(line.purchasedAt)
    const key = ymdToInt(day)
    let events = this.dayEvents.get(key)
    if (!events) this.dayEvents.set(key, (events = eventMultipliers(this.rules, day, null)))
    const m = this.member(memberId)
    if (m.birthday && this.rules.birthdayWindow.enabled) {
      // The nearest occurrence, so a window can reach across New Year.
      const near = [day.y - 1, day.y, day.y + 1]
        .map((y) => birthdayInYear(m.birthday!, y))
        .reduce((a, b) => (Math.abs(utc(b) - utc(day)) < Math.abs(utc(a) - utc(day)) ? b : a))
      if (Math.abs(utc(near) - utc(day)) <= 31 * DAY)
        events = [...events, ...eventMultipliers(this.birthdayOnly, day, near)]
    }
    const factor = this.tierFactors[m.tier] ?? 1
    const tier = factor === 1 ? null : { label: m.tier, factor }
    const off = line.noPoints ? 0 : Math.min(line.voucherFen ?? 0, Math.max(line.amountFen, 0))
    const e = pointsForLine(this.rules, { ...line, amountFen: line.amountFen - off }, events, tier)
    if (!off) return { ok: true, ...e }
    // The store's rule: what a voucher paid earns nothing, and the slip says so.
    const rest = off === line.amountFen ? '其余 0 元，不积分' : e.explain
    return { ok: true, points: e.points, explain: `${voucherPaidText(off)}；${rest}` }
  }

  /**
   * Points a return takes back: the original receipt's points in proportion to the amount
   * returned, rounded down, and never more in total than that receipt earned.
   */
  reversal(memberId: number, originalReceiptNo: string | null, amountFen: number, at: number): Points {
    if (!originalReceiptNo) return { ok: false, reason: '退货（负金额）须填写原单号' }
    const st = stmts(this.db)
    const o = st.original.get(originalReceiptNo, memberId) as {
      amount: number
      points: number
      n: number
      first: number
    }
    if (!o.n) return { ok: false, reason: `找不到该会员的原单 ${originalReceiptNo}` }
    if (at < o.first) return { ok: false, reason: RETURN_BEFORE_SALE }
    const already = st.reversed.get(originalReceiptNo, memberId) as number
    const share = Math.floor((o.points * -amountFen) / o.amount)
    const points = Math.max(0, Math.min(share, o.points - already))
    const capped = points < share ? `，原单积分已扣至上限` : ''
    return {
      ok: true,
      points: points === 0 ? 0 : -points,
      explain: `退货 ${yuan(-amountFen)}：原单 ${originalReceiptNo} 积分 ${grouped.format(o.points)} × ${yuan(-amountFen)} / ${yuan(o.amount)}，扣 ${grouped.format(points)}${capped}`,
    }
  }

  points(line: PurchaseLine): Points {
    return line.amountFen < 0
      ? this.reversal(line.memberId, line.originalReceiptNo, line.amountFen, line.purchasedAt)
      : this.earning(line.memberId, line)
  }

  exists(receiptNo: string, lineNo: number): boolean {
    return stmts(this.db).exists.get(receiptNo, lineNo) !== undefined
  }

  /** Writes the line, its ledger entry and the member's last purchase; the caller holds the transaction. */
  write(line: PurchaseLine, p: { points: number; explain: string }, actor: Actor): number {
    return this.writeLine(line, p, actor, false)
  }

  /**
   * write() for a line that may be there already (an import seen before): 0 when it is, and then
   * nothing is written. One index probe instead of exists() followed by the insert's own.
   */
  writeIfNew(line: PurchaseLine, p: { points: number; explain: string }, actor: Actor): number {
    return this.writeLine(line, p, actor, true)
  }

  private writeLine(line: PurchaseLine, p: { points: number; explain: string }, actor: Actor, ifNew: boolean): number {
    const st = stmts(this.db)
    const purchaseDate = ymdToInt(this.storeDay(line.purchasedAt))
    const info = (ifNew ? st.insertIfNew : st.insert).run(
      line.receiptNo,
      line.lineNo,
      line.memberId,
      line.memberRef,
      line.purchasedAt,
      purchaseDate,
      line.amountFen,
      line.department,
      line.counter,
      line.noPoints ? 1 : 0,
      line.originalReceiptNo,
      p.points,
      p.explain,
      line.source,
      this.db.now().getTime(),
      actor.id,
    )
    if (info.changes === 0) return 0
    const purchaseId = Number(info.lastInsertRowid)
    const sale = { purchaseDate, department: line.department, amountFen: line.amountFen }
    if (this.sums) this.sums.sale(sale)
    else addSale(this.db, sale)
    if (p.points !== 0) {
      const posting: Posting = {
        memberId: line.memberId,
        kind: p.points > 0 ? 'earn' : 'return',
        points: p.points,
        at: line.purchasedAt,
        purchaseId,
        department: line.department,
        ref: line.receiptNo,
        reason: p.explain,
      }
      if (this.ledger) this.ledger.post(posting, actor)
      else postPoints(this.db, posting, actor)
    }
    if (line.amountFen > 0) {
      this.referrals.note(line.memberId, line.purchasedAt, actor, (posting, by) =>
        this.ledger ? this.ledger.post(posting, by) : postPoints(this.db, posting, by),
      )
      this.upgrades.note(line.memberId, line.purchasedAt, line.amountFen, actor)
      if (!this.batch) this.upgrades.settle()
      if (!this.batch) st.lastPurchase.run(line.purchasedAt, line.memberId, line.purchasedAt)
      else if ((this.latest.get(line.memberId) ?? 0) < line.purchasedAt)
        this.latest.set(line.memberId, line.purchasedAt)
    }
    return purchaseId
  }

  /** Writes the balances and last purchase times a batch kept in memory; the caller holds the transaction. */
  flush(): void {
    // Balances first: the tier upgrades read members.points.
    this.ledger?.flush()
    this.sums?.flush()
    const st = stmts(this.db)
    for (const [memberId, at] of this.latest) st.lastPurchase.run(at, memberId, at)
    this.latest.clear()
    this.upgrades.settle()
  }
}
