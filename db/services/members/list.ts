import type Database from 'better-sqlite3'
import { storeDayInt, storeZone } from '../../clock'
import type { Db } from '../../handle'
import { DEFAULT_TIERS, GENDERS, SOURCES, STATUSES } from '../../rules/members'
import { toHalfWidth } from '../../rules/text'
import { dayEndMs, dayStartMs } from '../../rules/tiers'
import { statements } from '../../statements'
import { parseInput, z } from '../../validate'
import { toListItem, type MemberListItem } from './dto'
import { boughtInIds, spendFilterIds } from './purchaseFilters'
import type { MemberRowRaw } from './rows'

const HI = '\uffff'

/** Every sort has an index in this order (the rowid is every index's implicit last column). */
const SORTS = {
  cardNo: 'card_no',
  name: 'name',
  joinDate: 'join_date',
  points: 'points',
  tier: 'tier',
  status: 'status',
  birthday: 'birth_month %o, birth_day',
} as const

const yes = z.boolean().optional()
const day = (what: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${what}应为 YYYY-MM-DD`)
    .optional()
const fen = z.number().int('消费金额最多两位小数').min(0, '消费金额不能为负').max(100_000_000_00).optional()
const age = z.number().int('年龄应为整数').min(0, '年龄不能为负').max(150, '年龄最大 150').optional()
const listSchema = z
  .object({
    page: z.number().int().min(1).default(1),
    pageSize: z.number().int().min(1).max(500).default(50),
    sort: z.enum(Object.keys(SORTS) as [keyof typeof SORTS]).default('cardNo'),
    order: z.enum(['asc', 'desc']).default('asc'),
    keyword: z.string().max(40).optional(),
    tier: z.string().max(10).optional(),
    status: z.enum(STATUSES).optional(),
    source: z.enum(SOURCES).optional(),
    gender: z.enum(GENDERS).optional(),
    province: z.string().max(20).optional(),
    city: z.string().max(30).optional(),
    district: z.string().max(30).optional(),
    birthMonth: z.number().int().min(1).max(12).optional(),
    joinFrom: day('开卡日期'),
    joinTo: day('开卡日期'),
    /** The last purchase fell on or after / on or before this store day (never-bought members drop out) */
    lastPurchaseFrom: day('最近消费日期'),
    lastPurchaseTo: day('最近消费日期'),
    /** Spend in the last 12 months, fen, both ends included; 0 keeps members who bought nothing */
    spendMinFen: fen,
    spendMaxFen: fen,
    /** Whole years of age today, from the birthday (members without a birth year drop out) */
    ageFrom: age,
    ageTo: age,
    /** Bought (a sale, not a return) in this 课别 in the last 12 months, as the purchases name it */
    department: z.string().max(20).optional(),
    smsConsent: yes,
    mailConsent: yes,
    hasPhone: yes,
  })
  .refine((f) => !f.lastPurchaseFrom || !f.lastPurchaseTo || f.lastPurchaseFrom <= f.lastPurchaseTo, {
    message: '最近消费的起始日期不能晚于结束日期',
    path: ['lastPurchaseTo'],
  })
  .refine((f) => f.spendMinFen === undefined || f.spendMaxFen === undefined || f.spendMinFen <= f.spendMaxFen, {
    message: '近12个月消费的下限不能大于上限',
    path: ['spendMaxFen'],
  })
  .refine((f) => f.ageFrom === undefined || f.ageTo === undefined || f.ageFrom <= f.ageTo, {
    message: '年龄的下限不能大于上限',
    path: ['ageTo'],
  })
export type MemberListQuery = z.input<typeof listSchema>
export const memberTiersFallback = DEFAULT_TIERS

/** One condition of the member filter; `column` is null for the keyword's lookups. */
interface Term {
  sql: string
  params: unknown[]
  column: string | null
}

const dayInt = (ymd: string) => Number(ymd.replace(/-/g, ''))
const idList = (ids: number[]) => JSON.stringify(ids)

function filterTerms(db: Db, f: z.infer<typeof listSchema>): Term[] {
  const terms: Term[] = []
  const eq = (column: string, v: unknown) => {
    if (v === undefined || v === '') return
    terms.push({ sql: `${column} = ?`, params: [typeof v === 'boolean' ? (v ? 1 : 0) : v], column })
  }
  eq('tier', f.tier)
  eq('status', f.status)
  eq('source', f.source)
  eq('gender', f.gender)
  eq('province', f.province)
  eq('city', f.city)
  eq('district', f.district)
  eq('birth_month', f.birthMonth)
  eq('sms_consent', f.smsConsent)
  eq('mail_consent', f.mailConsent)
  // phone_last4 is set exactly when phone is, and it is in the covering filter index.
  if (f.hasPhone !== undefined) {
    terms.push({
      sql: f.hasPhone ? 'phone_last4 IS NOT NULL' : 'phone_last4 IS NULL',
      params: [],
      column: 'phone_last4',
    })
  }
  if (f.joinFrom)
    terms.push({ sql: 'join_date >= ?', params: [Number(f.joinFrom.replace(/-/g, ''))], column: 'join_date' })
  if (f.joinTo) terms.push({ sql: 'join_date <= ?', params: [Number(f.joinTo.replace(/-/g, ''))], column: 'join_date' })
  purchaseTerms(db, f, terms)
  const k = f.keyword ? toHalfWidth(f.keyword).replace(/\s/g, '') : ''
  if (!k) return terms
  const key = (sql: string, ...params: unknown[]) => terms.push({ sql, params, column: null })
  if (/^\d{4}$/.test(k)) {
    key(
      '(phone_last4 = ? OR id IN (SELECT member_id FROM member_cards WHERE card_no >= ? AND card_no < ?))',
      k,
      k,
      k + HI,
    )
  } else if (/^\d{11}$/.test(k)) {
    key('(phone = ? OR card_no = ?)', k, k)
  } else if (/^[A-Za-z0-9-]+$/.test(k)) {
    key(
      'id IN (SELECT member_id FROM member_cards WHERE card_no >= ? AND card_no < ?)',
      k.toUpperCase(),
      k.toUpperCase() + HI,
    )
  } else {
    const chars = [...k.toLowerCase()]
    const gram = chars.length === 1 ? chars[0] : chars[0]! + chars[1]!
    key(
      'id IN (SELECT member_id FROM member_name_grams WHERE gram = ?) AND name LIKE ?',
      gram,
      `%${k.replace(/[%_\\]/g, '')}%`,
    )
  }
  return terms
}

/** The filters a call or SMS list is built from: last purchase, 12-month spend, age, 课别. */
function purchaseTerms(db: Db, f: z.infer<typeof listSchema>, terms: Term[]): void {
  const zone = () => storeZone(db)
  if (f.lastPurchaseFrom) {
    const at = dayStartMs(dayInt(f.lastPurchaseFrom), zone())
    terms.push({ sql: 'last_purchase_at >= ?', params: [at], column: 'last_purchase_at' })
  }
  if (f.lastPurchaseTo) {
    const at = dayEndMs(dayInt(f.lastPurchaseTo), zone())
    terms.push({ sql: 'last_purchase_at < ?', params: [at], column: 'last_purchase_at' })
  }
  if (f.spendMinFen !== undefined || f.spendMaxFen !== undefined) {
    const { ids, inside } = spendFilterIds(db, f.spendMinFen, f.spendMaxFen)
    const sql = `id ${inside ? '' : 'NOT '}IN (SELECT value FROM json_each(?))`
    terms.push({ sql, params: [idList(ids)], column: 'id' })
  }
  if (f.ageFrom !== undefined || f.ageTo !== undefined) {
    // Age in whole years today: born on or before today's date `from` years ago, and after
    // today's date `to + 1` years ago. Lunar birthdays count by their lunar year and date.
    const today = storeDayInt(db)
    const born = 'birth_year * 10000 + birth_month * 100 + birth_day'
    if (f.ageFrom !== undefined) {
      terms.push({ sql: `${born} <= ?`, params: [today - f.ageFrom * 10000], column: 'birth_year' })
    }
    if (f.ageTo !== undefined) {
      terms.push({ sql: `${born} > ?`, params: [today - (f.ageTo + 1) * 10000], column: 'birth_year' })
    }
  }
  if (f.department) {
    terms.push({
      sql: 'id IN (SELECT value FROM json_each(?))',
      params: [idList(boughtInIds(db, f.department))],
      column: 'id',
    })
  }
}

const whereOf = (terms: Term[]) => (terms.length ? `WHERE ${terms.map((t) => t.sql).join(' AND ')}` : '')
const paramsOf = (terms: Term[]) => terms.flatMap((t) => t.params)

/** WHERE clause and parameters for the member list filters (also used by export). */
export function memberFilterSql(db: Db, input: MemberListQuery): { where: string; params: unknown[] } {
  const terms = filterTerms(db, parseInput(listSchema, input))
  return { where: whereOf(terms), params: paramsOf(terms) }
}

export function memberOrderSql(input: MemberListQuery): string {
  const f = parseInput(listSchema, input)
  const dir = f.order === 'desc' ? 'DESC' : 'ASC'
  const cols = SORTS[f.sort].replace('%o', dir)
  return `ORDER BY ${cols} ${dir}, id ${dir}`
}

/** Filters that one index of their own answers as a covering search. */
const OWN_INDEX = [
  'tier',
  'status',
  'source',
  'birth_month',
  'province',
  'join_date',
  'phone_last4',
  'last_purchase_at',
]

/** The columns members_filter holds (the rowid `id` is in every index). */
const IN_FILTER_INDEX = new Set([
  'status',
  'sms_consent',
  'mail_consent',
  'gender',
  'tier',
  'source',
  'birth_month',
  'province',
  'city',
  'join_date',
  'phone_last4',
  'id',
])

/** Columns that member_filter_counts groups by (phone_last4 stands for its has_phone). */
const SUMMARY = new Set([
  'status',
  'tier',
  'source',
  'gender',
  'province',
  'sms_consent',
  'mail_consent',
  'birth_month',
  'phone_last4',
])

/**
 * The pager's total. Counting means visiting every matching entry, so it must never touch the
 * table. A filter on the low-cardinality columns sums member_filter_counts (a few thousand rows
 * kept by triggers) instead of counting tens of thousands of members; one filter with an index of
 * its own counts in that index; any other mix counts in members_filter, which holds every filter
 * column (SQLite would otherwise read the table row of each match to check a second column).
 */
function countSql(terms: Term[]): string {
  const columns = new Set(terms.map((t) => t.column))
  if (terms.length && [...columns].every((c) => c !== null && SUMMARY.has(c))) {
    const where = terms.map((t) =>
      t.column === 'phone_last4' ? (t.sql.includes('NOT NULL') ? 'has_phone = 1' : 'has_phone = 0') : t.sql,
    )
    return `SELECT coalesce(sum(n), 0) FROM member_filter_counts WHERE ${where.join(' AND ')}`
  }
  const keyword = columns.has(null)
  const own =
    (columns.size === 1 && OWN_INDEX.includes([...columns][0]!)) ||
    (columns.size === 2 && columns.has('province') && columns.has('city'))
  const covered = [...columns].every((c) => c !== null && IN_FILTER_INDEX.has(c))
  const hint = terms.length && !keyword && !own && covered ? 'INDEXED BY members_filter' : ''
  return `SELECT count(*) FROM members ${hint} ${whereOf(terms)}`
}

/**
 * Totals are remembered per filter while the database is unchanged: a stamp of this connection's
 * change counter and SQLite's data_version (which moves when another connection, say the CLI,
 * writes) must match. Paging or re-sorting a list then costs no second count.
 */
const totals = new WeakMap<Database.Database, { stamp: string; byFilter: Map<string, number> }>()
const stampOf = statements((s) =>
  s.prepare("SELECT total_changes() || ':' || (SELECT data_version FROM pragma_data_version)").pluck(),
)

function countMembers(db: Db, sql: string, params: unknown[]): number {
  const stamp = stampOf(db).get() as string
  let memo = totals.get(db.sqlite)
  if (!memo || memo.stamp !== stamp) {
    memo = { stamp, byFilter: new Map() }
    totals.set(db.sqlite, memo)
  }
  const key = `${sql}\u0000${JSON.stringify(params)}`
  let n = memo.byFilter.get(key)
  if (n === undefined) {
    n = db.sqlite
      .prepare(sql)
      .pluck()
      .get(...params) as number
    if (memo.byFilter.size >= 64) memo.byFilter.clear()
    memo.byFilter.set(key, n)
  }
  return n
}

/** Forgets remembered totals (benchmarks measure the first page of a filter with them gone). */
export const forgetMemberTotals = (db: Db) => totals.delete(db.sqlite)

/** Below this many matches, fetching them all and sorting is cheap whatever the filter. */
const NARROW = 2000

/**
 * Filter columns that line up with each sort: the sort's own column (SQLite then searches that
 * index in order) and join date for card numbers, which are issued in order of joining, so a
 * window read along the card numbers would miss a year's joiners that sit in the middle.
 */
const ALIGNED: Record<keyof typeof SORTS, string[]> = {
  cardNo: ['card_no', 'join_date'],
  name: ['name'],
  joinDate: ['join_date'],
  points: ['points'],
  tier: ['tier'],
  status: ['status'],
  birthday: ['birth_month'],
}

/**
 * One page of the member list with its total. For a narrow filter SQLite's own plan is right
 * (find the matches through an index, sort them); so it is when the filter lines up with the sort
 * (born in March, by birthday). For a broad one (most active members, all women) SQLite
 * would still fetch and sort tens of thousands of rows to show 50, so the page is read along the
 * sort's index instead, keeping the rows that match, inside a window sized from the total; if the
 * matches bunch up at the far end of the order (gold cards by points ascending, say) the window
 * comes back short and the ordinary plan runs after all.
 */
export function listMembers(db: Db, input: MemberListQuery): { rows: MemberListItem[]; total: number } {
  const f = parseInput(listSchema, input)
  const terms = filterTerms(db, f)
  const params = paramsOf(terms)
  const order = memberOrderSql(f)
  const s = db.sqlite
  const total = countMembers(db, countSql(terms), params)
  const offset = (f.page - 1) * f.pageSize
  if (offset >= total) return { rows: [], total }
  const wanted = Math.min(f.pageSize, total - offset)
  let rows: MemberRowRaw[] | undefined
  const broad =
    terms.length > 0 && total > NARROW && terms.every((t) => t.column !== null && !ALIGNED[f.sort].includes(t.column))
  if (broad) {
    const all = countMembers(db, 'SELECT count(*) FROM members', [])
    const expectedScan = ((offset + wanted) * all) / total
    if (expectedScan < total) {
      const window = Math.min(all, Math.ceil(expectedScan * 8))
      rows = s
        .prepare(`SELECT * FROM (SELECT * FROM members ${order} LIMIT ?) ${whereOf(terms)} LIMIT ? OFFSET ?`)
        .all(window, ...params, f.pageSize, offset) as MemberRowRaw[]
      if (rows.length < wanted) rows = undefined
    }
  }
  rows ??= s
    .prepare(`SELECT * FROM members ${whereOf(terms)} ${order} LIMIT ? OFFSET ?`)
    .all(...params, f.pageSize, offset) as MemberRowRaw[]
  return { rows: rows.map(toListItem), total }
}
