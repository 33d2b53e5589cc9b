import { expect, type Locator, type Page } from '@playwright/test'
import { MemberDrawer } from './memberDrawer'
import { MemberForm } from './memberForm'

/** 会员: quick search, the paged table, and the buttons that open the form, import and export. */
export class MembersPage {
  readonly view: Locator
  readonly search: Locator
  readonly hits: Locator
  readonly searchEmpty: Locator
  readonly table: Locator
  readonly rows: Locator
  readonly empty: Locator
  readonly newButton: Locator
  readonly importButton: Locator
  readonly exportButton: Locator
  /** 更多筛选 (n): the call-list filters behind it; data-open says whether they show. */
  readonly moreFilters: Locator
  readonly form: MemberForm
  readonly drawer: MemberDrawer

  constructor(readonly page: Page) {
    this.view = page.getByTestId('members-view')
    this.search = page.getByTestId('member-search')
    this.hits = page.getByTestId('member-search-hit')
    this.searchEmpty = page.getByTestId('member-search-empty')
    this.table = page.getByTestId('member-table')
    this.rows = page.getByTestId('member-row')
    this.empty = page.getByTestId('member-empty')
    this.newButton = page.getByTestId('member-new')
    this.importButton = page.getByTestId('import-button')
    this.exportButton = page.getByTestId('export-button')
    this.moreFilters = page.getByTestId('filter-more')
    this.form = new MemberForm(page)
    this.drawer = new MemberDrawer(page)
  }

  /** Types into quick search; returns the hit for `name` once it is listed. */
  async find(query: string, name: string): Promise<Locator> {
    await this.search.fill(query)
    const hit = this.hits.filter({ hasText: name })
    await expect(hit).toHaveCount(1)
    return hit
  }

  /** How a hit says it matched (卡号, 手机尾号, 姓名, 旧卡号 …). */
  matchOf(hit: Locator): Locator {
    return hit.getByTestId('member-search-match')
  }

  async openFromSearch(query: string, name: string) {
    await (await this.find(query, name)).click()
    await expect(this.drawer.name).toHaveText(name)
  }

  /** One of the list's filters by its data-testid suffix (filter-department, filter-spend-min …). */
  filter(name: string): Locator {
    return this.page.getByTestId(`filter-${name}`)
  }

  /** Shows the filters behind 更多筛选 (remembered for the operator) unless they show already. */
  async openMoreFilters() {
    if ((await this.moreFilters.getAttribute('data-open')) !== 'true') await this.moreFilters.click()
    await expect(this.moreFilters).toHaveAttribute('data-open', 'true')
  }

  /** Picks an option of a filter select by its label. */
  async pickFilter(name: string, label: string) {
    await this.filter(name).click()
    await this.page.locator('.n-base-select-option').filter({ hasText: label }).first().click()
  }

  /**
   * 导出 → format (and 包含完整… when full) → 选择保存位置并导出; waits for the call's own answer
   * (data-result on the 导出 button). The test pushes the file the save dialog answers first.
   */
  async exportAs(format: 'xlsx' | 'csv', full: boolean) {
    await this.exportButton.click()
    await this.page.getByTestId(`export-format-${format}`).click()
    if (full) await this.page.getByTestId('export-full').click()
    await this.page.getByTestId('export-confirm').click()
    await expect(this.exportButton).toHaveAttribute('data-result', 'saved')
  }

  /** 紧凑 / 标准: the list density, remembered per operator on this PC. */
  density(which: 'compact' | 'standard'): Locator {
    return this.page.getByTestId(`density-${which}`)
  }

  /** Rows wholly inside the table's scrolling body, as the window shows them now. */
  async fullyVisibleRows(): Promise<number> {
    return this.table.evaluate((table) => {
      const body = table.querySelector('.n-data-table-base-table-body') ?? table
      const box = body.getBoundingClientRect()
      return [...table.querySelectorAll('[data-testid="member-row"]')].filter((tr) => {
        const r = tr.getBoundingClientRect()
        return r.height > 0 && r.top >= box.top - 1 && r.bottom <= box.bottom + 1
      }).length
    })
  }

  row(text: string): Locator {
    return this.rows.filter({ hasText: text })
  }

  async openCreate(): Promise<MemberForm> {
    await this.newButton.click()
    await expect(this.form.root).toBeVisible()
    // The form puts the cursor in 卡号 once it has finished opening; typing before that could
    // land in a field the focus then leaves (the text would end up in the wrong box).
    await expect(this.form.field('cardNo')).toBeFocused()
    return this.form
  }
}
