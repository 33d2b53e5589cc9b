import { formatYmd } from '../../rules/dates'
import { ymdInZone } from '../../rules/storeClock'
import { validationError } from '../../errors'
import { departmentLabel } from '../../print/charts/chartScale'
import { monthChinese, monthKeyOf } from '../../rules/months'
import type { DashboardData } from './dashboard'
import { referralsTable, vouchersTable } from './voucherTables'

/** The dashboard's charts, each of which can be shown, exported and printed as a table. */
export const REPORT_CHARTS = [
  'newCards',
  'sales',
  'tiers',
  'points',
  'giftAlerts',
  'birthdayMail',
  'league',
  'vouchers',
  'referrals',
] as const
export type ReportChartId = (typeof REPORT_CHARTS)[number]

/** How a number is shown: counts and points as integers, fen as 元, share as %, average to 0.1. */
export type ReportCellKind = 'text' | 'count' | 'fen' | 'share' | 'points' | 'average'

export interface ReportColumn {
  key: string
  title: string
  /** how the xlsx and the printed table format the cells */
  kind: ReportCellKind
  /** a change: shown with its sign (+12, −3) */
  signed?: boolean
  /** the cells take their kind from the table's rowKinds (a column of mixed figures) */
  byRow?: boolean
}

export type ReportRow = Record<string, string | number | null>

/** A chart's data as rows: what the screen's table shows, the xlsx holds and the PDF prints. */
export interface ReportTable {
  chart: ReportChartId
  title: string
  /** 2026年1月—2026年11月 · 营业一课 */
  period: string
  columns: ReportColumn[]
  rows: ReportRow[]
  /** Indexes of rows that sum up the rows before them (a month's departments): shown bold */
  subtotals?: number[]
  /** A row's own kind for its numbers, where rows differ (the KPI table: counts, 元, shares) */
  rowKinds?: (ReportCellKind | undefined)[]
  /** e.g. a totals line, same keys as rows */
  footer?: ReportRow
  note?: string
}

/** Short names for files: `VIP销售占比-2026-01至2026-11.xlsx`. */
export const REPORT_TITLES: Record<ReportChartId, string> = {
  newCards: '新开卡来源',
  sales: 'VIP销售占比',
  tiers: '会员等级分布',
  points: '积分发放与余额',
  giftAlerts: '礼品库存预警',
  birthdayMail: '生日关怀寄送',
  league: '维护人月度评比',
  vouchers: '券负债',
  referrals: '推荐办卡',
}

const TOTAL = '合计'

const monthName = (text: string) => {
  const key = monthKeyOf(text)
  return key ? monthChinese(key) : text
}

/** 2026年1月—2026年11月 · 营业一课 (one month alone; 全店 without a department). */
export function periodText(data: Pick<DashboardData, 'from' | 'to' | 'department'>): string {
  const months = data.from === data.to ? monthName(data.to) : `${monthName(data.from)}—${monthName(data.to)}`
  return `${months} · ${data.department ? departmentLabel(data.department) : '全店'}`
}

/** 2026-11-23: the one date style of tables and PDFs. */
const dayName = (ms: number, zone: string) => formatYmd(ymdInZone(ms, zone))

const sum = (values: (number | null | undefined)[]) => values.reduce<number>((s, v) => s + (v ?? 0), 0)

function newCardsTable(data: DashboardData): Omit<ReportTable, 'chart' | 'title' | 'period'> {
  const nc = data.newCards
  const columns: ReportColumn[] = [
    { key: 'period', title: nc.granularity === 'day' ? '日期' : '月份', kind: 'text' },
    ...nc.sources.map((s, i) => ({ key: `s${i}`, title: s, kind: 'count' as const })),
    { key: 'total', title: TOTAL, kind: 'count' },
  ]
  const rows = nc.periods.map((period, p) => {
    const row: ReportRow = { period }
    nc.sources.forEach((_, i) => (row[`s${i}`] = nc.counts[i]![p]!))
    row.total = sum(nc.counts.map((c) => c[p]))
    return row
  })
  const footer: ReportRow = { period: TOTAL, total: sum(rows.map((r) => r.total as number)) }
  nc.sources.forEach((_, i) => (footer[`s${i}`] = sum(nc.counts[i]!)))
  return { columns, rows, footer, note: '按开卡日期和开卡来源统计，含后来注销的卡。' }
}

function salesTable(data: DashboardData): Omit<ReportTable, 'chart' | 'title' | 'period'> {
  const s = data.sales
  const columns: ReportColumn[] = [
    { key: 'month', title: '月份', kind: 'text' },
    { key: 'department', title: '课别', kind: 'text' },
    { key: 'vip', title: 'VIP销售额(元)', kind: 'fen' },
    { key: 'store', title: '全店销售额(元)', kind: 'fen' },
    { key: 'share', title: 'VIP占比', kind: 'share' },
  ]
  const rows: ReportRow[] = []
  const subtotals: number[] = []
  // A month's total sits under its departments; with one department it would only repeat it.
  const withSubtotals = !data.department && s.departments.length > 1
  for (const total of s.totals) {
    const cells = s.cells.filter((c) => c.month === total.month)
    for (const c of cells)
      rows.push({
        month: c.month,
        department: departmentLabel(c.department),
        vip: c.vipFen,
        store: c.storeFen,
        share: c.share,
      })
    if (withSubtotals || !cells.length) {
      if (withSubtotals) subtotals.push(rows.length)
      rows.push({
        month: total.month,
        department: withSubtotals ? `${TOTAL}` : '—',
        vip: total.vipFen,
        store: total.storeFen || null,
        share: total.share,
      })
    }
  }
  // The share counts only departments with a store figure, month by month, as the KPI does.
  const storeFen = sum(s.totals.map((t) => t.storeFen))
  const counted = sum(s.totals.map((t) => (t.share == null ? 0 : Math.round(t.share * t.storeFen))))
  const footer: ReportRow = {
    month: TOTAL,
    department: '',
    vip: sum(s.totals.map((t) => t.vipFen)),
    store: storeFen || null,
    share: storeFen ? counted / storeFen : null,
  }
  return {
    columns,
    rows,
    subtotals,
    footer,
    note: 'VIP占比 = VIP销售额 ÷ 全店销售额，只计有全店销售数据的课别；空白表示未录入全店销售。',
  }
}

function tiersTable(data: DashboardData): Omit<ReportTable, 'chart' | 'title' | 'period'> {
  const total = sum(data.tiers.map((t) => t.members))
  return {
    columns: [
      { key: 'tier', title: '等级', kind: 'text' },
      { key: 'members', title: '会员数', kind: 'count' },
      { key: 'share', title: '占会员比例', kind: 'share' },
    ],
    rows: data.tiers.map((t) => ({ tier: t.tier, members: t.members, share: total ? t.members / total : null })),
    footer: { tier: TOTAL, members: total, share: total ? 1 : null },
    note: '未注销的会员按当前等级统计，不受课别筛选影响。',
  }
}

function pointsTable(data: DashboardData): Omit<ReportTable, 'chart' | 'title' | 'period'> {
  const last = data.points[data.points.length - 1]
  return {
    columns: [
      { key: 'month', title: '月份', kind: 'text' },
      { key: 'issued', title: '发放积分', kind: 'points' },
      { key: 'redeemed', title: '兑换积分', kind: 'points' },
      { key: 'expired', title: '过期积分', kind: 'points' },
      { key: 'outstanding', title: '月末积分余额', kind: 'points' },
    ],
    rows: data.points.map((p) => ({ ...p })),
    footer: {
      month: TOTAL,
      issued: sum(data.points.map((p) => p.issued)),
      redeemed: sum(data.points.map((p) => p.redeemed)),
      expired: sum(data.points.map((p) => p.expired)),
      outstanding: last?.outstanding ?? null,
    },
    note: '合计行的积分余额为最后一个月的月末余额。',
  }
}

function giftAlertsTable(data: DashboardData): Omit<ReportTable, 'chart' | 'title' | 'period'> {
  return {
    columns: [
      { key: 'code', title: '礼品编号', kind: 'text' },
      { key: 'name', title: '礼品名称', kind: 'text' },
      { key: 'onHand', title: '现有库存', kind: 'count' },
      { key: 'reorderLevel', title: '补货点', kind: 'count' },
    ],
    rows: data.giftAlerts.map((g) => ({ ...g })),
    note: data.giftAlerts.length ? '库存为当前数量，低于或等于补货点的礼品。' : '没有低于补货点的礼品。',
  }
}

function birthdayMailTable(data: DashboardData): Omit<ReportTable, 'chart' | 'title' | 'period'> {
  const b = data.birthdayMail
  return {
    columns: [
      { key: 'month', title: '月份', kind: 'text' },
      { key: 'cards', title: '寄出贺卡', kind: 'count' },
      { key: 'sms', title: '短信条数', kind: 'count' },
      { key: 'cost', title: '费用(元)', kind: 'fen' },
    ],
    rows: b.map((r) => ({ month: r.month, cards: r.cards, sms: r.smsMessages, cost: r.costFen })),
    footer: {
      month: TOTAL,
      cards: sum(b.map((r) => r.cards)),
      sms: sum(b.map((r) => r.smsMessages)),
      cost: sum(b.map((r) => r.costFen)),
    },
    note: '生日关怀按寄送月份统计，全店范围。',
  }
}

function leagueTable(data: DashboardData): Omit<ReportTable, 'chart' | 'title' | 'period'> {
  return {
    columns: [
      { key: 'rank', title: '名次', kind: 'text' },
      { key: 'staff', title: '维护人', kind: 'text' },
      { key: 'department', title: '部门', kind: 'text' },
      { key: 'vips', title: '维护VIP', kind: 'count' },
      { key: 'purchases', title: '交易笔数', kind: 'count' },
      { key: 'average', title: '人均笔数', kind: 'average' },
    ],
    rows: data.league.rows.map((r) => ({
      rank: `${r.rank}${r.tied ? '=' : ''}`,
      staff: r.staff + (r.winner ? '（冠军）' : '') + (r.active ? '' : '（已离职）'),
      department: r.department,
      vips: r.vips,
      purchases: r.purchases,
      average: r.average,
    })),
    note: data.league.rows.length
      ? '人均笔数 = 交易笔数 ÷ 维护VIP数（退货不计）；= 表示并列。'
      : '本月没有维护人名下的VIP，无评比结果。',
  }
}

const BUILDERS: Record<ReportChartId, (data: DashboardData) => Omit<ReportTable, 'chart' | 'title' | 'period'>> = {
  newCards: newCardsTable,
  sales: salesTable,
  tiers: tiersTable,
  points: pointsTable,
  giftAlerts: giftAlertsTable,
  birthdayMail: birthdayMailTable,
  league: leagueTable,
  vouchers: vouchersTable,
  referrals: referralsTable,
}

/** Tiers and stock are counted now, the league for the range's last month; the rest over the range. */
function periodOf(data: DashboardData, chart: ReportChartId): string {
  if (chart === 'tiers' || chart === 'giftAlerts') return `截至 ${dayName(data.generatedAt, data.timeZone)} · 全店`
  if (chart === 'birthdayMail' || chart === 'vouchers' || chart === 'referrals')
    return periodText({ ...data, department: null })
  if (chart === 'league') return periodText({ ...data, from: data.league.month, to: data.league.month })
  return periodText(data)
}

export function reportTable(data: DashboardData, chart: ReportChartId): ReportTable {
  const build = Object.hasOwn(BUILDERS, chart) ? BUILDERS[chart] : undefined
  if (!build) throw validationError('没有这张报表', [{ field: 'chart', message: '请选择一张图表' }])
  return { chart, title: REPORT_TITLES[chart], period: periodOf(data, chart), ...build(data) }
}
