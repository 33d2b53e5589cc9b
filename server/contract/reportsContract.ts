/**
 * 报表: the planners' calls, part of the one contract (contract.ts spreads them in): the dashboard,
 * store sales, each chart's table as .xlsx / PDF, and the monthly programme report.
 */
import type { DashboardData, DashboardQuery } from '../../db/services/reports/dashboard'
import type { Kpi } from '../../db/services/reports/kpi'
import type {
  SaveStoreSalesInput,
  StoreSalesImportResult,
  StoreSalesQuery,
  StoreSalesRow,
} from '../../db/services/reports/storeSales'
import type { ReportChartId, ReportTable } from '../../db/services/reports/tables'
import { REPORT_READERS } from '../../db/rules/roles'
import { call, SHEET_FILES } from './call'

export const reportCalls = {
  // 报表 · the planners' dashboard (handlers/reports.ts): worked out again only after a write.
  'reports:dashboard': call<DashboardQuery, DashboardData>(REPORT_READERS),
  'reports:kpi': call<{ month: string }, Kpi>(REPORT_READERS),
  // 报表 · store sales (handlers/storeSales.ts): the denominator of the VIP share
  'reports:storeSales': call<StoreSalesQuery, StoreSalesRow[]>(REPORT_READERS),
  'reports:storeSalesSave': call<SaveStoreSalesInput, StoreSalesRow>(REPORT_READERS),
  'reports:storeSalesDelete': call<{ month: string; department: string }, { deleted: boolean }>(REPORT_READERS),
  /** File dialog in main, then the import (all rows or none); null when cancelled. */
  'reports:storeSalesImport': call<void, StoreSalesImportResult | null>(REPORT_READERS, { opens: SHEET_FILES }),
  // 报表 · each chart as a table (.xlsx, A4 landscape PDF) and the monthly programme report (handlers/reportPrint.ts)
  'reports:table': call<{ chart: ReportChartId; query: DashboardQuery }, ReportTable>(REPORT_READERS),
  /** Save dialog in main; null when cancelled. */
  'reports:tableXlsx': call<{ chart: ReportChartId; query: DashboardQuery }, { file: string } | null>(REPORT_READERS),
  'reports:tablePdf': call<{ chart: ReportChartId; query: DashboardQuery }, { file: string } | null>(REPORT_READERS),
  'reports:tablePrint': call<{ chart: ReportChartId; query: DashboardQuery }, { printed: boolean }>(REPORT_READERS),
  /** The month's programme report (KPIs, charts, tables) as printable HTML, for the in-app preview. */
  'reports:monthly': call<{ month: string; department?: string | null }, { html: string; month: string }>(
    REPORT_READERS,
  ),
  'reports:monthlySave': call<{ month: string; department?: string | null }, { file: string } | null>(REPORT_READERS),
  'reports:monthlyPrint': call<{ month: string; department?: string | null }, { printed: boolean }>(REPORT_READERS),
} as const
