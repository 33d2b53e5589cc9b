import type { Actor } from '../../actor'
import type { Db } from '../../handle'
import {
  collectUntil,
  fillGreeting,
  monthDayText,
  salutationOf,
  smsLength,
  voucherValues,
  smsSegments,
} from '../../rules/birthdayMail'
import { normalizePhone } from '../../rules/phone'
import { recordAudit } from '../audit'
import { writeListFile, type ListColumn } from '../exports/listFile'
import { getSettings } from '../settings'
import { birthdayVoucherOf, birthdayVouchersForRun } from '../vouchers/birthday'
import { birthdaysOfMonth, type BirthdayMember } from './month'

/** One SMS of the month's list: the full phone number goes to the store's SMS gateway. */
export interface BirthdaySms {
  cardNo: string
  name: string
  phone: string
  dateThisYear: string
  message: string
  length: number
  segments: number
}

export interface BirthdaySmsList {
  month: string
  rows: BirthdaySms[]
  segments: number
  priceFen: number
  costFen: number
  /** Born this month with SMS consent but no usable mobile number (left out of the list). */
  noPhone: number
}

/** The SMS for one member, from the template in settings. */
export function birthdaySmsText(
  member: Pick<BirthdayMember, 'name' | 'gender' | 'dateThisYear'> & {
    voucher?: { voucherNo: string; valueFen: number } | null
  },
  rules: { template: string; storeName: string; giftText: string; collectDays: number },
): string {
  return fillGreeting(rules.template, {
    姓名: member.name,
    称谓: salutationOf(member.gender),
    生日: monthDayText(member.dateThisYear),
    门店: rules.storeName,
    礼品: rules.giftText,
    领取期限: monthDayText(collectUntil(member.dateThisYear, rules.collectDays)),
    ...voucherValues(member.voucher),
  })
}

/**
 * The month's SMS list: active members born that month who agreed to SMS, with their message,
 * its length and segments, and the cost at the unit price in settings.
 */
export function birthdaySmsList(db: Db, input: { month: string }): BirthdaySmsList {
  const settings = getSettings(db)
  const rules = {
    template: settings.birthdayMail.smsTemplate,
    storeName: settings.storeName,
    giftText: settings.birthdayMail.giftText,
    collectDays: settings.birthdayMail.collectDays,
  }
  const list = birthdaysOfMonth(db, { month: input.month, status: 'active', sms: true })
  const rows: BirthdaySms[] = []
  let noPhone = 0
  for (const m of list.rows) {
    const phone = normalizePhone(m.phone ?? '')
    if (!phone) {
      noPhone++
      continue
    }
    const message = birthdaySmsText({ ...m, voucher: birthdayVoucherOf(db, m.memberId, m.dateThisYear) }, rules)
    rows.push({
      cardNo: m.cardNo,
      name: m.name,
      phone,
      dateThisYear: m.dateThisYear,
      message,
      length: smsLength(message),
      segments: smsSegments(message),
    })
  }
  const segments = rows.reduce((s, r) => s + r.segments, 0)
  const priceFen = settings.birthdayMail.smsPriceFen
  return { month: list.month, rows, segments, priceFen, costFen: segments * priceFen, noPhone }
}

/** The phone first, as gateways expect; written as text so Excel shows 13800138000, not 1.38E+10. */
const COLUMNS: ListColumn<BirthdaySms>[] = [
  { header: '手机', width: 14, value: (r) => r.phone, kind: 'phone' },
  { header: '姓名', width: 10, value: (r) => r.name },
  { header: '卡号', width: 14, value: (r) => r.cardNo },
  { header: '生日', width: 12, value: (r) => r.dateThisYear },
  { header: '短信内容', width: 70, value: (r) => r.message },
  { header: '字数', width: 6, value: (r) => r.length },
  { header: '条数', width: 6, value: (r) => r.segments },
]

/**
 * Writes the SMS list to .csv (UTF-8 with BOM, CRLF) or .xlsx. The file appears only when
 * complete, and the audit log records the count (phones are exported in full: they go to the
 * gateway, and only BIRTHDAY_SENDERS may call this).
 */
export async function exportBirthdaySms(
  db: Db,
  input: { month: string; file: string; format: 'csv' | 'xlsx' },
  actor: Actor,
): Promise<BirthdaySmsList & { file: string }> {
  // The list carries the voucher numbers, so the month's vouchers are issued first.
  birthdayVouchersForRun(db, input.month, actor)
  const list = birthdaySmsList(db, { month: input.month })
  await writeListFile({ ...input, sheet: '生日短信', columns: COLUMNS, batches: [list.rows], full: true })
  db.sqlite
    .prepare(
      `INSERT INTO birthday_sms_exports (month, messages, segments, unit_fen, cost_fen, operator_id, operator_name, at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      list.month,
      list.rows.length,
      list.segments,
      list.priceFen,
      list.costFen,
      actor.id,
      actor.name,
      db.now().getTime(),
    )
  recordAudit(
    db,
    actor,
    'export',
    'member',
    null,
    `导出${list.month}生日短信名单${list.rows.length}条（${input.format.toUpperCase()}，含完整手机号）`,
  )
  return { ...list, file: input.file }
}
