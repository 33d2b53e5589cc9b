import type { Actor } from '../../actor'
import { forbidden, notFound } from '../../errors'
import type { Db } from '../../handle'
import { monthDayText, salutationOf, smsLength, smsSegments } from '../../rules/birthdayMail'
import { normalizePhone } from '../../rules/phone'
import { CARE_PLANNERS } from '../../rules/roles'
import { recordAudit } from '../audit'
import { staffOfOperator } from '../care/contacts'
import { exportListFile, writeListFile, type ExportFormat, type ListColumn } from '../exports/listFile'
import { getSettings } from '../settings'
import { campaignName } from './calls'
import { callRows, type CallListRow } from './myCalls'
import { campaignReport } from './report'

export interface CampaignFileTarget {
  file: string
  format: ExportFormat
  /** Phones in full: the handler has checked the role (REVEALERS) */
  full: boolean
}

type CallRow = CallListRow & { rawPhone: string | null }
const CALL_COLUMNS: ListColumn<CallRow>[] = [
  { header: '活动', width: 16, value: (r) => r.campaignName },
  { header: '卡号', width: 14, value: (r) => r.cardNo, kind: 'text' },
  { header: '姓名', width: 10, value: (r) => r.name },
  { header: '等级', width: 8, value: (r) => r.tier },
  { header: '手机', width: 14, value: (r) => r.rawPhone, kind: 'phone' },
  { header: '回访人', width: 10, value: (r) => r.staffName ?? '未分配' },
  { header: '券号', width: 16, value: (r) => r.voucherNo, kind: 'text' },
  { header: '回访次数', width: 8, value: (r) => r.calls },
  { header: '最近结果', width: 10, value: (r) => r.lastOutcomeLabel },
  { header: '最近回访', width: 12, value: (r) => r.lastCallDay },
  { header: '备注', width: 24, value: (r) => r.lastNote },
  { header: '下次联系', width: 12, value: (r) => r.nextTry },
]

/**
 * 回访名单 as a file: planners get the whole campaign, a caller only their own part of it (the
 * same rows as 我的回访). Phones masked unless the export is full.
 */
export async function exportCallList(
  db: Db,
  input: CampaignFileTarget & { campaignId: number },
  actor: Actor,
): Promise<{ file: string; count: number }> {
  const name = campaignName(db, input.campaignId)
  let staffId: number | undefined
  if (!CARE_PLANNERS.includes(actor.role)) {
    const me = staffOfOperator(db, actor.id)
    if (!me) throw forbidden('您的账号未关联维护人，没有回访名单')
    staffId = me.id
  }
  const rows = callRows(db, { campaignId: input.campaignId, staffId })
  return exportListFile(
    db,
    {
      ...input,
      sheet: '回访名单',
      columns: CALL_COLUMNS,
      batches: [rows],
      what: `「${name}」回访名单`,
      entity: 'campaign',
    },
    actor,
  )
}

type CallerLine = ReturnType<typeof campaignReport>['callers'][number]
const yuan = (fen: number) => Math.round(fen) / 100
const REPORT_COLUMNS: ListColumn<CallerLine>[] = [
  { header: '回访人', width: 12, value: (r) => r.staffName ?? '未分配' },
  { header: '名单人数', width: 10, value: (r) => r.members },
  { header: '已联系', width: 8, value: (r) => r.contacted },
  { header: '接通', width: 8, value: (r) => r.reached },
  { header: '回店', width: 8, value: (r) => r.returned },
  { header: '回店销售（元）', width: 14, value: (r) => yuan(r.salesFen) },
  { header: '用券', width: 8, value: (r) => r.vouchersUsed },
]

/** The report per caller as a sheet, with the campaign's total as the last line. No personal data. */
export async function exportCampaignReport(
  db: Db,
  input: Omit<CampaignFileTarget, 'full'> & { campaignId: number },
  actor: Actor,
): Promise<{ file: string; count: number }> {
  const r = campaignReport(db, input.campaignId)
  const total: CallerLine = { ...r, staffId: null, staffName: '合计' }
  const count = await writeListFile({
    ...input,
    full: false,
    sheet: '唤醒活动报告',
    columns: REPORT_COLUMNS,
    batches: [[...r.callers, total]],
  })
  recordAudit(db, actor, 'export', 'campaign', r.id, `导出「${r.name}」活动报告（${input.format.toUpperCase()}）`)
  return { file: input.file, count }
}

export interface CampaignSms {
  phone: string
  name: string
  cardNo: string
  voucherNo: string | null
  message: string
  length: number
  segments: number
}

/** The wake-up SMS: the campaign's voucher, when it has one, by number, value and last day. */
export function campaignSmsText(
  m: {
    name: string
    gender: string | null
    voucherNo: string | null
    valueFen: number | null
    validUntil: string | null
  },
  storeName: string,
): string {
  const base = `${m.name}${salutationOf(m.gender)}您好，${storeName}好久不见，期待您回店看看。`
  if (!m.voucherNo || m.valueFen === null || !m.validUntil) return base
  const value = (m.valueFen / 100).toLocaleString('en-US', { maximumFractionDigits: 2 })
  return `${base}送您${value}元券一张，券号${m.voucherNo}，${monthDayText(m.validUntil)}前有效。`
}

/**
 * The SMS list of a campaign: members on it who agreed to SMS and have a usable mobile, each with
 * their message. Phones go in full (to the gateway), so only planners may call this.
 */
export function campaignSmsList(
  db: Db,
  campaignId: number,
): { rows: CampaignSms[]; noConsent: number; noPhone: number } {
  campaignName(db, campaignId)
  const storeName = getSettings(db).storeName
  const raw = db.sqlite
    .prepare(
      `SELECT m.card_no AS cardNo, m.name, m.gender, m.phone, m.sms_consent AS consent, v.voucher_no AS voucherNo,
              v.value_fen AS valueFen, v.valid_until AS until
         FROM campaign_members cm JOIN members m ON m.id = cm.member_id
         LEFT JOIN vouchers v ON v.id = cm.voucher_id AND v.status = 'issued'
        WHERE cm.campaign_id = ? ORDER BY m.card_no`,
    )
    .all(campaignId) as {
    cardNo: string
    name: string
    gender: string | null
    phone: string | null
    consent: number
    voucherNo: string | null
    valueFen: number | null
    until: number | null
  }[]
  const rows: CampaignSms[] = []
  let noConsent = 0
  let noPhone = 0
  for (const m of raw) {
    if (!m.consent) {
      noConsent++
      continue
    }
    const phone = normalizePhone(m.phone ?? '')
    if (!phone) {
      noPhone++
      continue
    }
    const validUntil = m.until === null ? null : String(m.until).replace(/^(\d{4})(\d{2})(\d{2})$/, '$1-$2-$3')
    const message = campaignSmsText({ ...m, validUntil }, storeName)
    rows.push({
      phone,
      name: m.name,
      cardNo: m.cardNo,
      voucherNo: m.voucherNo,
      message,
      length: smsLength(message),
      segments: smsSegments(message),
    })
  }
  return { rows, noConsent, noPhone }
}

const SMS_COLUMNS: ListColumn<CampaignSms>[] = [
  { header: '手机', width: 14, value: (r) => r.phone, kind: 'phone' },
  { header: '姓名', width: 10, value: (r) => r.name },
  { header: '卡号', width: 14, value: (r) => r.cardNo, kind: 'text' },
  { header: '券号', width: 16, value: (r) => r.voucherNo, kind: 'text' },
  { header: '短信内容', width: 70, value: (r) => r.message },
  { header: '字数', width: 6, value: (r) => r.length },
  { header: '条数', width: 6, value: (r) => r.segments },
]

export async function exportCampaignSms(
  db: Db,
  input: Omit<CampaignFileTarget, 'full'> & { campaignId: number },
  actor: Actor,
): Promise<{ file: string; count: number; noConsent: number; noPhone: number }> {
  if (!CARE_PLANNERS.includes(actor.role)) throw forbidden('只有企划或管理员可以导出短信名单')
  const name = campaignName(db, input.campaignId)
  const list = campaignSmsList(db, input.campaignId)
  if (!list.rows.length) throw notFound('名单中没有同意短信且手机号可用的会员')
  await writeListFile({ ...input, full: true, sheet: '唤醒短信', columns: SMS_COLUMNS, batches: [list.rows] })
  recordAudit(
    db,
    actor,
    'export',
    'campaign',
    input.campaignId,
    `导出「${name}」唤醒短信名单${list.rows.length}条（${input.format.toUpperCase()}，含完整手机号）`,
  )
  return { file: input.file, count: list.rows.length, noConsent: list.noConsent, noPhone: list.noPhone }
}
