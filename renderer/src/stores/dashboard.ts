import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { DashboardData, DashboardQuery } from '../../../db/services/reports/dashboard'
import type { ReportChartId } from '../../../db/services/reports/tables'
import { call } from '@/api/client'
import { monthFromNow } from './careLeague'

/**
 * 仪表盘: one query (month range + 课别) and the one answer every card and chart on the screen is
 * drawn from. The filters survive leaving the tab, so a drill-down and back lands where it was.
 */
export const useDashboardStore = defineStore('dashboard', () => {
  const from = ref(monthFromNow(-11))
  const to = ref(monthFromNow(0))
  const department = ref<string | null>(null)
  const data = shallowRef<DashboardData | null>(null)
  const loading = ref(false)
  const failed = ref(false)
  let sequence = 0

  const query = computed<DashboardQuery>(() => ({ from: from.value, to: to.value, department: department.value }))

  async function load() {
    // Flicking through filters fires several loads; only the newest answer may be drawn.
    const mine = ++sequence
    loading.value = true
    try {
      const answer = await call('reports:dashboard', query.value)
      if (mine !== sequence) return
      data.value = answer
      failed.value = false
    } catch (e) {
      if (mine === sequence) failed.value = true
      throw e
    } finally {
      if (mine === sequence) loading.value = false
    }
  }

  const table = (chart: ReportChartId) => call('reports:table', { chart, query: query.value })
  const tableXlsx = (chart: ReportChartId) => call('reports:tableXlsx', { chart, query: query.value })
  const tablePdf = (chart: ReportChartId) => call('reports:tablePdf', { chart, query: query.value })
  const tablePrint = (chart: ReportChartId) => call('reports:tablePrint', { chart, query: query.value })
  const monthlyInput = () => ({ month: to.value, department: department.value })
  const monthly = () => call('reports:monthly', monthlyInput())
  const monthlySave = () => call('reports:monthlySave', monthlyInput())
  const monthlyPrint = () => call('reports:monthlyPrint', monthlyInput())

  return {
    from,
    to,
    department,
    data,
    loading,
    failed,
    query,
    load,
    table,
    tableXlsx,
    tablePdf,
    tablePrint,
    monthly,
    monthlySave,
    monthlyPrint,
  }
})
