import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createMember, getMember, replaceCard, todayInt } from '../../db/services/members'
import { commitMemberImport, previewMemberImport, readSheetFile } from '../../db/services/members/import'
import { dumpDb, makeTestDb, type TestDb } from '../support/db'
import { idNumberFor, withBadCheckDigit } from '../support/identity'
import { excelDate, makeSheetDir, writeCsv, writeXlsx, type SheetDir, type XlsxCell } from '../support/sheets'

let t: TestDb
let files: SheetDir
beforeEach(() => {
  t = makeTestDb()
  files = makeSheetDir()
})
afterEach(() => {
  t.close()
  files.remove()
})

const HEADER = [
  '会员卡号',
  ' 姓名 ',
  '性别',
  '手机号码',
  '出生日期',
  '农历',
  '身份证号',
  '联系地址',
  '邮编',
  '会员等级',
  '入会日期',
  '消费金额',
]

/** A sheet as a store's staff keep one: every kind of mess, good rows and bad rows mixed. */
const MESSY: (XlsxCell[] | null)[] = [
  HEADER,
  // 2: numbers where text belongs, Excel date cells, a one-column address
  [
    'V0001',
    '张三',
    '男',
    13812345678,
    excelDate(1990, 1, 2),
    null,
    idNumberFor('19900102'),
    '广东省广州市天河区体育西路1号',
    510620,
    '金卡',
    excelDate(2020, 5, 1),
    1200,
  ],
  null, // 3: an empty row
  // 4: spaces, lower case, full-width digits, slashed dates, short province names
  [
    ' v0002 ',
    '  李四 ',
    'F',
    '１３９ １２３４ ５６７８',
    '1990/1/2',
    '否',
    null,
    '北京朝阳区建国路88号',
    '100020',
    ' 银卡 ',
    '2021/3/4',
  ],
  // 5: lunar by the 农历 column, compact dates, dashes in the phone
  ['V0003', '王五', '先生', '138-1234-5679', '19880815', '是', idNumberFor('19880925'), null, null, null, '20190102'],
  // 6: lunar by the 农历 prefix
  ['V0004', '赵六', '女士', null, '农历1988-08-15'],
  // 7, 8: leap months, with and without the prefix
  ['V0005', '钱七', null, null, '1990-闰5-10'],
  ['V0006', '孙八', null, null, '农历1990年闰5月10日', null, idNumberFor('19900702')],
  // 9: 年月日
  ['V0007', '周九', null, null, '1990年1月2日'],
  // 10 – 17: one problem each
  ['V0008', '吴十', null, null, '1991-闰5-10'],
  ['V0009', '郑一', null, '12345'],
  ['V0010', '冯二', null, null, null, null, withBadCheckDigit(idNumberFor('19900102'))],
  ['V0011', '陈三', null, null, '1990-01-03', null, idNumberFor('19900102')],
  ['V0012', '褚四', null, null, null, null, null, null, '12345'],
  ['V0013', null, '男'],
  ['V0001', '张三丰'],
  ['V0014', '卫五', 'X', null, null, null, null, null, null, '白金卡'],
  // 18: a formula card number and a rich-text name are fine
  [{ formula: '"V"&"0015"', result: 'V0015' }, { richText: [{ text: '蒋' }, { text: '六' }] }],
]

describe('previewing a messy .xlsx', () => {
  it('reports each bad cell with its row number, column header and reason, and writes nothing', async () => {
    const file = files.path('会员名单.xlsx')
    await writeXlsx(file, MESSY)
    const sheet = await readSheetFile(file)
    const before = dumpDb(t.db)
    const preview = previewMemberImport(t.db, sheet)
    expect(dumpDb(t.db)).toEqual(before)

    expect(preview.totalRows).toBe(16)
    expect(preview.missing).toEqual([])
    expect(preview.mapping.at(-1)).toBeNull()
    expect(preview.rejected).toEqual([
      { row: 10, column: '出生日期', reason: '农历1991年没有闰5月' },
      { row: 11, column: '手机号码', reason: '手机号应为11位中国大陆手机号（1开头）' },
      { row: 12, column: '身份证号', reason: '身份证号校验位不正确' },
      { row: 13, column: '出生日期', reason: '生日与身份证号中的出生日期（1990-01-02）不一致' },
      { row: 14, column: '邮编', reason: '邮编应为6位数字' },
      { row: 15, column: '姓名', reason: '请填写姓名' },
      { row: 16, column: '会员卡号', reason: '卡号与第2行重复' },
      { row: 17, column: '性别', reason: '性别只能是男或女（也可写M/F、先生/女士）' },
      { row: 17, column: '会员等级', reason: '等级只能是：普卡、银卡、金卡、钻石卡' },
    ])
    expect(preview.valid).toBe(8)
    expect(preview.willInsert).toBe(8)
    expect(preview.willUpdate).toBe(0)
    expect(preview.sample[0]).toEqual({
      row: 2,
      values: {
        cardNo: 'V0001',
        name: '张三',
        gender: '男',
        phone: '13812345678',
        birthday: '1990-01-02',
        lunar: '',
        idNumber: idNumberFor('19900102'),
        address: '广东省广州市天河区体育西路1号',
        postalCode: '510620',
        tier: '金卡',
        joinDate: '2020-05-01',
      },
    })
  })

  it('imports the good rows with every mess cleaned up', async () => {
    const file = files.path('会员名单.xlsx')
    await writeXlsx(file, MESSY)
    const result = await commitMemberImport(
      t.db,
      await readSheetFile(file),
      previewMemberImport(t.db, await readSheetFile(file)).mapping,
      t.admin,
    )
    expect(result.inserted).toBe(8)
    expect(result.rejected).toHaveLength(9)
    const m = (card: string) => {
      const id = t.db.sqlite.prepare('SELECT id FROM members WHERE card_no = ?').pluck().get(card) as number
      return {
        ...getMember(t.db, { id }),
        raw: t.db.sqlite.prepare('SELECT * FROM members WHERE id = ?').get(id) as Record<string, unknown>,
      }
    }
    const v1 = m('V0001')
    expect(v1.raw).toMatchObject({
      phone: '13812345678',
      gender: '男',
      birth_year: 1990,
      birth_month: 1,
      birth_day: 2,
      birthday_calendar: 'solar',
      province: '广东省',
      city: '广州市',
      district: '天河区',
      address: '体育西路1号',
      postal_code: '510620',
      tier: '金卡',
      join_date: 20200501,
      source: '其他',
    })
    expect(m('V0002').raw).toMatchObject({
      name: '李四',
      gender: '女',
      phone: '13912345678',
      birthday_calendar: 'solar',
      birth_year: 1990,
      province: '北京市',
      city: '北京市',
      district: '朝阳区',
      address: '建国路88号',
      tier: '银卡',
      join_date: 20210304,
    })
    expect(m('V0003').birthdayText).toBe('农历1988年八月十五')
    expect(m('V0003').raw).toMatchObject({ phone: '13812345679', gender: '男', join_date: 20190102 })
    expect(m('V0004').birthdayText).toBe('农历1988年八月十五')
    expect(m('V0005').birthdayText).toBe('农历1990年闰五月初十')
    expect(m('V0006').birthdayText).toBe('农历1990年闰五月初十')
    expect(m('V0007').birthdayText).toBe('1990-01-02')
    expect(m('V0015').name).toBe('蒋六')
    // No join date column value: today (the test clock), and the first tier.
    expect(m('V0004').raw).toMatchObject({ join_date: todayInt(t.db), tier: '普卡' })
  })
})

describe('previewing against members on file', () => {
  it('counts known card numbers, old replaced ones included, as updates', async () => {
    const a = createMember(t.db, { cardNo: 'V0001', name: '张三' }, t.admin)
    createMember(t.db, { cardNo: 'V0002', name: '李四' }, t.admin)
    replaceCard(t.db, { id: a.id, newCardNo: 'V9001' }, t.admin)
    const file = files.path('update.csv')
    writeCsv(file, [
      ['卡号', '姓名'],
      ['V0001', '张三'],
      ['V0002', '李四'],
      ['V0003', '王五'],
    ])
    const preview = previewMemberImport(t.db, await readSheetFile(file))
    expect({ insert: preview.willInsert, update: preview.willUpdate }).toEqual({ insert: 1, update: 2 })
  })

  it('rejects the second row naming the same member by old and new card', async () => {
    const a = createMember(t.db, { cardNo: 'V0001', name: '张三' }, t.admin)
    replaceCard(t.db, { id: a.id, newCardNo: 'V9001' }, t.admin)
    const file = files.path('both.csv')
    writeCsv(file, [
      ['卡号', '姓名'],
      ['V9001', '张三'],
      ['V0001', '张三'],
    ])
    const preview = previewMemberImport(t.db, await readSheetFile(file))
    expect(preview.rejected).toEqual([
      { row: 3, column: '卡号', reason: '与第2行是同一会员（其中一个是换卡前的旧卡号）' },
    ])
  })

  it('says which required columns are missing instead of rejecting every row', async () => {
    const file = files.path('nocard.csv')
    writeCsv(file, [
      ['会员', '手机'],
      ['张三', '13812345678'],
    ])
    const preview = previewMemberImport(t.db, await readSheetFile(file))
    expect(preview.missing).toEqual(['cardNo', 'name'])
    expect(preview).toMatchObject({ valid: 0, rejected: [], willInsert: 0 })
    // Mapping the first column by hand fixes half of it.
    expect(previewMemberImport(t.db, await readSheetFile(file), ['name', 'phone']).missing).toEqual(['cardNo'])
  })

  it('refuses a mapping that sends two columns to one field', () => {
    const sheet = {
      fileName: 'x.csv',
      headers: ['卡号', '手机', '电话'],
      rows: [{ row: 2, cells: ['V0001', '13812345678', '13912345678'] }],
    }
    expect(() => previewMemberImport(t.db, sheet, ['cardNo', 'phone', 'phone'])).toThrow(
      '"手机"和"电话"两列都对应「手机」，请只保留一列',
    )
  })
})

describe('cells in their other spellings', () => {
  it('reads 是/否 in its many forms, and sources and tiers as staff write them', async () => {
    const file = files.path('flags.csv')
    writeCsv(file, [
      ['卡号', '姓名', '生日', '农历', '短信同意', '邮寄同意', '开卡方式', '等级'],
      ['V0001', '甲', '1988-08-15', 'Y', '1', 'true', '推荐办卡', '金'],
      ['V0002', '乙', '1988-08-15', 'false', '否', 'N', '服务台', '钻石卡'],
      ['V0003', '丙', '1988-08-15', '也许', '可能', '是', '路过', '普卡'],
    ])
    const preview = previewMemberImport(t.db, await readSheetFile(file))
    expect(preview.rejected).toEqual([
      { row: 4, column: '农历', reason: '农历列只能填是或否' },
      { row: 4, column: '短信同意', reason: '短信同意只能填是或否' },
      { row: 4, column: '开卡方式', reason: '开卡方式只能是：开卡礼、推荐、社区、主顾客转化、服务台、其他' },
    ])
    await commitMemberImport(t.db, await readSheetFile(file), preview.mapping, t.admin)
    const rows = t.db.sqlite
      .prepare(
        'SELECT card_no, birthday_calendar, sms_consent, mail_consent, source, tier FROM members ORDER BY card_no',
      )
      .all()
    expect(rows).toEqual([
      { card_no: 'V0001', birthday_calendar: 'lunar', sms_consent: 1, mail_consent: 1, source: '推荐', tier: '金卡' },
      {
        card_no: 'V0002',
        birthday_calendar: 'solar',
        sms_consent: 0,
        mail_consent: 0,
        source: '服务台',
        tier: '钻石卡',
      },
    ])
  })

  it('explains an ID number that Excel has already rounded, and a masked phone', async () => {
    const file = files.path('rounded.xlsx')
    await writeXlsx(file, [
      ['卡号', '姓名', '身份证号', '手机'],
      ['V0001', '张三', 440106199001021234, '138****5678'],
    ])
    const preview = previewMemberImport(t.db, await readSheetFile(file))
    expect(preview.rejected).toEqual([
      { row: 2, column: '身份证号', reason: '身份证号被Excel存成了数字，后几位已丢失；请把该列设为文本后重新填写' },
      { row: 2, column: '手机', reason: '手机号已打码（含*），请使用完整号码或留空' },
    ])
  })

  it('restores the leading zero of a postal code stored as a number', async () => {
    const file = files.path('postal.xlsx')
    await writeXlsx(file, [
      ['卡号', '姓名', '邮编'],
      ['V0001', '张三', 10010],
    ])
    const sheet = await readSheetFile(file)
    await commitMemberImport(t.db, sheet, previewMemberImport(t.db, sheet).mapping, t.admin)
    expect(t.db.sqlite.prepare('SELECT postal_code FROM members').pluck().get()).toBe('010010')
  })
})
