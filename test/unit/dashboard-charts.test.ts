import { SVGRenderer } from 'echarts/renderers'
import { init, use, type EChartsCoreOption } from 'echarts/core'
import { describe, expect, it } from 'vitest'
import {
  birthdayMailOption,
  DASHBOARD_CHART_PARTS,
  leagueOption,
  newCardsOption,
  pointsOption,
  salesOption,
  tiersOption,
} from '../../db/print/charts/dashboardCharts'
import { moneyScale } from '../../db/print/charts/chartScale'

use([SVGRenderer, ...DASHBOARD_CHART_PARTS])

function svg(option: EChartsCoreOption): string {
  const chart = init(null, null, { renderer: 'svg', ssr: true, width: 600, height: 300 })
  try {
    chart.setOption(option)
    return chart.renderToSVGString()
  } finally {
    chart.dispose()
  }
}

const sales = {
  months: ['2026-02', '2026-03'],
  departments: ['营业一课', ''],
  cells: [
    { month: '2026-02', department: '营业一课', vipFen: 12_345_600, storeFen: 50_000_000, share: 0.246912 },
    { month: '2026-03', department: '', vipFen: 100, storeFen: null, share: null },
  ],
  totals: [
    { month: '2026-02', vipFen: 12_345_600, storeFen: 50_000_000, share: 0.246912 },
    { month: '2026-03', vipFen: 100, storeFen: 0, share: null },
  ],
}

describe('dashboard chart options', () => {
  it('draws new cards stacked by source, with the periods as categories for drill-down', () => {
    const o = newCardsOption(
      {
        granularity: 'month',
        periods: ['2025-12', '2026-01'],
        sources: ['社区', '推荐'],
        counts: [
          [3, 1],
          [0, 2],
        ],
      },
      { print: true },
    ) as { animation: boolean; xAxis: { data: string[] }; series: { name: string; stack: string; data: number[] }[] }
    expect(o.animation).toBe(false)
    expect(o.xAxis.data).toEqual(['2025-12', '2026-01'])
    expect(o.series.map((s) => [s.name, s.stack, s.data])).toEqual([
      ['社区', 'cards', [3, 1]],
      ['推荐', 'cards', [0, 2]],
    ])
    const out = svg(o)
    expect(out).toContain('开卡数')
    expect(out).toContain('2025年12月')
    expect(out).toContain('2026年1月')
  })

  it('shows VIP sales in 万元 once large, the share in percent, and names the unbooked department', () => {
    const o = salesOption(sales, { print: true }) as {
      yAxis: { name: string }[]
      series: { name: string; data: (number | string)[]; stack?: string }[]
    }
    expect(o.yAxis[0]!.name).toBe('VIP 销售额（万元）')
    expect(o.series.map((s) => s.name)).toEqual(['营业一课', '未分课别', 'VIP 占比'])
    expect(o.series[0]!.data).toEqual([12.3, 0])
    expect(o.series[0]!.stack).toBe('vip')
    expect(o.series[2]!.data).toEqual([24.7, '-'])
    expect((salesOption(sales, { grouped: true }) as { series: { stack?: string }[] }).series[0]!.stack).toBeUndefined()
    expect(svg(o)).toContain('VIP 占比')
  })

  it('keeps 元 for small amounts', () => {
    expect(moneyScale([9_999_999, null])).toEqual({ unit: '元', divisor: 100 })
    expect(moneyScale([-10_000_000])).toEqual({ unit: '万元', divisor: 1_000_000 })
  })

  it('draws tiers as a donut without empty slices', () => {
    const o = tiersOption(
      [
        { tier: '普卡', members: 7 },
        { tier: '金卡', members: 0 },
      ],
      { print: true },
    ) as { series: { data: { name: string; value: number }[] }[] }
    expect(o.series[0]!.data).toEqual([{ name: '普卡', value: 7 }])
    expect(svg(o)).toContain('普卡')
  })

  it('draws points as positive bars and the balance on the right axis', () => {
    const o = pointsOption([{ month: '2026-03', issued: 500, redeemed: 200, expired: 30, outstanding: 9000 }], {
      print: true,
    }) as { series: { name: string; data: number[]; yAxisIndex?: number }[] }
    expect(o.series.map((s) => [s.name, s.data[0], s.yAxisIndex ?? 0])).toEqual([
      ['发放', 500, 0],
      ['兑换', 200, 0],
      ['过期', 30, 0],
      ['积分余额', 9000, 1],
    ])
    expect(svg(o)).toContain('积分余额')
  })

  it('draws birthday cards with their cost in 元', () => {
    const o = birthdayMailOption([{ month: '2026-03', cards: 12, smsMessages: 0, costFen: 3456 }], { print: true }) as {
      series: { data: number[] }[]
    }
    expect(o.series[1]!.data).toEqual([34.56])
    expect(svg(o)).toContain('成本（元）')
  })

  it('highlights the league winner', () => {
    const o = leagueOption(
      {
        month: '2026-03',
        rows: [
          { staff: '王芳', average: 2.25, winner: true, vips: 4, purchases: 9 },
          { staff: '李强', average: 1, winner: false, vips: 2, purchases: 2 },
        ],
      },
      { print: true },
    ) as { series: { data: { value: number; itemStyle: { color: string } }[] }[] }
    const [a, b] = o.series[0]!.data
    expect(a!.value).toBe(2.3)
    expect(a!.itemStyle.color).not.toBe(b!.itemStyle.color)
    const out = svg(o)
    expect(out).toContain('王芳')
    expect(out).toContain('2026年3月 人均交易笔数')
  })
})
