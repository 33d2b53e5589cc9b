import { storeDayInt, storeZone } from '../../clock'
import type { Statement } from 'better-sqlite3'
import type { Actor } from '../../actor'
import { forbidden, notFound } from '../../errors'
import { inTransaction, type Db } from '../../handle'
import { nextBirthday } from '../../rules/birthday'
import { CONTACT_KIND_LABELS, type ContactKind } from '../../rules/care'
import { formatYmd, intToYmd, ymdToInt } from '../../rules/dates'
import { maskPhone } from '../../rules/phone'
import { dayOf, spendWindowStart } from '../../rules/tiers'
import { recordAudit } from '../audit'
import { parseInput, z } from '../../validate'
import { currentMaintainer, dayString, isCarePlanner, staffOfOperator, type StaffBrief } from './contacts'

/** A birthday this close (days) puts the VIP near the top of 我的VIP. */
export const BIRTHDAY_SOON_DAYS = 14

export type Attention = 'overdue' | 'birthday' | 'due'

export interface MyVip {
  memberId: number
  name: string
  cardNo: string
  tier: string
  /** Masked; a maintainer shows the full number with care:revealPhone (audited) */
  phone: string | null
  /** YYYY-MM-DD of the next birthday (lunar ones by the solar date they fall on) */
  birthday: string | null
  birthdayCalendar: 'solar' | 'lunar'
  daysToBirthday: number | null
  lastPurchase: { day: string; amountFen: number } | null
  lastContact: { day: string; kind: ContactKind; kindLabel: string } | null
  daysSinceContact: number | null
  /** The latest contact's next follow-up: logging the next contact is what closes it */
  followUp: string | null
  followUpOverdue: boolean
  spend12mFen: number
  since: string
  /** Why the row is near the top, most pressing first */
  attention: Attention[]
}

export interface MyVipsResult {
  staff: StaffBrief | null
  today: string
  rows: MyVip[]
}

interface Row {
  memberId: number
  name: string
  cardNo: string
  tier: string
  phone: string | null
  birthMonth: number | null
  birthDay: number | null
  birthdayCalendar: 'solar' | 'lunar'
  birthdayLeapMonth: number
  fromDay: number
  lastAt: number | null
  contactDay: number | null
  contactKind: ContactKind | null
  followUp: number | null
  spend: number
}

/**
 * One indexed walk per VIP: the staff's open assignments, then per member the latest contact
 * (vip_contacts_member), the newest sale and the 12-month spend (purchases_member_time, whose
 * amount column makes the sums index-only).
 */
const VIPS_SQL = `
  SELECT m.id AS memberId, m.name, m.card_no AS cardNo, m.tier, m.phone,
         m.birth_month AS birthMonth, m.birth_day AS birthDay, m.birthday_calendar AS birthdayCalendar,
         m.birthday_leap_month AS birthdayLeapMonth, a.from_day AS fromDay,
         (SELECT max(p.purchased_at) FROM purchases p WHERE p.member_id = m.id AND p.amount_fen > 0) AS lastAt,
         c.day AS contactDay, c.kind AS contactKind, c.next_follow_up AS followUp,
         (SELECT coalesce(sum(p.amount_fen), 0) FROM purchases p
           WHERE p.member_id = m.id AND p.purchased_at > @windowStart AND p.purchased_at <= @now) AS spend
    FROM vip_assignments a
    JOIN members m ON m.id = a.member_id
    LEFT JOIN vip_contacts c ON c.id = (
      SELECT c2.id FROM vip_contacts c2 WHERE c2.member_id = m.id ORDER BY c2.day DESC, c2.id DESC LIMIT 1)
   WHERE a.staff_id = @staffId AND a.until_day IS NULL`

/** The receipt total of a member's newest sale (a receipt has several lines). */
const LAST_RECEIPT_SQL = `
  SELECT coalesce(sum(amount_fen), 0) FROM purchases
   WHERE receipt_no = (SELECT receipt_no FROM purchases WHERE member_id = ? AND purchased_at = ? AND amount_fen > 0 LIMIT 1)`

const statements = new WeakMap<object, { vips: Statement; receipt: Statement<[number, number]> }>()
function stmts(db: Db) {
  let s = statements.get(db.sqlite)
  if (!s) {
    s = { vips: db.sqlite.prepare(VIPS_SQL), receipt: db.sqlite.prepare(LAST_RECEIPT_SQL).pluck() }
    statements.set(db.sqlite, s)
  }
  return s
}

const daysBetween = (from: number, to: number) => {
  const a = intToYmd(from)
  const b = intToYmd(to)
  return Math.round((Date.UTC(b.y, b.m - 1, b.d) - Date.UTC(a.y, a.m - 1, a.d)) / 86400000)
}

/** One staff member's current VIPs, what needs attention first. */
export function vipsOfStaff(db: Db, staffId: number): MyVip[] {
  const nowMs = db.now().getTime()
  const zone = storeZone(db)
  const today = dayOf(nowMs, zone)
  const todayYmd = intToYmd(today)
  const s = stmts(db)
  const rows = s.vips.all({ staffId, now: nowMs, windowStart: spendWindowStart(nowMs, zone) }) as Row[]
  const vips = rows.map((r): MyVip => {
    let birthday: string | null = null
    let daysToBirthday: number | null = null
    if (r.birthMonth && r.birthDay) {
      const next = nextBirthday(
        { calendar: r.birthdayCalendar, month: r.birthMonth, day: r.birthDay, leapMonth: r.birthdayLeapMonth === 1 },
        todayYmd,
      )
      birthday = formatYmd(next)
      daysToBirthday = daysBetween(today, ymdToInt(next))
    }
    const followUpOverdue = r.followUp !== null && r.followUp < today
    const attention: Attention[] = []
    if (followUpOverdue) attention.push('overdue')
    if (daysToBirthday !== null && daysToBirthday <= BIRTHDAY_SOON_DAYS) attention.push('birthday')
    if (r.followUp !== null && r.followUp === today) attention.push('due')
    return {
      memberId: r.memberId,
      name: r.name,
      cardNo: r.cardNo,
      tier: r.tier,
      phone: maskPhone(r.phone),
      birthday,
      birthdayCalendar: r.birthdayCalendar,
      daysToBirthday,
      lastPurchase:
        r.lastAt === null
          ? null
          : { day: dayString(dayOf(r.lastAt, zone)), amountFen: s.receipt.get(r.memberId, r.lastAt) as number },
      lastContact:
        r.contactDay === null || r.contactKind === null
          ? null
          : { day: dayString(r.contactDay), kind: r.contactKind, kindLabel: CONTACT_KIND_LABELS[r.contactKind] },
      daysSinceContact: r.contactDay === null ? null : daysBetween(r.contactDay, today),
      followUp: r.followUp === null ? null : dayString(r.followUp),
      followUpOverdue,
      spend12mFen: r.spend,
      since: dayString(r.fromDay),
      attention,
    }
  })
  return vips.sort(byAttention)
}

/**
 * Overdue follow-ups first (longest overdue on top), then follow-ups due today and birthdays within
 * two weeks (soonest first), then everyone else by how long since the last contact (never first).
 */
function byAttention(a: MyVip, b: MyVip): number {
  const rank = (v: MyVip) =>
    v.followUpOverdue ? 0 : v.attention.includes('due') ? 1 : v.attention.includes('birthday') ? 2 : 3
  const ra = rank(a)
  const rb = rank(b)
  if (ra !== rb) return ra - rb
  if (ra === 0) return a.followUp!.localeCompare(b.followUp!)
  if (ra === 2) return a.daysToBirthday! - b.daysToBirthday!
  const since = (v: MyVip) => v.daysSinceContact ?? Number.MAX_SAFE_INTEGER
  return since(b) - since(a) || a.cardNo.localeCompare(b.cardNo)
}

const myVipsSchema = z.object({ staffId: z.number().int().positive().optional() })

/**
 * 我的VIP: the caller's own VIPs (through their linked staff record); planners may pick any
 * maintainer. An operator without a staff record gets `staff: null` and no rows.
 */
export function myVips(db: Db, input: z.input<typeof myVipsSchema>, actor: Actor): MyVipsResult {
  const v = parseInput(myVipsSchema, input ?? {})
  const todayText = dayString(storeDayInt(db))
  let staff: StaffBrief | null
  if (v.staffId !== undefined && isCarePlanner(actor)) {
    staff = staffById(db, v.staffId)
    if (!staff) throw notFound('找不到该维护人')
  } else {
    staff = staffOfOperator(db, actor.id)
    if (v.staffId !== undefined && v.staffId !== staff?.id) throw forbidden('只能查看您本人维护的VIP')
  }
  return { staff, today: todayText, rows: staff ? vipsOfStaff(db, staff.id) : [] }
}

function staffById(db: Db, id: number): StaffBrief | null {
  const row = db.sqlite.prepare('SELECT id, name, department, active FROM staff WHERE id = ?').get(id) as
    { id: number; name: string; department: string; active: number } | undefined
  return row ? { ...row, active: row.active === 1 } : null
}

export interface MaintainerChoice extends StaffBrief {
  vips: number
}

/** The planners' picker on 我的VIP: every staff member who holds VIPs or is active, by name. */
export function maintainerChoices(db: Db): MaintainerChoice[] {
  const rows = db.sqlite
    .prepare(
      `SELECT s.id, s.name, s.department, s.active,
              (SELECT count(*) FROM vip_assignments a WHERE a.staff_id = s.id AND a.until_day IS NULL) AS vips
         FROM staff s ORDER BY s.active DESC, s.name`,
    )
    .all() as (Omit<MaintainerChoice, 'active'> & { active: number })[]
  return rows.filter((r) => r.active === 1 || r.vips > 0).map((r) => ({ ...r, active: r.active === 1 }))
}

const revealSchema = z.object({ memberId: z.number().int().positive() })

/**
 * The full phone of a VIP, for the maintainer who calls them (members:reveal is for the desk
 * roles). Planners may look too; each look is in the audit log like any other reveal.
 */
export function revealVipPhone(db: Db, input: z.input<typeof revealSchema>, actor: Actor): { value: string | null } {
  const v = parseInput(revealSchema, input)
  return inTransaction(db, () => {
    const row = db.sqlite.prepare('SELECT card_no, phone FROM members WHERE id = ?').get(v.memberId) as
      { card_no: string; phone: string | null } | undefined
    if (!row) throw notFound('找不到该会员')
    if (!isCarePlanner(actor)) {
      const me = staffOfOperator(db, actor.id)
      const holder = currentMaintainer(db, v.memberId)
      if (!me || !holder || holder.staffId !== me.id) throw forbidden('只能查看您当前维护的VIP的手机号')
    }
    recordAudit(db, actor, 'reveal', 'member', v.memberId, `维护人查看完整手机 卡号${row.card_no}`)
    return { value: row.phone }
  })
}
