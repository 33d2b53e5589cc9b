import { readFileSync, readdirSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { listAudit } from '../../db/services/audit'
import { createMember, reportLost } from '../../db/services/members'
import { csvField, escapeFormula, exportMembers } from '../../db/services/members/export'
import { guessMapping, previewMemberImport, readSheetFile } from '../../db/services/members/import'
import { makeTestDb, type TestDb } from '../support/db'
import { idNumberFor } from '../support/identity'
import { makeSheetDir, readXlsxRows, type SheetDir } from '../support/sheets'

let t: TestDb
let files: SheetDir
beforeEach(() => {
  t = makeTestDb()
  files = makeSheetDir()
  createMember(
    t.db,
    {
      cardNo: 'V0001',
      name: '张三',
      gender: '男',
      phone: '13812345678',
      birthday: '1990-01-02',
      idNumber: idNumberFor('19900102'),
      province: '广东省',
      city: '广州市',
      district: '天河区',
      address: '体育西路1号, 2楼',
      postalCode: '510620',
      tier: '金卡',
      joinDate: '2020-05-01',
      source: '推荐',
      smsConsent: true,
    },
    t.admin,
  )
  createMember(
    t.db,
    { cardNo: 'V0002', name: '=HYPERLINK("http://x","点我")', birthday: '农历1990年闰5月10日', joinDate: '2021-03-04' },
    t.admin,
  )
  const lost = createMember(t.db, { cardNo: 'V0003', name: '-王五', tier: '银卡', mailConsent: true }, t.admin)
  reportLost(t.db, { id: lost.id, reason: '顾客报失' }, t.admin)
})
afterEach(() => {
  t.close()
  files.remove()
})

const HEADERS =
  '卡号,姓名,性别,手机,生日,历法,闰月,身份证号,省份,城市,区县,地址,邮编,等级,状态,开卡日期,开卡方式,积分,短信同意,邮寄同意'

describe('exporting to CSV', () => {
  it('writes UTF-8 with a BOM and CRLF, masks phones and IDs, and quotes per RFC 4180', async () => {
    const file = files.path('members.csv')
    const result = await exportMembers(t.db, { file, format: 'csv', filter: {}, full: false }, t.admin)
    expect(result).toEqual({ file, count: 3 })
    const bytes = readFileSync(file)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = bytes.toString('utf8').slice(1).split('\r\n')
    expect(lines[0]).toBe(HEADERS)
    expect(lines[1]).toBe(
      `V0001,张三,男,138****5678,1990-01-02,公历,否,440106********${idNumberFor('19900102').slice(-4)},广东省,广州市,天河区,"体育西路1号, 2楼",510620,金卡,正常,2020-05-01,推荐,0,是,否`,
    )
    expect(lines).toHaveLength(5)
    expect(lines[4]).toBe('')
    expect(bytes.toString('utf8')).not.toContain('13812345678')
  })

  it('escapes text that Excel would run as a formula', async () => {
    const file = files.path('members.csv')
    await exportMembers(t.db, { file, format: 'csv', filter: {}, full: false }, t.admin)
    const lines = readFileSync(file, 'utf8').split('\r\n')
    expect(lines[2]).toMatch(/^V0002,"'=HYPERLINK\(""http:\/\/x"",""点我""\)",,,1990-05-10,农历,是,/)
    expect(lines[3]).toMatch(/^V0003,'-王五,/)
    expect(escapeFormula('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(escapeFormula('+8613812345678')).toBe("'+8613812345678")
    expect(escapeFormula('张=三')).toBe('张=三')
    expect(csvField('a"b')).toBe('"a""b"')
  })

  it('exports only the filtered list, in full when asked, and audits the export', async () => {
    const file = files.path('gold.csv')
    const result = await exportMembers(t.db, { file, format: 'csv', filter: { tier: '金卡' }, full: true }, t.admin)
    expect(result.count).toBe(1)
    const text = readFileSync(file, 'utf8')
    // Digits-only phone and ID numbers carry a tab, so Excel keeps them as text (listFile.ts).
    expect(text).toContain(`\t13812345678,1990-01-02,公历,否,\t${idNumberFor('19900102')}`)
    expect(text).not.toContain('V0002')
    const audit = listAudit(t.db, {}).rows.find((r) => r.action === 'export')!
    expect(audit.summary).toBe('导出会员名单1条（CSV，含完整手机号和身份证号）')
  })
})

describe('an export that cannot be written', () => {
  it('says why in Chinese, leaves no partial file and records nothing', async () => {
    const file = files.path('no-such-folder/members.xlsx')
    await expect(exportMembers(t.db, { file, format: 'xlsx', filter: {}, full: false }, t.admin)).rejects.toMatchObject(
      {
        kind: 'conflict',
        message: '文件夹不存在，无法保存“members.xlsx”。请先建好文件夹或换个位置。',
      },
    )
    expect(readdirSync(files.dir)).toEqual([])
    expect(listAudit(t.db, {}).rows.some((r) => r.action === 'export')).toBe(false)
  })

  it('refuses a filter it does not understand before writing anything', async () => {
    const file = files.path('bad.csv')
    await expect(
      exportMembers(t.db, { file, format: 'csv', filter: { joinFrom: '2020/01/01' }, full: false }, t.admin),
    ).rejects.toMatchObject({ kind: 'validation' })
    expect(readdirSync(files.dir)).toEqual([])
  })
})

describe('exporting to .xlsx', () => {
  it('writes a workbook Excel can open: bold frozen header, widths, text and dates', async () => {
    const file = files.path('members.xlsx')
    const result = await exportMembers(
      t.db,
      { file, format: 'xlsx', filter: { sort: 'cardNo', order: 'desc' }, full: false },
      t.admin,
    )
    expect(result.count).toBe(3)
    const { rows, sheet } = await readXlsxRows(file)
    expect(rows[0]).toEqual(HEADERS.split(','))
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true)
    expect(sheet.getRow(2).getCell(1).font?.bold).toBeFalsy()
    expect(sheet.getRow(2).getCell(16).numFmt).toBe('yyyy-mm-dd')
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    expect(sheet.getColumn(12).width).toBeGreaterThan(sheet.getColumn(3).width!)
    expect(rows.map((r) => r[0])).toEqual(['卡号', 'V0003', 'V0002', 'V0001'])
    const v1 = rows[3]!
    expect(v1[3]).toBe('138****5678')
    expect(v1[15]).toEqual(new Date(Date.UTC(2020, 4, 1)))
    expect(v1[17]).toBe(0)
    expect(rows[1]![1]).toBe("'-王五")
    expect(rows[1]![14]).toBe('挂失')
    expect(readdirSync(files.dir)).toEqual(['members.xlsx'])
    expect(listAudit(t.db, {}).rows.find((r) => r.action === 'export')!.summary).toBe(
      '导出会员名单3条（XLSX，手机号和身份证号已打码）',
    )
  })
})

describe('reading an export back in', () => {
  for (const format of ['xlsx', 'csv'] as const) {
    it(`a full ${format} export imports back as updates with nothing rejected`, async () => {
      const file = files.path(`round-trip.${format}`)
      await exportMembers(t.db, { file, format, filter: {}, full: true }, t.admin)
      const sheet = await readSheetFile(file)
      const preview = previewMemberImport(t.db, sheet, guessMapping(sheet.headers))
      expect(preview.rejected).toEqual([])
      expect(preview).toMatchObject({ missing: [], valid: 3, willInsert: 0, willUpdate: 3 })
      expect(preview.sample[1]!.values).toMatchObject({
        name: '=HYPERLINK("http://x","点我")',
        lunar: '农历',
        leapMonth: '是',
      })
    })
  }

  it('a masked export cannot overwrite phones: those rows say why', async () => {
    const file = files.path('masked.csv')
    await exportMembers(t.db, { file, format: 'csv', filter: {}, full: false }, t.admin)
    const preview = previewMemberImport(t.db, await readSheetFile(file))
    expect(preview.rejected.map((i) => [i.row, i.column])).toEqual([
      [2, '手机'],
      [2, '身份证号'],
    ])
  })
})
