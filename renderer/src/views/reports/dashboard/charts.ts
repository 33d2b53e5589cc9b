import { use } from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
// The option builders are pure data → object functions, shared with the printed monthly report so
// screen and paper draw the same charts; db/print/charts has no runtime dependency but echarts.
import { DASHBOARD_CHART_PARTS } from '../../../../../db/print/charts/dashboardCharts'

use([CanvasRenderer, ...DASHBOARD_CHART_PARTS])

export * from '../../../../../db/print/charts/dashboardCharts'
