import { storeDayInt, storeZone } from '../../clock'
import { validationError } from '../../errors'
import type { Db } from '../../handle'
import { compareDepartments } from '../../rules/figures'
import { SOURCES } from '../../rules/members'
import { firstDayOf, monthsBetween, monthText, shiftMonth, type MonthKey } from '../../rules/months'
import { formatYmd, intToYmd } from '../../rules/dates'
import { tierNames } from '../../rules/tiers'
import { statements } from '../../statements'
import { parseInput, z } from '../../validate'
import { monthCostActuals } from '../birthdays/costs'
import { monthlyLeague, type LeagueRow } from '../care/league'
import { lowStock } from '../gifts/catalogue'
import { getSettings } from '../settings'
import { referralsByReferrer, voucherLiability, type ReferralRow, type VoucherLiabilityRow } from './voucherReports'
import { kpiWithPrevious, parseMonth, pointsFigures, referenceDay, salesFigures, type Kpi } from './kpi'

/** At most three years on one screen: the charts stay readable and the answer fast. */
export const MAX_RANGE_MONTHS = 36

const querySchema = z.object({
  from: z.string({ error: '请选择开始月份' }),
  to: z.string({ error: '请选择结束月份' }),
  /** One 课别, or every department when empty */
  department: z.string().trim().max(20, '课别名称太长').nullish(),
})
export type DashboardQuery = z.input<typeof querySchema>

export interface NewCardsSeries {
  /** 'day' when the range is one month, else 'month' */
  granularity: 'day' | 'month'
  /** 'YYYY-MM-DD' or 'YYYY-MM' */
  periods: string[]
  /** Sources in the programme's order, then any others found */
  sources: string[]
  /** counts[source][period] */
  counts: number[][]
}

export interface SalesCell {
  month: string
  department: string
  vipFen: number
  /** null when no store figure was entered for this month and department */
  storeFen: number | null
  share: number | null
}

export interface SalesSeries {
  months: string[]
  departments: string[]
  cells: SalesCell[]
  /** All departments (or the filtered one) per month */
  totals: { month: string; vipFen: number; storeFen: number; share: number | null }[]
}

export interface PointsRow {
  month: string
  issued: number
  redeemed: number
  expired: number
  /** at the month's end */
  outstanding: number
}

export interface BirthdayMailRow {
  month: string
  cards: number
  smsMessages: number
  costFen: number
}

export interface GiftAlert {
  code: string
  name: string
  onHand: number
  reorderLevel: number
}

export interface DashboardData {
  from: string
  to: string
  department: string | null
  /** The day the last month's figures are counted at (its end, or today): 'YYYY-MM-DD' */
  asOf: string
  generatedAt: number
  /** The store's zone the days, months and generatedAt are read in (IANA name) */
  timeZone: string
  /** Every department with VIP sales or store sales, for the filter */
  departments: string[]
  kpi: {
    month: string
    previousMonth: string
    current: Kpi
    previous: Kpi
    /** VIP sales of the 12 months to the month's end ÷ active cards; null without active cards */
    avgSpendFen: number | null
  }
  newCards: NewCardsSeries
  sales: SalesSeries
  /** Members not closed, per tier, now */
  tiers: { tier: string; members: number }[]
  points: PointsRow[]
  giftAlerts: GiftAlert[]
  birthdayMail: BirthdayMailRow[]
  /** The maintainers' league of the last month (of the department's maintainers when filtered) */
  league: { month: string; rows: LeagueRow[]; winners: string[] }
  /** Voucher liability per month and kind (fen), the whole programme */
  vouchers: VoucherLiabilityRow[]
  /** 推荐办卡 per referrer over the range */
  referrals: ReferralRow[]
}

const stmts = statements((s) => ({
  newByMonth: s.prepare(
    `SELECT join_date / 100 AS period, source, count(*) AS n FROM members INDEXED BY members_join_source
      WHERE join_date BETWEEN ? AND ? GROUP BY 1, 2`,
  ),
  newByDay: s.prepare(
    `SELECT join_date AS period, source, count(*) AS n FROM members INDEXED BY members_join_source
      WHERE join_date BETWEEN ? AND ? GROUP BY 1, 2`,
  ),
  sales: s.prepare(`SELECT month, department, amount_fen AS fen FROM sales_monthly WHERE month BETWEEN ? AND ?`),
  store: s.prepare(`SELECT month, department, amount_fen AS fen FROM store_sales WHERE month BETWEEN ? AND ?`),
  departments: s
    .prepare(
      `SELECT department FROM sales_monthly WHERE department <> '' UNION SELECT department FROM store_sales
       ORDER BY 1`,
    )
    .pluck(),
  salesSince: s.prepare(`SELECT coalesce(sum(amount_fen), 0) FROM sales_monthly WHERE month BETWEEN ? AND ?`).pluck(),
  // The per-combination counts the member list's pager keeps (triggers, migration 0001).
  tiers: s.prepare(`SELECT tier, sum(n) AS n FROM member_filter_counts WHERE status <> 'closed' GROUP BY tier`),
  staffDepartment: s.prepare(`SELECT id FROM staff WHERE department = ?`).pluck(),
  // Anything written through this connection moves total_changes(); data_version moves when another
  // connection (the command line) wrote to the file.
  version: s.prepare(`SELECT total_changes()`).pluck(),
}))

function range(db: Db, input: DashboardQuery): { from: MonthKey; to: MonthKey; department: string | null } {
  const q = parseInput(querySchema, input)
  const from = parseMonth(q.from, 'from')
  const to = parseMonth(q.to, 'to')
  if (from > to) throw validationError('开始月份不能晚于结束月份', [{ field: 'from', message: '开始月份晚于结束月份' }])
  if (monthsBetween(from, to).length > MAX_RANGE_MONTHS)
    throw validationError(`一次最多查看 ${MAX_RANGE_MONTHS} 个月`, [{ field: 'from', message: '时间范围太长' }])
  referenceDay(db, to)
  return { from, to, department: q.department || null }
}

function newCards(db: Db, from: MonthKey, to: MonthKey, lastDay: number): NewCardsSeries {
  const daily = from === to
  const periods: number[] = daily
    ? Array.from({ length: lastDay - firstDayOf(to) + 1 }, (_, i) => firstDayOf(to) + i)
    : monthsBetween(from, to)
  const rows = (daily ? stmts(db).newByDay : stmts(db).newByMonth).all(firstDayOf(from), lastDay) as {
    period: number
    source: string
    n: number
  }[]
  const found = new Set(rows.map((r) => r.source))
  const sources = [
    ...SOURCES.filter((s) => found.has(s)),
    ...[...found].filter((s) => !(SOURCES as readonly string[]).includes(s)).sort(),
  ]
  const index = new Map(periods.map((p, i) => [p, i]))
  const counts = sources.map(() => periods.map(() => 0))
  for (const r of rows) counts[sources.indexOf(r.source)]![index.get(r.period)!]! += r.n
  return {
    granularity: daily ? 'day' : 'month',
    periods: periods.map((p) => (daily ? formatYmd(intToYmd(p)) : monthText(p))),
    sources,
    counts,
  }
}

function sales(db: Db, months: MonthKey[], department: string | null): SalesSeries {
  const st = stmts(db)
  const from = months[0]!
  const to = months[months.length - 1]!
  const keep = (d: string) => !department || d === department
  const cells = new Map<string, SalesCell>()
  const cell = (month: MonthKey, dep: string) => {
    const key = `${month}|${dep}`
    let c = cells.get(key)
    if (!c) cells.set(key, (c = { month: monthText(month), department: dep, vipFen: 0, storeFen: null, share: null }))
    return c
  }
  for (const r of st.sales.all(from, to) as { month: number; department: string; fen: number }[])
    if (keep(r.department)) cell(r.month, r.department).vipFen += r.fen
  for (const r of st.store.all(from, to) as { month: number; department: string; fen: number }[])
    if (keep(r.department)) cell(r.month, r.department).storeFen = r.fen
  for (const c of cells.values()) c.share = c.storeFen ? c.vipFen / c.storeFen : null
  const departments = [...new Set([...cells.values()].map((c) => c.department))].sort(compareDepartments)
  const totals = months.map((m) => {
    const f = salesFigures(db, m, department)
    return { month: monthText(m), vipFen: f.vipSales, storeFen: f.storeSales, share: f.vipShare }
  })
  const order = (c: SalesCell) => `${c.month}|${String(departments.indexOf(c.department)).padStart(4, '0')}`
  return {
    months: months.map(monthText),
    departments,
    cells: [...cells.values()].sort((a, b) => order(a).localeCompare(order(b))),
    totals,
  }
}

function tiers(db: Db): { tier: string; members: number }[] {
  const counts = new Map((stmts(db).tiers.all() as { tier: string; n: number }[]).map((r) => [r.tier, r.n]))
  const names = tierNames(getSettings(db))
  const extra = [...counts.keys()].filter((t) => !names.includes(t)).sort()
  return [...names, ...extra].map((tier) => ({ tier, members: counts.get(tier) ?? 0 }))
}

function league(db: Db, to: MonthKey, department: string | null): DashboardData['league'] {
  const l = monthlyLeague(db, { month: monthText(to) })
  if (!department) return l
  const staff = new Set(stmts(db).staffDepartment.all(department) as number[])
  const rows = l.rows.filter((r) => staff.has(r.staffId))
  return { month: l.month, rows, winners: rows.filter((r) => r.winner).map((r) => r.staff) }
}

/** Everything the dashboard shows, worked out from the monthly sums, the indexes and small tables. */
export function computeDashboard(db: Db, input: DashboardQuery): DashboardData {
  const { from, to, department } = range(db, input)
  const months = monthsBetween(from, to)
  const lastDay = referenceDay(db, to)
  const previous = shiftMonth(to, -1)
  const { current, previous: before } = kpiWithPrevious(db, to, department)
  const yearSales = stmts(db).salesSince.get(shiftMonth(to, -11), to) as number
  return {
    from: monthText(from),
    to: monthText(to),
    department,
    asOf: formatYmd(intToYmd(lastDay)),
    generatedAt: db.now().getTime(),
    timeZone: storeZone(db),
    departments: (stmts(db).departments.all() as string[]).sort(compareDepartments),
    kpi: {
      month: monthText(to),
      previousMonth: monthText(previous),
      current,
      previous: before,
      avgSpendFen: current.activeCards ? Math.round(yearSales / current.activeCards) : null,
    },
    newCards: newCards(db, from, to, lastDay),
    sales: sales(db, months, department),
    tiers: tiers(db),
    points: months.map((m) => {
      const p = pointsFigures(db, m, department)
      return {
        month: monthText(m),
        issued: p.pointsIssued,
        redeemed: p.pointsRedeemed,
        expired: p.pointsExpired,
        outstanding: p.pointsOutstanding,
      }
    }),
    giftAlerts: lowStock(db).map((g) => ({
      code: g.code,
      name: g.name,
      onHand: g.onHand,
      reorderLevel: g.reorderLevel,
    })),
    birthdayMail: months.map((m) => {
      const a = monthCostActuals(db, monthText(m))
      return { month: monthText(m), cards: a.cards.count, smsMessages: a.sms?.messages ?? 0, costFen: a.totalFen }
    }),
    league: league(db, to, department),
    vouchers: voucherLiability(db, months),
    referrals: referralsByReferrer(db, from, to),
  }
}

/** Answers kept per connection: a few filter choices, each valid until the next write. */
const CACHED_QUERIES = 8
const cache = new WeakMap<Db, { version: string; answers: Map<string, DashboardData> }>()

/**
 * The dashboard, worked out again only when something was written since the last answer (or the
 * day changed): planners flick between filters and back, and the screen refreshes on focus.
 */
export function dashboardData(db: Db, input: DashboardQuery): DashboardData {
  const st = stmts(db)
  const version = [
    st.version.get() as number,
    db.sqlite.pragma('data_version', { simple: true }) as number,
    storeDayInt(db),
  ].join('|')
  let kept = cache.get(db)
  if (!kept || kept.version !== version) cache.set(db, (kept = { version, answers: new Map() }))
  const key = JSON.stringify(parseInput(querySchema, input))
  const hit = kept.answers.get(key)
  if (hit) return hit
  const data = computeDashboard(db, input)
  if (kept.answers.size >= CACHED_QUERIES) kept.answers.delete(kept.answers.keys().next().value!)
  kept.answers.set(key, data)
  return data
}
