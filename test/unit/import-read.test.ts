import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { writeFileSync } from 'node:fs'
import { decodeText, guessMapping, readSheetFile, type ImportProgress } from '../../db/services/members/import'
import { encodeGbk, excelDate, makeSheetDir, writeCsv, writeXlsx, type SheetDir } from '../support/sheets'

let files: SheetDir
beforeEach(() => (files = makeSheetDir()))
afterEach(() => files.remove())

describe('reading an .xlsx', () => {
  it('keeps true row numbers, skips empty rows and reads only the first sheet', async () => {
    const file = files.path('members.xlsx')
    await writeXlsx(file, [['卡号', '姓名'], ['V0001', '张三'], null, null, ['V0002', '李四']])
    const progress: ImportProgress[] = []
    const sheet = await readSheetFile(file, (p) => progress.push(p))
    expect(sheet.fileName).toBe('members.xlsx')
    expect(sheet.headers).toEqual(['卡号', '姓名'])
    expect(sheet.rows.map((r) => r.row)).toEqual([2, 5])
    expect(progress.at(-1)).toMatchObject({ phase: 'read' })
    expect(progress.at(-1)!.done).toBe(progress.at(-1)!.total)
  })

  it('turns rich text, hyperlinks and formulas into the text they show, and keeps dates and numbers', async () => {
    const file = files.path('cells.xlsx')
    await writeXlsx(file, [
      ['卡号', '姓名', '手机', '生日', '备注'],
      [
        { formula: '"V"&"0001"', result: 'V0001' },
        { richText: [{ text: '张', font: { bold: true } }, { text: '三' }] },
        13812345678,
        excelDate(1990, 1, 2),
        { text: '主页', hyperlink: 'https://example.com' },
      ],
    ])
    const sheet = await readSheetFile(file)
    expect(sheet.rows[0]!.cells).toEqual(['V0001', '张三', 13812345678, excelDate(1990, 1, 2), '主页'])
  })

  it('names blank header cells by their column letter so they can still be mapped', async () => {
    const file = files.path('blank-header.xlsx')
    await writeXlsx(file, [
      ['卡号', null, '姓名'],
      ['V0001', 'x', '张三', '多出来的一列'],
    ])
    const sheet = await readSheetFile(file)
    expect(sheet.headers).toEqual(['卡号', '（B列）', '姓名', '（D列）'])
  })

  it('refuses a file that has no header row', async () => {
    const file = files.path('empty.xlsx')
    await writeXlsx(file, [])
    await expect(readSheetFile(file)).rejects.toThrow(/没有找到表头/)
  })

  it('explains a damaged or mislabelled workbook and a missing file', async () => {
    const fake = files.path('really-a-csv.xlsx')
    writeFileSync(fake, '卡号,姓名\r\nV0001,张三\r\n')
    await expect(readSheetFile(fake)).rejects.toMatchObject({
      kind: 'validation',
      message: expect.stringMatching(/文件已损坏/),
    })
    await expect(readSheetFile(files.path('gone.xlsx'))).rejects.toMatchObject({
      kind: 'not_found',
      message: expect.stringMatching(/^文件不存在：“gone.xlsx”/),
    })
  })

  it('refuses file types it cannot read', async () => {
    const file = files.path('old.xls')
    writeFileSync(file, 'not really excel')
    await expect(readSheetFile(file)).rejects.toThrow(/另存为 \.xlsx/)
  })
})

describe('reading a .csv', () => {
  const rows = [
    ['卡号', '姓名', '地址'],
    ['V0001', '张三', '广州市天河区体育西路1号, 2楼'],
    ['', '', ''],
    ['V0002', '李四', '多行\n地址'],
  ]

  for (const encoding of ['utf8', 'utf8-bom', 'gbk'] as const) {
    it(`reads ${encoding} text with quoted commas and line breaks, keeping row numbers`, async () => {
      const file = files.path(`members-${encoding}.csv`)
      writeCsv(file, rows, encoding)
      const sheet = await readSheetFile(file)
      expect(sheet.headers).toEqual(['卡号', '姓名', '地址'])
      expect(sheet.rows).toEqual([
        { row: 2, cells: ['V0001', '张三', '广州市天河区体育西路1号, 2楼'] },
        { row: 4, cells: ['V0002', '李四', '多行\n地址'] },
      ])
    })
  }

  it('tells GBK from UTF-8 by whether the bytes are valid UTF-8', () => {
    expect(decodeText(encodeGbk('会员卡号,姓名'))).toBe('会员卡号,姓名')
    expect(decodeText(Buffer.from('会员卡号,姓名', 'utf8'))).toBe('会员卡号,姓名')
    expect(decodeText(Buffer.from('\uFEFF卡号', 'utf8'))).toBe('卡号')
  })

  it('reads Excel\'s "Unicode text" (UTF-16 with tabs)', async () => {
    const file = files.path('unicode.csv')
    const text = '\uFEFF卡号\t姓名\r\nV0001\t张三\r\n'
    writeFileSync(file, Buffer.from(text, 'utf16le'))
    const sheet = await readSheetFile(file)
    expect(sheet.headers).toEqual(['卡号', '姓名'])
    expect(sheet.rows[0]!.cells).toEqual(['V0001', '张三'])
  })
})

describe('guessing the column mapping', () => {
  it('recognises the spellings stores use, whatever the spacing, width or case', () => {
    const headers = [
      'VIP卡号',
      ' 会员姓名 ',
      '性别',
      '联系电话',
      '出生日期',
      '农历',
      '身份证',
      '通讯地址',
      '邮政编码',
      '会员等级',
      '入会日期',
    ]
    expect(guessMapping(headers)).toEqual([
      'cardNo',
      'name',
      'gender',
      'phone',
      'birthday',
      'lunar',
      'idNumber',
      'address',
      'postalCode',
      'tier',
      'joinDate',
    ])
    expect(
      guessMapping([
        'ｖｉｐ卡号',
        '姓　名',
        '手机号码（必填）',
        '生日*',
        '省份',
        '城市',
        '区县',
        '开卡方式',
        '推荐人卡号',
      ]),
    ).toEqual(['cardNo', 'name', 'phone', 'birthday', 'province', 'city', 'district', 'source', 'referrerCardNo'])
    expect(guessMapping(['卡号', '手机', '手机号', '电话', '会员卡号'])).toEqual(['cardNo', 'phone', null, null, null])
  })

  it('leaves columns it does not know for the user to map', () => {
    expect(guessMapping(['卡号', '消费金额', '（C列）', '状态', '余额'])).toEqual(['cardNo', null, null, null, null])
  })

  it('recognises every header of our own export', () => {
    const exported = [
      '卡号',
      '姓名',
      '性别',
      '手机',
      '生日',
      '历法',
      '闰月',
      '身份证号',
      '省份',
      '城市',
      '区县',
      '地址',
      '邮编',
      '等级',
      '状态',
      '开卡日期',
      '开卡方式',
      '积分',
      '短信同意',
      '邮寄同意',
    ]
    expect(guessMapping(exported)).toEqual([
      'cardNo',
      'name',
      'gender',
      'phone',
      'birthday',
      'lunar',
      'leapMonth',
      'idNumber',
      'province',
      'city',
      'district',
      'address',
      'postalCode',
      'tier',
      null,
      'joinDate',
      'source',
      'openingPoints',
      'smsConsent',
      'mailConsent',
    ])
  })
})
