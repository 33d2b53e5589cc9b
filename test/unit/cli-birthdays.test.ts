import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SYSTEM_ACTOR } from '../../db/actor'
import { closeDatabase, openDatabase } from '../../db/open'
import { createMember } from '../../db/services/members/write'
import { setupAdmin, toActor } from '../../db/services/operators'
import { updateSettings } from '../../db/services/settings'
import { runCliCaptured } from '../support/cli'
import { storeDate } from '../support/storeTime'

let dir: string
let dbFile: string
const ADDRESS = {
  province: '浙江省',
  city: '杭州市',
  district: '西湖区',
  address: '文三路 90 号',
  postalCode: '310012',
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vipdesk-cli-birthdays-'))
  dbFile = join(dir, 'vipdesk.sqlite')
  const db = openDatabase(dbFile, { now: () => storeDate(2026, 10, 23, 10) })
  const admin = toActor(setupAdmin(db, { name: 'admin', password: 'secret123' }))
  const add = (cardNo: string, name: string, birthday: string, more: object = {}) =>
    createMember(db, { cardNo, name, birthday, ...more }, admin)
  add('V003', '王芳', '1985-12-24', { gender: '女', phone: '13800000003', smsConsent: true, ...ADDRESS })
  add('V001', '李强', '1990-11-01', { gender: '男', phone: '13800000001', birthdayCalendar: 'lunar', smsConsent: true })
  add('V002', '=SUM(A1)', '1970-12-01', { phone: '13800000002', smsConsent: true, mailConsent: true, ...ADDRESS })
  add('V004', '赵六', '1988-12-24', { phone: '13800000004' }) // no SMS consent
  add('V005', '孙七', '1960-12-05', { smsConsent: true }) // consent but no phone
  add('V006', '周八', '1975-12-10', { phone: '13800000006', smsConsent: true })
  db.sqlite.prepare("UPDATE members SET status = 'closed' WHERE card_no = 'V006'").run()
  updateSettings(
    db,
    {
      storeName: '东方百货',
      birthdayMail: {
        smsTemplate: '{姓名}{称谓}，{门店}祝您{生日}生日快乐！请于{领取期限}前到贵宾室领取{礼品}。',
        smsPriceFen: 5,
        cardCostFen: 200,
        giftText: '保温杯一只',
        collectDays: 30,
      },
    },
    admin,
  )
  closeDatabase(db)
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const cli = (...args: string[]) => runCliCaptured(['--db', dbFile, ...args], { cwd: dir })

const pdfText = (file: string) =>
  execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).normalize('NFKC').replace(/\s+/g, ' ')
const pdfPages = (file: string) =>
  Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1])

describe('birthdays CLI', () => {
  it('--json prints exactly the documented fields, by the day it falls on then card number', async () => {
    const r = await cli('birthdays', '--month', '2026-12', '--json')
    expect(r.code).toBe(0)
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[]
    // 农历十一月初一 2026 is 2026-12-09.
    expect(rows.map((x) => [x.cardNo, x.dateThisYear])).toEqual([
      ['V002', '2026-12-01'],
      ['V005', '2026-12-05'],
      ['V001', '2026-12-09'],
      ['V003', '2026-12-24'],
      ['V004', '2026-12-24'],
    ])
    for (const row of rows) {
      expect(Object.keys(row)).toEqual([
        'cardNo',
        'name',
        'birthday',
        'birthdayCalendar',
        'birthdayLeapMonth',
        'dateThisYear',
        'hasAddress',
        'smsConsent',
        'mailConsent',
      ])
    }
    expect(rows[2]).toEqual({
      cardNo: 'V001',
      name: '李强',
      birthday: '1990-11-01',
      birthdayCalendar: 'lunar',
      birthdayLeapMonth: false,
      dateThisYear: '2026-12-09',
      hasAddress: false,
      smsConsent: true,
      mailConsent: false,
    })
    expect(rows[0]).toMatchObject({ hasAddress: true, smsConsent: true, mailConsent: true })
  })

  it('prints a table and the counts line without --json', async () => {
    const r = await cli('birthdays', '--month', '2026-12')
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('5 位本月生日 · 2 位有地址 · 4 位可发短信')
    expect(r.stdout).toContain('王芳')
    expect(r.stdout).not.toContain('周八') // closed card
  })

  it('rejects a bad month, a missing month and --pdf with exit code 2 and a Chinese message', async () => {
    for (const args of [['--month', '2026-13'], ['--month', '202612'], []]) {
      const r = await cli('birthdays', ...args)
      expect(r.code).toBe(2)
      expect(r.stderr).toMatch(/--month/)
    }
    const design = await cli('birthdays', '--month', '2026-12', '--pdf', join(dir, 'cards.pdf'), '--design', 'poster')
    expect(design.code).toBe(2)
    expect(design.stderr).toContain('--design 应为 folded-a5、postcard 之一')
    const offset = await cli('birthdays', '--month', '2026-12', '--offset', '3')
    expect(offset.code).toBe(2)
    expect(existsSync(join(dir, 'cards.pdf'))).toBe(false)
    const ext = await cli('birthdays', '--month', '2026-12', '--sms', join(dir, 'sms.txt'))
    expect(ext.code).toBe(2)
  })

  const expectedMessages = [
    ['13800000002', "'=SUM(A1)会员，东方百货祝您12月1日生日快乐！请于12月31日前到贵宾室领取保温杯一只。"],
    ['13800000001', '李强先生，东方百货祝您12月9日生日快乐！请于1月8日前到贵宾室领取保温杯一只。'],
    ['13800000003', '王芳女士，东方百货祝您12月24日生日快乐！请于1月23日前到贵宾室领取保温杯一只。'],
  ]

  it('--sms writes a CSV of phone and personalised message for active members with SMS consent', async () => {
    const file = join(dir, '生日短信.csv')
    const r = await cli('birthdays', '--month', '2026-12', '--sms', file, '--json')
    expect(r.code).toBe(0)
    const text = readFileSync(file, 'utf8')
    expect(text.startsWith('\uFEFF')).toBe(true)
    expect(text).toContain('\r\n')
    const rows = parse(text.slice(1)) as string[][]
    expect(rows[0]).toEqual(['手机', '姓名', '卡号', '生日', '短信内容', '字数', '条数'])
    // The phone leads with a tab so Excel keeps it as text (13800000002, not 1.38E+10); a reader
    // that trims the field gets the plain number (db/services/exports/listFile.ts).
    expect(rows.slice(1).map((x) => x[0])).toEqual(expectedMessages.map(([phone]) => `\t${phone}`))
    expect(rows.slice(1).map((x) => [x[0]!.trim(), x[4]])).toEqual(expectedMessages)
    for (const x of rows.slice(1)) {
      const length = [...x[4]!.replace(/^'/, '')].length
      expect(x[5]).toBe(String(length))
      expect(x[6]).toBe(String(Math.ceil(length / 70)))
    }
    const out = JSON.parse(r.stdout)
    expect(out).toMatchObject({ month: '2026-12', count: 3, segments: 3, unitPriceFen: 5, costFen: 15, noPhone: 1 })
    expect(readdirSync(dir).filter((f) => f.endsWith('.part'))).toEqual([])
  })

  it('--sms .xlsx reads back with exceljs; a long template is billed per 70 characters', async () => {
    const db = openDatabase(dbFile)
    updateSettings(
      db,
      {
        birthdayMail: {
          smsTemplate: `{姓名}{称谓}：${'祝'.repeat(70)}`,
          smsPriceFen: 6,
          cardCostFen: 200,
          giftText: '',
          collectDays: 30,
        },
      },
      SYSTEM_ACTOR,
    )
    closeDatabase(db)
    const file = join(dir, 'sms.xlsx')
    const r = await cli('birthdays', '--month', '2026-12', '--sms', file)
    expect(r.code).toBe(0)
    expect(existsSync(file)).toBe(true)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(file)
    const ws = wb.worksheets[0]!
    const values = ws.getSheetValues().slice(2) as unknown[][]
    expect(values.map((v) => [v[1], v[6], v[7]])).toEqual([
      ['13800000002', 81, 2], // '=SUM(A1)会员：' + 70 (the quote that defuses the formula is not counted)
      ['13800000001', 75, 2],
      ['13800000003', 75, 2],
    ])
    expect(r.stdout).toContain('共 6 条计费短信')
    expect(r.stdout).toContain('合计 0.36 元')
    expect(r.stdout).toContain('138****0001')
    expect(r.stdout).not.toContain('13800000001')
  })

  it('--pdf writes the cards of members with mail consent and an address, records the run, and prints nobody twice', async () => {
    const file = join(dir, '贺卡.pdf')
    const r = await cli(
      'birthdays',
      '--month',
      '2026-12',
      '--pdf',
      file,
      '--design',
      'postcard',
      '--labels',
      '3x7',
      '--offset',
      '2',
      '--json',
    )
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout)
    const labelsFile = join(dir, '贺卡-信封标签.pdf')
    expect(out).toMatchObject({
      file,
      labelsFile,
      month: '2026-12',
      design: 'postcard',
      labels: '3x7',
      cards: 1,
      costFen: 200,
    })
    // Only V002 agreed to mail and has an address; 王芳 has an address but no mail consent.
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-')
    const cards = pdfText(file)
    expect(cards).toContain('=SUM(A1)')
    expect(cards).not.toContain('王芳')
    const labels = pdfText(labelsFile)
    expect(labels).toContain('=SUM(A1)')
    expect(labels.replace(/ /g, '')).toContain('310012')
    expect(pdfPages(labelsFile)).toBe(1)

    const again = await cli('birthdays', '--month', '2026-12', '--pdf', join(dir, 'again.pdf'))
    expect(again.code).toBe(1)
    expect(again.stderr).toContain('没有待打印的贺卡')
    expect(existsSync(join(dir, 'again.pdf'))).toBe(false)
    const reprint = await cli('birthdays', '--month', '2026-12', '--pdf', join(dir, 'again.pdf'), '--reprint', '--json')
    expect(reprint.code).toBe(0)
    expect(JSON.parse(reprint.stdout)).toMatchObject({ cards: 1, reprinted: 1, design: 'folded-a5', labelsFile: null })
  })
})
