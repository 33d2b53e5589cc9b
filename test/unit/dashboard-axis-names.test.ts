import { SVGRenderer } from 'echarts/renderers'
import { init, use, type EChartsCoreOption } from 'echarts/core'
import { describe, expect, it } from 'vitest'
import {
  birthdayMailOption,
  DASHBOARD_CHART_PARTS,
  pointsOption,
  salesOption,
} from '../../db/print/charts/dashboardCharts'

use([SVGRenderer, ...DASHBOARD_CHART_PARTS])

/** The axis titles (11 px, grey) of a chart drawn at a size, with how far they reach left and right. */
function axisNames(option: EChartsCoreOption, width: number) {
  const chart = init(null, null, { renderer: 'svg', ssr: true, width, height: 260 })
  chart.setOption(option)
  const svg = chart.renderToSVGString()
  chart.dispose()
  const names = []
  for (const m of svg.matchAll(/<text([^>]*font-size:11px[^>]*fill="#666"[^>]*)>([^<]+)<\/text>/g)) {
    const attrs = m[1]!
    const text = m[2]!
    const x = Number(/translate\(([-\d.]+)/.exec(attrs)?.[1] ?? 0) + Number(/ x="([-\d.]+)"/.exec(attrs)?.[1] ?? 0)
    // A CJK character is as wide as the font size; Latin letters, digits and spaces about 0.6 of it.
    const w = [...text].reduce((s, c) => s + (/[\u3000-\u9fff\uff00-\uffef]/.test(c) ? 11 : 6.6), 0)
    const anchor = /text-anchor="(\w+)"/.exec(attrs)?.[1] ?? 'start'
    const left = anchor === 'middle' ? x - w / 2 : anchor === 'end' ? x - w : x
    names.push({ text, left, right: left + w })
  }
  return names
}

const months = ['2026-01', '2026-02', '2026-03']
const CHARTS: [string, EChartsCoreOption][] = [
  [
    'sales (右轴 VIP 占比)',
    salesOption(
      {
        months,
        departments: ['营业一课'],
        cells: months.map((month) => ({
          month,
          department: '营业一课',
          vipFen: 150_000,
          storeFen: 600_000,
          share: 0.25,
        })),
        totals: months.map((month) => ({ month, vipFen: 150_000, storeFen: 600_000, share: 0.25 })),
      } as never,
      { print: true },
    ),
  ],
  [
    'points (右轴 积分余额)',
    pointsOption(
      months.map((month) => ({ month, issued: 5, redeemed: 2, expired: 0, outstanding: 9 })),
      { print: true },
    ),
  ],
  [
    'birthday mail (右轴 成本)',
    birthdayMailOption(
      months.map((month) => ({ month, cards: 2, smsMessages: 0, costFen: 400 })),
      { print: true },
    ),
  ],
]

describe('dashboard and monthly report charts: axis titles', () => {
  for (const [name, option] of CHARTS)
    for (const width of [1030, 480]) {
      it(`${name} at ${width} px: both axis titles inside the picture`, () => {
        const names = axisNames(option, width)
        expect(names.length, 'two axis titles').toBe(2)
        for (const n of names) {
          expect(n.left, `${n.text} left`).toBeGreaterThanOrEqual(0)
          expect(n.right, `${n.text} right`).toBeLessThanOrEqual(width)
        }
      })
    }
})
