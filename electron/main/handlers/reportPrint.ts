import { dashboardData } from '../../../db/services/reports/dashboard'
import { reportTable } from '../../../db/services/reports/tables'
import type { Handlers } from '../dispatch'

/** 报表: each chart's table as .xlsx or PDF, and the monthly programme report. */
export const reportPrintHandlers = {
  'reports:table': (input, ctx) => reportTable(dashboardData(ctx.state.db, input.query), input.chart),
  'reports:tableXlsx': () => null,
  'reports:tablePdf': () => null,
  'reports:tablePrint': () => ({ printed: false }),
  'reports:monthly': (input) => ({ html: '', month: input.month }),
  'reports:monthlySave': () => null,
  'reports:monthlyPrint': () => ({ printed: false }),
} satisfies Partial<Handlers>
