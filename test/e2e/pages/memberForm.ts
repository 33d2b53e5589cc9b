import { expect, type Locator, type Page } from '@playwright/test'

export type TextField = 'cardNo' | 'name' | 'phone' | 'birthday' | 'idNumber' | 'address' | 'postalCode' | 'notes'

/** 新建会员 / 编辑会员: the modal form. Enter saves, Esc cancels; server issues sit under fields. */
export class MemberForm {
  readonly root: Locator
  readonly save: Locator
  readonly cancel: Locator
  /** Shown when another desk changed the member since the form opened: who, what and when. */
  readonly conflict: Locator
  readonly reload: Locator

  constructor(readonly page: Page) {
    this.root = page.getByTestId('member-form')
    this.save = page.getByTestId('member-save')
    this.cancel = page.getByTestId('member-cancel')
    this.conflict = page.getByTestId('member-form-conflict-message')
    this.reload = page.getByTestId('member-form-reload')
  }

  field(name: TextField): Locator {
    return this.page.getByTestId(`member-form-${name}`)
  }

  /** The message under a field: the service's complaint or the form's own hint. */
  feedback(name: TextField | 'region'): Locator {
    return this.root
      .locator('.n-form-item')
      .filter({ has: this.page.getByTestId(`member-form-${name}`) })
      .locator('.n-form-item-feedback')
  }

  async gender(value: '男' | '女') {
    await this.page.getByTestId('member-form-gender').getByText(value, { exact: true }).click()
  }

  async tier(value: string) {
    await this.page.getByTestId('member-form-tier').getByText(value, { exact: true }).click()
  }

  /** A lunar birthday as the member says it, with the 闰月 box when the month is a leap month. */
  async lunarBirthday(text: string, leap: boolean) {
    await this.page.getByTestId('member-form-calendar').getByText('农历', { exact: true }).click()
    await this.field('birthday').fill(text)
    await this.page.getByTestId('member-form-leap').setChecked(leap)
  }

  /** Types into the 省/市/区 cascader and picks the full path it offers (e.g. 北京市 / 北京市 / 朝阳区). */
  async region(search: string, path: string) {
    await this.page.getByTestId('member-form-region').click()
    await this.page.keyboard.type(search)
    await this.page.locator('.n-base-select-option').filter({ hasText: path }).first().click()
  }

  async source(value: string) {
    await this.page.getByTestId('member-form-source').click()
    await this.page.locator('.n-base-select-option').getByText(value, { exact: true }).click()
  }

  /** Presses Enter in a text box: the keyboard way to save. */
  async saveWithEnter(from: TextField = 'name') {
    await this.field(from).press('Enter')
  }

  async expectClosed() {
    await expect(this.root).toBeHidden()
  }
}
