import { expect, type Locator, type Page } from '@playwright/test'

export type KpiKey = 'members' | 'activeCards' | 'newCards' | 'sleeping' | 'vipSales' | 'vipShare' | 'pointsOutstanding'

/** 报表 → 仪表盘: the filters, the KPI cards, the chart cards and their drill-downs. */
export class DashboardPage {
  readonly view: Locator
  readonly period: Locator
  readonly department: Locator
  readonly refresh: Locator

  constructor(readonly page: Page) {
    this.view = page.getByTestId('dashboard-view')
    this.period = page.getByTestId('dashboard-period')
    this.department = page.getByTestId('dashboard-department')
    this.refresh = page.getByTestId('dashboard-refresh')
  }

  async open() {
    await this.page.getByTestId('nav-reports').click()
    await this.page.getByTestId('reports-tab-dashboard').click()
    await expect(this.view).toBeVisible()
  }

  kpi(key: KpiKey) {
    const card = this.page.getByTestId(`kpi-${key}`)
    return {
      card,
      value: this.page.getByTestId(`kpi-${key}-value`),
      change: this.page.getByTestId(`kpi-${key}-change`),
      programmeWide: card.getByTestId('kpi-programme-wide'),
    }
  }

  card(chart: string): Locator {
    return this.page.getByTestId(`chart-card-${chart}`)
  }

  chart(chart: string): Locator {
    return this.page.getByTestId(`chart-${chart}`)
  }

  async chooseDepartment(label: string) {
    await this.department.click()
    await this.page.locator('.n-base-select-option').getByText(label, { exact: true }).click()
  }

  /** The 表格 toggle and the table it shows instead of the chart. */
  tableToggle(chart: string): Locator {
    return this.page.getByTestId(`chart-table-toggle-${chart}`)
  }
  table(chart: string): Locator {
    return this.page.getByTestId(`chart-table-${chart}`)
  }

  /**
   * Clicks the bar segment or slice of a canvas chart whose tooltip names `text`: the pointer walks
   * the plot until ECharts' tooltip (item trigger) shows it, which is where that shape is drawn.
   */
  async clickShape(chart: string, text: string[]) {
    const canvas = this.chart(chart).locator('canvas').first()
    const box = (await canvas.boundingBox())!
    const tooltip = this.chart(chart).locator('div', { hasText: '点击查看会员' }).last()
    for (let x = box.x + box.width - 12; x > box.x + 40; x -= 8) {
      for (let y = box.y + box.height - 24; y > box.y + 40; y -= 10) {
        await this.page.mouse.move(x, y)
        if (!(await tooltip.isVisible())) continue
        const shown = await tooltip.innerText()
        if (text.every((t) => shown.includes(t))) {
          await this.page.mouse.click(x, y)
          return
        }
      }
    }
    throw new Error(`no bar in ${chart} shows ${text.join(' ')}`)
  }
}
