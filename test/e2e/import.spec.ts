import { excelDate, writeXlsx, type XlsxCell } from '../support/sheets'
import { idNumberFor, withBadCheckDigit } from '../support/identity'
import { FirstRunPage } from './pages/auth'
import { ImportWizard } from './pages/importWizard'
import { MembersPage } from './pages/members'
import { expect, test } from './support/fixtures'
import { saveScreenshot } from './support/screenshots'

/**
 * A store's own list as it really arrives: header spellings of its own, phones typed as numbers,
 * full-width digits, stray spaces, Excel date cells beside dates typed as text, lunar birthdays
 * marked three different ways, an empty row, a column nobody asked for — and seven bad rows.
 * Row numbers below are the ones Excel shows (the header is row 1).
 */
// prettier-ignore
const HEADERS = ['会员卡号', '会员姓名', '性别', '手机号码', '出生日期', '农历', '身份证号', '联系地址', '邮编', '会员等级', '入会日期', '积分备注']
// One sheet row per line, so the row numbers in REJECTED can be checked by eye.
// prettier-ignore
const ROWS: (XlsxCell[] | null)[] = [
  HEADERS,
  // 2–5: good rows
  ['V1001', '张伟', '男', 13812345678, excelDate(1985, 3, 12), '否', idNumberFor('19850312'), '广东省广州市天河区体育西路1号', 510620, '金卡', excelDate(2020, 5, 1), '老会员'],
  ['V1002', '李娜', '女', '１３９１２３４５６７８', '农历1988-08-15', '', '', '北京市朝阳区望京街道2号', '100102', '银', '2021/3/8'],
  ['V1003', ' 王芳 ', '女', ' 137 0000 1111 ', '1990-闰5-10', '', idNumberFor('19900702', '110105'), '', '', '普卡', '20190102'],
  ['V1004', '刘洋', 'M', 15000002222, '1992年1月2日', '是', '', '内蒙古自治区呼和浩特市新城区新华大街1号', 10010, '普卡', '2018年6月1日'],
  null, // 6: left empty
  // 7–13: rejected
  ['V1005', '陈静', '女', '1381234'],
  ['V1006', '', '女', '13900001111'],
  ['V1007', '赵敏', '女', '', '1990-闰6-10'],
  ['V1008', '孙丽', '女', '', '', '', withBadCheckDigit(idNumberFor('19800101'))],
  ['V1001', '张伟二', '男'],
  ['V1009', '周杰', 'X', '', '', '', '', '', '12345'],
  ['V1010', '吴刚', '男', '', '', '', 110105199001021234], // an ID typed as a number: Excel keeps 15 digits
]
const REJECTED = [
  { row: 7, column: '手机号码', reason: '手机号应为11位中国大陆手机号（1开头）' },
  { row: 8, column: '会员姓名', reason: '请填写姓名' },
  { row: 9, column: '出生日期', reason: '农历1990年没有闰6月' },
  { row: 10, column: '身份证号', reason: '身份证号校验位不正确' },
  { row: 11, column: '会员卡号', reason: '卡号与第2行重复' },
  { row: 12, column: '性别', reason: '性别只能是男或女（也可写M/F、先生/女士）' },
  { row: 12, column: '邮编', reason: '邮编应为6位数字' },
  { row: 13, column: '身份证号', reason: '身份证号被Excel存成了数字，后几位已丢失；请把该列设为文本后重新填写' },
]

test('import: a messy xlsx is previewed with its bad rows, imported, and re-imported as updates', async ({
  app,
}, testInfo) => {
  const { page } = app
  const file = testInfo.outputPath('会员名单.xlsx')
  await writeXlsx(file, ROWS, { textColumns: [7] })
  await new FirstRunPage(page).openStore('admin-pass', { sample: false })
  const members = new MembersPage(page)
  const wizard = new ImportWizard(page)
  await expect(members.empty).toBeVisible()

  app.double.dialogs.open.push(file)
  await members.importButton.click()
  await wizard.waitForPreview()
  await expect(wizard.total).toHaveText('11')
  await expect(wizard.valid).toHaveText('4')
  await expect(wizard.willInsert).toHaveText('4')
  await expect(wizard.willUpdate).toHaveText('0')
  await expect(wizard.rejectedRows).toHaveText('7')
  // The unknown column is left for the user to map; it is ignored until then.
  await expect(page.getByTestId('import-map-11')).toContainText('忽略此列')
  expect(await wizard.rejectedTable()).toEqual(REJECTED)
  await saveScreenshot(page, 'import-preview')
  await wizard.rejected.scrollIntoViewIfNeeded()
  await saveScreenshot(page, 'import-rejected')

  await wizard.commitAndWait()
  await expect(wizard.inserted).toHaveText('4')
  await expect(wizard.updated).toHaveText('0')
  await expect(wizard.notImported).toHaveText('7')
  await wizard.finish()

  await expect(members.rows).toHaveCount(4)
  for (const [card, name] of [
    ['V1001', '张伟'],
    ['V1002', '李娜'],
    ['V1003', '王芳'],
    ['V1004', '刘洋'],
  ]) {
    await expect(members.row(card!)).toContainText(name!)
  }
  // What the mess became: a full-width phone is a phone, 闰 a leap month, a 5-digit number a postal code.
  await members.openFromSearch('13912345678', '李娜')
  await expect(members.drawer.birthday).toHaveText('农历1988年八月十五')
  await members.drawer.close()
  await members.openFromSearch('V1003', '王芳')
  await expect(members.drawer.birthday).toHaveText('农历1990年闰五月初十')
  await expect(members.drawer.phone).toHaveText('137****1111')
  await members.drawer.close()
  await members.openFromSearch('V1004', '刘洋')
  await expect(members.drawer.birthday).toHaveText('农历1992年正月初二')
  await expect(members.drawer.address).toHaveText('内蒙古自治区 呼和浩特市 新城区 新华大街1号')
  await expect(members.drawer.root).toContainText('（邮编 010010）')
  await members.drawer.close()

  // The same file again: the good rows update their members, nobody is added twice.
  app.double.dialogs.open.push(file)
  await members.importButton.click()
  await wizard.waitForPreview()
  await expect(wizard.willInsert).toHaveText('0')
  await expect(wizard.willUpdate).toHaveText('4')
  await wizard.commitAndWait()
  await expect(wizard.inserted).toHaveText('0')
  await expect(wizard.updated).toHaveText('4')
  await expect(wizard.notImported).toHaveText('7')
  await wizard.finish()
  await expect(members.rows).toHaveCount(4)
})
