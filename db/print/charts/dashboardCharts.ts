import { BarChart, LineChart, PieChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import type { EChartsCoreOption } from 'echarts/core'
import type { LeagueRow } from '../../services/care/league'
import type { BirthdayMailRow, NewCardsSeries, PointsRow, SalesSeries } from '../../services/reports/dashboard'
import type { VoucherLiabilityRow } from '../../services/reports/voucherReports'
import {
  departmentLabel,
  inUnit,
  LINE_COLOUR,
  moneyScale,
  PALETTE,
  periodChinese,
  sharePercent,
  WINNER_COLOUR,
} from './chartScale'

/**
 * The dashboard's charts as ECharts options, one builder per chart, shared by the screen (canvas)
 * and the printed monthly report (server-side SVG). Category data are the raw periods ('YYYY-MM' or
 * 'YYYY-MM-DD') and series names the raw source / department, so a click handler can drill down
 * from `params.name` / `params.seriesName` without parsing labels.
 */

/** What these options draw with; the caller adds its renderer (CanvasRenderer or SVGRenderer). */
export const DASHBOARD_CHART_PARTS = [BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent]

export interface ChartStyle {
  /** For paper: no animation, no tooltips, the figures written on the chart where they fit. */
  print?: boolean
  /** The page's font (the printed report passes its CJK stack). */
  fontFamily?: string
}

type Option = EChartsCoreOption

function base(style: ChartStyle): Option {
  return {
    animation: !style.print,
    // No entry animation: a chart is complete the moment it first paints. Changes (a filter) still
    // move, briefly, so the eye can follow what changed.
    animationDuration: 0,
    animationDurationUpdate: 300,
    color: PALETTE,
    ...(style.fontFamily ? { textStyle: { fontFamily: style.fontFamily } } : {}),
  }
}

// 'all' keeps the axis titles inside the picture as well as the labels: a right-axis title such as
// 成本（元） or VIP 占比 sits centred over its axis and was cut off at the edge with 'axisLabel'.
const grid = { left: 8, right: 12, top: 40, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'all' }
const legend = (print?: boolean) => ({ top: 0, type: print ? 'plain' : 'scroll', itemWidth: 14, itemHeight: 10 })
const splitLine = { lineStyle: { color: '#eee' } }
const axisName = { fontSize: 11, color: '#666' }

/** Month axes read '3月' except the first month and each January, which carry the year. */
function periodAxis(periods: string[]) {
  return {
    type: 'category',
    data: periods,
    axisTick: { show: false },
    axisLabel: {
      hideOverlap: true,
      formatter: (value: string, index: number) => {
        const [y, m, d] = value.split('-')
        if (d) return index === 0 || d === '01' ? `${Number(m)}月${Number(d)}日` : `${Number(d)}日`
        return index === 0 || m === '01' ? `${y}年${Number(m)}月` : `${Number(m)}月`
      },
    },
  }
}

function tooltip(style: ChartStyle, extra: Record<string, unknown> = {}) {
  return style.print ? { show: false } : { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true, ...extra }
}

/** 新开卡：bars per day (one month) or month, stacked by source. */
export function newCardsOption(s: NewCardsSeries, style: ChartStyle = {}): Option {
  return {
    ...base(style),
    grid,
    legend: legend(style.print),
    // One segment at a time: a click opens that source's members of that period.
    tooltip: style.print
      ? { show: false }
      : {
          trigger: 'item',
          confine: true,
          formatter: (p: { seriesName: string; name: string; value: number }) =>
            `${periodChinese(p.name)}<br/>${p.seriesName}：${p.value} 张<br/><span style="color:#888">点击查看会员</span>`,
        },
    xAxis: periodAxis(s.periods),
    yAxis: { type: 'value', name: '开卡数', minInterval: 1, nameTextStyle: axisName, splitLine },
    series: s.sources.map((source, i) => ({
      type: 'bar',
      name: source,
      stack: 'cards',
      barMaxWidth: 28,
      emphasis: { focus: 'series' },
      data: s.counts[i] ?? [],
    })),
  }
}

/**
 * VIP 销售额 per department per month (stacked, or side by side with `grouped`), and the VIP share
 * of the store's sales from the month's totals as a line on a second, percent axis.
 */
export function salesOption(s: SalesSeries, style: ChartStyle & { grouped?: boolean } = {}): Option {
  const scale = moneyScale([...s.cells.map((c) => c.vipFen), ...s.totals.map((t) => t.vipFen)])
  const byKey = new Map(s.cells.map((c) => [`${c.month}|${c.department}`, c.vipFen]))
  const bars = s.departments.map((d) => ({
    type: 'bar',
    name: departmentLabel(d),
    ...(style.grouped ? {} : { stack: 'vip' }),
    barMaxWidth: 28,
    emphasis: { focus: 'series' },
    data: s.months.map((m) => inUnit(byKey.get(`${m}|${d}`) ?? 0, scale)),
  }))
  const share = {
    type: 'line',
    name: 'VIP 占比',
    yAxisIndex: 1,
    connectNulls: false,
    symbolSize: 6,
    itemStyle: { color: LINE_COLOUR },
    lineStyle: { color: LINE_COLOUR, width: 2 },
    data: s.totals.map((t) => sharePercent(t.share) ?? '-'),
    tooltip: { valueFormatter: (v: number | string) => (typeof v === 'number' ? `${v}%` : '未录入全店销售') },
  }
  return {
    ...base(style),
    grid,
    legend: legend(style.print),
    tooltip: tooltip(style, { valueFormatter: (v: number) => `${v} ${scale.unit}` }),
    xAxis: periodAxis(s.months),
    yAxis: [
      { type: 'value', name: `VIP 销售额（${scale.unit}）`, nameTextStyle: axisName, splitLine },
      {
        type: 'value',
        name: 'VIP 占比',
        min: 0,
        nameTextStyle: axisName,
        axisLabel: { formatter: '{value}%' },
        splitLine: { show: false },
      },
    ],
    series: [...bars, share],
  }
}

/** 会员等级分布：a donut, each slice labelled with its count and share. */
export function tiersOption(tiers: { tier: string; members: number }[], style: ChartStyle = {}): Option {
  return {
    ...base(style),
    legend: { ...legend(style.print), left: 'center' },
    tooltip: style.print
      ? { show: false }
      : { trigger: 'item', formatter: '{b}：{c} 人（{d}%）<br/><span style="color:#888">点击查看会员</span>' },
    series: [
      {
        type: 'pie',
        name: '会员等级',
        radius: ['38%', '66%'],
        center: ['50%', '56%'],
        avoidLabelOverlap: true,
        label: { formatter: '{b}\n{c} 人 {d}%', fontSize: 11 },
        data: tiers.filter((t) => t.members > 0).map((t) => ({ name: t.tier, value: t.members })),
      },
    ],
  }
}

/** 积分：issued / redeemed / expired per month as bars, the outstanding balance as a line (right axis). */
export function pointsOption(rows: PointsRow[], style: ChartStyle = {}): Option {
  const bar = (name: string, pick: (r: PointsRow) => number) => ({
    type: 'bar',
    name,
    barMaxWidth: 18,
    data: rows.map((r) => Math.abs(pick(r))),
  })
  return {
    ...base(style),
    grid,
    legend: legend(style.print),
    tooltip: tooltip(style, { valueFormatter: (v: number) => `${v.toLocaleString('zh-CN')} 分` }),
    xAxis: periodAxis(rows.map((r) => r.month)),
    yAxis: [
      { type: 'value', name: '当月积分', nameTextStyle: axisName, splitLine },
      { type: 'value', name: '积分余额', nameTextStyle: axisName, splitLine: { show: false } },
    ],
    series: [
      bar('发放', (r) => r.issued),
      bar('兑换', (r) => r.redeemed),
      bar('过期', (r) => r.expired),
      {
        type: 'line',
        name: '积分余额',
        yAxisIndex: 1,
        symbolSize: 6,
        itemStyle: { color: LINE_COLOUR },
        lineStyle: { color: LINE_COLOUR, width: 2 },
        data: rows.map((r) => r.outstanding),
      },
    ],
  }
}

/** 生日贺卡：cards sent per month as bars, the month's cost (元) as a line on the right axis. */
export function birthdayMailOption(rows: BirthdayMailRow[], style: ChartStyle = {}): Option {
  const scale = moneyScale(rows.map((r) => r.costFen))
  return {
    ...base(style),
    grid,
    legend: legend(style.print),
    tooltip: tooltip(style),
    xAxis: periodAxis(rows.map((r) => r.month)),
    yAxis: [
      { type: 'value', name: '寄出贺卡（张）', minInterval: 1, nameTextStyle: axisName, splitLine },
      { type: 'value', name: `成本（${scale.unit}）`, nameTextStyle: axisName, splitLine: { show: false } },
    ],
    series: [
      {
        type: 'bar',
        name: '贺卡',
        barMaxWidth: 24,
        data: rows.map((r) => r.cards),
        tooltip: { valueFormatter: (v: number) => `${v} 张` },
      },
      {
        type: 'line',
        name: '成本',
        yAxisIndex: 1,
        symbolSize: 6,
        itemStyle: { color: LINE_COLOUR },
        lineStyle: { color: LINE_COLOUR, width: 2 },
        data: rows.map((r) => inUnit(r.costFen, scale)),
        tooltip: { valueFormatter: (v: number) => `${v} ${scale.unit}` },
      },
    ],
  }
}

/** 维护评比：average purchases per VIP for each maintainer, best at the top, winners in gold. */
export function leagueOption(
  league: { month: string; rows: Pick<LeagueRow, 'staff' | 'average' | 'winner' | 'vips' | 'purchases'>[] },
  style: ChartStyle = {},
): Option {
  const rows = league.rows
  return {
    ...base(style),
    grid: { ...grid, right: 48, top: 8, bottom: 32 },
    tooltip: tooltip(style, { valueFormatter: (v: number) => `${v.toFixed(1)} 笔/人` }),
    xAxis: {
      type: 'value',
      name: `${periodChinese(league.month)} 人均交易笔数`,
      nameLocation: 'middle',
      nameGap: 24,
      nameTextStyle: axisName,
      splitLine,
    },
    yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.staff), axisTick: { show: false } },
    series: [
      {
        type: 'bar',
        name: '人均交易笔数',
        barMaxWidth: 20,
        data: rows.map((r) => ({
          value: Math.round(r.average * 10) / 10,
          itemStyle: { color: r.winner ? WINNER_COLOUR : PALETTE[0] },
        })),
        label: { show: true, position: 'right', formatter: (p: { value: number }) => p.value.toFixed(1) },
      },
    ],
  }
}

/** Pixels a horizontal league chart needs so every maintainer's bar stays legible. */
export const leagueChartHeight = (rows: number): number => Math.max(160, rows * 28 + 56)

/** 券负债: each month's vouchers issued, used and expired as bars, the value outstanding at its end as a line (元). */
export function vouchersOption(months: string[], rows: VoucherLiabilityRow[], style: ChartStyle = {}): Option {
  const scale = moneyScale(rows.flatMap((r) => [r.issued, r.outstanding]))
  const per = (pick: (r: VoucherLiabilityRow) => number) =>
    months.map((m) =>
      inUnit(
        rows.filter((r) => r.month === m).reduce((s, r) => s + pick(r), 0),
        scale,
      ),
    )
  const money = { valueFormatter: (v: number) => `${v.toLocaleString('zh-CN')} ${scale.unit}` }
  const bar = (name: string, pick: (r: VoucherLiabilityRow) => number) => ({
    type: 'bar',
    name,
    barMaxWidth: 18,
    data: per(pick),
    tooltip: money,
  })
  return {
    ...base(style),
    grid,
    legend: legend(style.print),
    tooltip: tooltip(style),
    xAxis: periodAxis(months),
    yAxis: [
      { type: 'value', name: `当月（${scale.unit}）`, nameTextStyle: axisName, splitLine },
      { type: 'value', name: `月末未用（${scale.unit}）`, nameTextStyle: axisName, splitLine: { show: false } },
    ],
    series: [
      bar('发放', (r) => r.issued),
      bar('使用', (r) => r.used),
      bar('过期', (r) => r.expired),
      {
        type: 'line',
        name: '月末未用',
        yAxisIndex: 1,
        symbolSize: 6,
        itemStyle: { color: LINE_COLOUR },
        lineStyle: { color: LINE_COLOUR, width: 2 },
        data: per((r) => r.outstanding),
        tooltip: money,
      },
    ],
  }
}
