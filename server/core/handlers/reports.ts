import { dashboardData } from '../../../db/services/reports/dashboard'
import { monthKpi } from '../../../db/services/reports/kpi'
import type { Handlers } from '../dispatch'

/** 报表: the dashboard's figures and one month's KPIs. */
export const reportsHandlers = {
  'reports:dashboard': (input, ctx) => dashboardData(ctx.state.db, input),
  'reports:kpi': (input, ctx) => monthKpi(ctx.state.db, input),
} satisfies Partial<Handlers>
