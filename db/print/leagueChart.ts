import { BarChart } from 'echarts/charts'
import { GridComponent } from 'echarts/components'
import { init, use } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import { FONT_SANS } from './document'

// Server-side SVG needs no DOM: the printed page runs no script, so the chart arrives as markup.
use([SVGRenderer, BarChart, GridComponent])

export interface ChartBar {
  label: string
  value: number
  /** drawn in the winner's colour */
  highlight: boolean
}

/**
 * The league's bar chart (average purchases per VIP) as an inline SVG string. Width and height are
 * in CSS px (96 per inch): 680 × 250 is 180 mm × 66 mm on paper.
 */
export function leagueBarsSvg(bars: ChartBar[], width = 680, height = 250): string {
  const chart = init(null, null, { renderer: 'svg', ssr: true, width, height })
  try {
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: FONT_SANS },
      grid: { left: 8, right: 16, top: 28, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
      xAxis: {
        type: 'category',
        data: bars.map((b) => b.label),
        axisTick: { show: false },
        axisLabel: { interval: 0, fontSize: 11, color: '#333', rotate: bars.length > 10 ? 30 : 0 },
      },
      yAxis: {
        type: 'value',
        name: '人均交易笔数',
        nameTextStyle: { fontSize: 10, color: '#666', align: 'left' },
        axisLabel: { fontSize: 10, color: '#666' },
        splitLine: { lineStyle: { color: '#e5e5e5' } },
      },
      series: [
        {
          type: 'bar',
          barMaxWidth: 36,
          data: bars.map((b) => ({
            value: Math.round(b.value * 10) / 10,
            itemStyle: { color: b.highlight ? '#b8860b' : '#2f6f8f' },
          })),
          label: { show: true, position: 'top', fontSize: 10, formatter: (p: { value: number }) => p.value.toFixed(1) },
        },
      ],
    })
    return chart.renderToSVGString()
  } finally {
    chart.dispose()
  }
}
