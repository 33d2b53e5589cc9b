import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { listAudit } from '../../db/services/audit'
import { createMember } from '../../db/services/members'
import { recordPurchase } from '../../db/services/purchases'
import type { CallName } from '../../server/contract/contract'
import { makeTestDb, type TestDb } from '../support/db'
import { insertAssignment, insertStaff } from '../support/careSql'
import { dispatcherFor, testShell } from '../support/dispatcher'
import { makeSheetDir, readXlsxRows, type SheetDir } from '../support/sheets'
import { storeDate } from '../support/storeTime'

const ADMIN = 1
const PLANNER = 2
const CLERK = 3
const VIPROOM = 4

let t: TestDb
let files: SheetDir
let saveTo: string | null
let asked: string[]
let staffId: number

function member(cardNo: string, phone: string, over: Record<string, unknown> = {}) {
  return createMember(t.db, { cardNo, name: `会员${cardNo}`, phone, ...over }, t.admin).id
}

beforeEach(() => {
  t = makeTestDb()
  files = makeSheetDir()
  saveTo = null
  asked = []
  // A big spender born in December with an address: on 高端名单, the December cake list and 我的VIP.
  const vip = member('L0001', '13800138000', {
    birthday: '1980-12-05',
    province: '广东省',
    city: '广州市',
    district: '天河区',
    address: '体育西路1号',
    postalCode: '510620',
  })
  recordPurchase(
    t.db,
    { memberId: vip, receiptNo: 'R1', amountFen: 500_000, purchasedAt: storeDate(2026, 9, 1, 11).getTime() },
    t.admin,
  )
  // Asleep since January, with a card that lapsed in March.
  const asleep = member('L0002', '13900139000')
  recordPurchase(
    t.db,
    { memberId: asleep, receiptNo: 'R2', amountFen: 10_000, purchasedAt: storeDate(2026, 0, 10, 11).getTime() },
    t.admin,
  )
  t.db.sqlite.prepare('UPDATE members SET valid_until = 20260301 WHERE id = ?').run(asleep)
  staffId = insertStaff(t.db, '孙悦')
  insertAssignment(t.db, vip, staffId, 20260101)
})
afterEach(() => t.close())

const dispatcher = () =>
  dispatcherFor(
    t,
    testShell({
      pickSaveFile: async (o) => {
        asked.push(o.defaultName)
        return saveTo
      },
    }),
    {
      [ADMIN]: 'admin',
      [PLANNER]: { name: '企划小王', role: 'planner' },
      [CLERK]: { name: '文员小李', role: 'clerk' },
      [VIPROOM]: { name: '贵宾室小赵', role: 'viproom' },
    },
  )

type ExportCall = Extract<
  CallName,
  'tiers:sleepingExport' | 'tiers:expiredExport' | 'care:highValueExport' | 'care:cakeListExport' | 'care:myVipsExport'
>
interface Case {
  call: ExportCall
  extra: Record<string, unknown>
  name: string
  headers: string[]
  /** The card numbers the list holds, in order */
  cards: string[]
  audit: RegExp
}
const CASES: Case[] = [
  {
    call: 'tiers:sleepingExport',
    extra: {},
    name: '沉睡会员',
    headers: ['卡号', '姓名', '手机', '等级', '积分', '开卡日期', '最近消费', '沉睡天数'],
    cards: ['L0002'],
    audit: /^导出沉睡会员名单（6个月未消费）1条/,
  },
  {
    call: 'tiers:expiredExport',
    extra: {},
    name: '过期卡',
    headers: ['卡号', '姓名', '手机', '等级', '有效期至', '期内积分', '可续卡', '当前积分', '最近消费'],
    cards: ['L0002'],
    audit: /^导出过期卡名单1条/,
  },
  {
    call: 'care:highValueExport',
    extra: {},
    name: '高端名单',
    headers: [
      '排名',
      '卡号',
      '姓名',
      '手机',
      '等级',
      '近12个月消费（元）',
      '积分',
      '状态',
      '维护人',
      '维护起始',
      '距上次联系（天）',
      '最近消费',
    ],
    cards: ['L0001', 'L0002'],
    audit: /^导出高端名单2条/,
  },
  {
    call: 'care:cakeListExport',
    extra: { month: '2026-12' },
    name: '生日蛋糕-2026-12',
    headers: ['卡号', '姓名', '手机', '今年生日', '历法', '积分', '维护人', '送达地址', '邮编', '配送', '送达人'],
    cards: ['L0001'],
    audit: /^导出2026-12生日蛋糕名单（含地址）1条/,
  },
  {
    call: 'care:myVipsExport',
    extra: { staffId: -1 },
    name: '我的VIP',
    headers: [
      '卡号',
      '姓名',
      '手机',
      '等级',
      '下次生日',
      '最近消费',
      '最近联系',
      '联系方式',
      '待跟进',
      '近12个月消费（元）',
    ],
    cards: ['L0001'],
    audit: /^导出孙悦的VIP名单1条/,
  },
]
const PHONES: Record<string, [string, string]> = {
  L0001: ['13800138000', '138****8000'],
  L0002: ['13900139000', '139****9000'],
}
const input = (c: Case, over: Record<string, unknown>) => ({
  ...c.extra,
  ...(c.extra.staffId ? { staffId } : {}),
  ...over,
})

describe.each(CASES)('$name export', (c) => {
  it('writes .xlsx with the phone in full for a planner, as a text cell, and audits it with the operator', async () => {
    const d = await dispatcher()
    saveTo = files.path('list.xlsx')
    const r = await d.dispatch(c.call, input(c, { format: 'xlsx', full: true }) as never, PLANNER)
    expect(r).toEqual({ ok: true, data: { file: saveTo, count: c.cards.length } })
    expect(asked).toEqual([`${c.name}-2026-11-23.xlsx`])
    const { rows, sheet } = await readXlsxRows(saveTo)
    expect(rows[0]).toEqual(c.headers)
    const phoneCol = c.headers.indexOf('手机')
    const cardCol = c.headers.indexOf('卡号')
    expect(rows.slice(1).map((row) => row[cardCol])).toEqual(c.cards)
    expect(rows.slice(1).map((row) => row[phoneCol])).toEqual(c.cards.map((card) => PHONES[card]![0]))
    const cell = sheet.getRow(2).getCell(phoneCol + 1)
    expect(typeof cell.value).toBe('string')
    expect(cell.numFmt).toBe('@')
    const audit = listAudit(t.db, {}).rows.find((a) => a.action === 'export')!
    expect(audit.operatorName).toBe('企划小王')
    expect(audit.summary).toMatch(c.audit)
    expect(audit.summary).toContain('XLSX，含完整手机号')
  })

  it('writes .csv with a BOM and masked phones by default; a full phone is refused to a clerk', async () => {
    const d = await dispatcher()
    saveTo = files.path('list.csv')
    // The clerk may read the lists but not reveal numbers (高端名单 is the planners' alone).
    const who = c.call === 'care:highValueExport' || c.call === 'care:myVipsExport' ? ADMIN : CLERK
    const refused = await d.dispatch(c.call, input(c, { format: 'csv', full: true }) as never, CLERK)
    expect(refused).toMatchObject({ ok: false, error: { kind: 'forbidden' } })
    expect(listAudit(t.db, {}).rows.filter((a) => a.action === 'export')).toEqual([])

    const r = await d.dispatch(c.call, input(c, { format: 'csv' }) as never, who)
    expect(r).toMatchObject({ ok: true, data: { count: c.cards.length } })
    const text = readFileSync(saveTo, 'utf8')
    expect(text.startsWith('\uFEFF')).toBe(true)
    const lines = text.slice(1).trimEnd().split('\r\n')
    expect(lines[0]).toBe(c.headers.join(','))
    for (const card of c.cards) {
      expect(text).toContain(PHONES[card]![1])
      expect(text).not.toContain(PHONES[card]![0])
    }
    expect(listAudit(t.db, {}).rows.find((a) => a.action === 'export')!.summary).toContain('CSV，手机号已打码')
  })

  it('writes the full phone in .csv as tab-prefixed text, so Excel does not show 1.38E+10', async () => {
    const d = await dispatcher()
    saveTo = files.path('full.csv')
    const r = await d.dispatch(c.call, input(c, { format: 'csv', full: true }) as never, ADMIN)
    expect(r.ok).toBe(true)
    const text = readFileSync(saveTo, 'utf8')
    for (const card of c.cards) expect(text).toContain(`,\t${PHONES[card]![0]},`)
  })

  it('a cancelled save dialog writes and audits nothing', async () => {
    const d = await dispatcher()
    expect(await d.dispatch(c.call, input(c, { format: 'xlsx' }) as never, ADMIN)).toEqual({ ok: true, data: null })
    expect(listAudit(t.db, {}).rows.filter((a) => a.action === 'export')).toEqual([])
  })
})

describe('list export roles', () => {
  it('高端名单 is the planners’ only; the VIP room may export the cake list with full phones', async () => {
    const d = await dispatcher()
    saveTo = files.path('x.xlsx')
    expect(await d.dispatch('care:highValueExport', { format: 'xlsx' }, CLERK)).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    })
    const r = await d.dispatch('care:cakeListExport', { format: 'xlsx', month: '2026-12', full: true }, VIPROOM)
    expect(r).toMatchObject({ ok: true, data: { count: 1 } })
    const { rows } = await readXlsxRows(saveTo)
    expect(rows[1]).toContain('广东省广州市天河区体育西路1号')
    expect(rows[1]).toContain('510620')
  })

  it('the member export gains the new filters and keeps its masking', async () => {
    const d = await dispatcher()
    saveTo = files.path('members.csv')
    const r = await d.dispatch(
      'members:export',
      { format: 'csv', filter: { spendMinFen: 100_000, lastPurchaseFrom: '2026-06-01' } },
      CLERK,
    )
    expect(r).toMatchObject({ ok: true, data: { count: 1 } })
    const text = readFileSync(saveTo, 'utf8')
    expect(text).toContain('L0001')
    expect(text).toContain('138****8000')
    expect(text).not.toContain('L0002')
  })
})
