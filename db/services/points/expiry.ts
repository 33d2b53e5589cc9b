import { SYSTEM_ACTOR, type Actor } from '../../actor'
import { storeToday, storeZone } from '../../clock'
import { inTransaction, type Db } from '../../handle'
import { formatYmd, parseIsoDay } from '../../rules/dates'
import { formatDay, parseDay, type ExpiryRules } from '../../rules/expiry'
import { endOfDayMs, ymdInZone } from '../../rules/storeClock'
import { maskPhone } from '../../rules/phone'
import { statements } from '../../statements'
import { parseInput, z } from '../../validate'
import { recordAudit } from '../audit'
import { getSettings } from '../settings'
import { postPoints } from './ledger'
import { walkLots, type Lot } from './lots'

const day = z.string().refine((s) => parseIsoDay(s) !== null, '日期应为 YYYY-MM-DD 格式的有效日期')

export interface ExpiryRun {
  members: number
  points: number
}

export interface Due {
  memberId: number
  points: number
  /** The latest expiry day among the lapsed grants: the entry's date */
  at: number
  reason: string
}

function reasonFor(rules: ExpiryRules, lots: Lot[], at: number, zone: string): string {
  if (rules.policy === 'calendarYear') {
    const years = [...new Set(lots.map((l) => ymdInZone(l.at, zone).y))].sort()
    return `${years.join('、')}年积分于${formatDay(at, zone)}过期`
  }
  const from = formatDay(Math.min(...lots.map((l) => l.at)), zone)
  const to = formatDay(Math.max(...lots.map((l) => l.at)), zone)
  const earned = from === to ? from : `${from}至${to}`
  return `${earned}获得的积分满${rules.months}个月，于${formatDay(at, zone)}过期`
}

/**
 * "Today" for the expiry: the store's calendar day (db/clock.ts), never the machine's, as the day
 * text the expiry's rules read. A grant lapses at the start of its expiry day, so all of today counts.
 */
export const expiryDayOf = (db: Db): string => formatYmd(storeToday(db))

/** What of a member's open grants has lapsed by `asOfMs` (the start of a day), or null when nothing. */
export function dueOf(rules: ExpiryRules, lots: Lot[], asOfMs: number, zone: string): Omit<Due, 'memberId'> | null {
  const lapsed = lots.filter((l) => l.expires <= asOfMs)
  if (!lapsed.length) return null
  const at = Math.max(...lapsed.map((l) => l.expires))
  const points = lapsed.reduce((n, l) => n + l.left, 0)
  return { points, at, reason: reasonFor(rules, lapsed, at, zone) }
}

/**
 * Lapses every grant whose expiry day is on or before `asOf` and is still unspent: one 'expire'
 * entry per member, dated the expiry day. One pass over the ledger inside one transaction; the
 * entries it posts consume those same grants, so a second run for the same day posts nothing.
 */
export function expirePoints(db: Db, input: { asOf: string }, actor: Actor): ExpiryRun {
  const { asOf } = parseInput(z.object({ asOf: day }), input)
  const zone = storeZone(db)
  const asOfMs = parseDay(asOf, zone)!
  const rules = getSettings(db).expiry
  return inTransaction(db, () => {
    // Collected first: better-sqlite3 cannot write while the ledger is being iterated.
    const due: Due[] = []
    walkLots(db, rules, (memberId, lots) => {
      const d = dueOf(rules, lots, asOfMs, zone)
      if (d) due.push({ memberId, ...d })
    })
    let points = 0
    for (const d of due) {
      postPoints(db, { memberId: d.memberId, kind: 'expire', points: -d.points, at: d.at, reason: d.reason }, actor)
      points += d.points
    }
    if (due.length) {
      recordAudit(
        db,
        actor,
        'expire',
        'points',
        null,
        `积分过期（截至 ${asOf}）：${due.length} 名会员，共 ${points} 分`,
      )
    }
    return { members: due.length, points }
  })
}

/**
 * The daily job (db/jobs): lapse everything due by the store's today, whatever the machine's zone.
 * Idempotent, so the job runner may run it at start-up, after midnight and on demand.
 */
export function expireDuePoints(db: Db): ExpiryRun {
  return expirePoints(db, { asOf: expiryDayOf(db) }, SYSTEM_ACTOR)
}

const soonInput = z.object({
  asOf: day,
  days: z.number().int().min(1).max(366).default(30),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(200).default(50),
})
export type ExpiringSoonQuery = z.input<typeof soonInput>

export interface ExpiringMember {
  memberId: number
  cardNo: string
  name: string
  /** masked, e.g. 138****5678 */
  phone: string | null
  /** Points that lapse within the window, and the first day any of them lapse */
  points: number
  expiresOn: string
  balance: number
}

const stmts = statements((s) => ({
  members: s.prepare(
    'SELECT id, card_no, name, phone, points FROM members WHERE id IN (SELECT value FROM json_each(?))',
  ),
}))

/**
 * Members with points that lapse after `asOf` and within `days` days, soonest first (for
 * reminders). Walks the whole ledger like the expiry itself; only the page's members are read.
 */
export function expiringSoon(
  db: Db,
  input: ExpiringSoonQuery,
): { rows: ExpiringMember[]; total: number; points: number } {
  const q = parseInput(soonInput, input)
  const zone = storeZone(db)
  const from = parseDay(q.asOf, zone)!
  const start = parseIsoDay(q.asOf)!
  // The start of the day `days` days on, so a lot lapsing on that day still counts.
  const until = endOfDayMs({ ...start, d: start.d + q.days - 1 }, zone)
  const found: { memberId: number; points: number; expires: number }[] = []
  let points = 0
  walkLots(db, getSettings(db).expiry, (memberId, lots) => {
    let n = 0
    let first = Infinity
    for (const l of lots) {
      if (l.expires <= from || l.expires > until) continue
      n += l.left
      first = Math.min(first, l.expires)
    }
    if (n > 0) {
      found.push({ memberId, points: n, expires: first })
      points += n
    }
  })
  found.sort((a, b) => a.expires - b.expires || a.memberId - b.memberId)
  const page = found.slice((q.page - 1) * q.pageSize, q.page * q.pageSize)
  const rows = stmts(db).members.all(JSON.stringify(page.map((p) => p.memberId))) as {
    id: number
    card_no: string
    name: string
    phone: string | null
    points: number
  }[]
  const byId = new Map(rows.map((r) => [r.id, r]))
  return {
    total: found.length,
    points,
    rows: page.map((p) => {
      const m = byId.get(p.memberId)!
      return {
        memberId: p.memberId,
        cardNo: m.card_no,
        name: m.name,
        phone: maskPhone(m.phone),
        points: p.points,
        expiresOn: formatDay(p.expires, zone),
        balance: m.points,
      }
    }),
  }
}
