import type { Actor } from '../../actor'
import type { Db } from '../../handle'
import { CAKE_DELIVERY_STATUS_LABELS } from '../../rules/care'
import { statements } from '../../statements'
import { cakeList, type CakeCandidate, type CakeListInput } from '../care/cakes'
import { highValueList, type HighValueRow } from '../care/highValue'
import { myVips, type MyVip } from '../care/myVips'
import {
  expiredCards,
  sleepingMembers,
  type ExpiredCard,
  type SleepingMember,
  type SleepingQuery,
} from '../tiers/lists'
import { exportListFile, type ExportFormat, type ListColumn } from './listFile'

/**
 * The planners' lists as files: each reads its list through the same service as its screen (so
 * the file holds what the screen shows, in the same order) and adds the member's raw phone — and
 * for the cake run the address — which the shared writer masks unless the export is full.
 */

export interface ListFileTarget {
  file: string
  format: ExportFormat
  full: boolean
}

const stmts = statements((s) => ({
  contact: s.prepare(
    `SELECT phone, province, city, district, address, postal_code AS postalCode FROM members WHERE id = ?`,
  ),
}))

interface Contact {
  phone: string | null
  province: string | null
  city: string | null
  district: string | null
  address: string | null
  postalCode: string | null
}
const contactOf = (db: Db, memberId: number) => stmts(db).contact.get(memberId) as Contact

type With<T> = T & { contact: Contact }
const withContact = <T extends { memberId: number }>(db: Db, rows: T[]): With<T>[] =>
  rows.map((r) => ({ ...r, contact: contactOf(db, r.memberId) }))

const yuan = (fen: number) => Math.round(fen) / 100
/** 省/市/区 and street as one line; municipalities repeat themselves (北京市 北京市), so drop the echo. */
const addressLine = (c: Contact) =>
  [c.province, c.city !== c.province ? c.city : null, c.district, c.address].filter(Boolean).join('') || null

const phoneColumn = <T>(): ListColumn<With<T>> => ({
  header: '手机',
  width: 14,
  value: (r) => r.contact.phone,
  kind: 'phone',
})

/** Pages through a paged list service (200 a page, its maximum). */
function allPages<T>(read: (page: number) => { rows: T[]; total: number }): T[] {
  const rows: T[] = []
  for (let page = 1; ; page++) {
    const got = read(page)
    rows.push(...got.rows)
    if (rows.length >= got.total || !got.rows.length) return rows
  }
}

export async function exportSleeping(
  db: Db,
  input: ListFileTarget & Omit<SleepingQuery, 'page' | 'pageSize'>,
  actor: Actor,
): Promise<{ file: string; count: number }> {
  let months = 0
  const rows = allPages((page) => {
    const got = sleepingMembers(db, { months: input.months, includeNever: input.includeNever, page, pageSize: 200 })
    months = got.months
    return got
  })
  const columns: ListColumn<With<SleepingMember>>[] = [
    { header: '卡号', width: 14, value: (r) => r.cardNo },
    { header: '姓名', width: 10, value: (r) => r.name },
    phoneColumn(),
    { header: '等级', width: 8, value: (r) => r.tier },
    { header: '积分', width: 10, value: (r) => r.points },
    { header: '开卡日期', width: 12, value: (r) => r.joinDate },
    { header: '最近消费', width: 12, value: (r) => r.lastPurchase },
    { header: '沉睡天数', width: 10, value: (r) => r.daysAsleep },
  ]
  return exportListFile(
    db,
    {
      ...input,
      sheet: '沉睡会员',
      columns,
      batches: [withContact(db, rows)],
      what: `沉睡会员名单（${months}个月未消费）`,
      entity: 'member',
    },
    actor,
  )
}

export async function exportExpired(
  db: Db,
  input: ListFileTarget,
  actor: Actor,
): Promise<{ file: string; count: number }> {
  const rows = allPages((page) => expiredCards(db, { page, pageSize: 200 }))
  const columns: ListColumn<With<ExpiredCard>>[] = [
    { header: '卡号', width: 14, value: (r) => r.cardNo },
    { header: '姓名', width: 10, value: (r) => r.name },
    phoneColumn(),
    { header: '等级', width: 8, value: (r) => r.tier },
    { header: '有效期至', width: 12, value: (r) => r.validUntil },
    { header: '期内积分', width: 10, value: (r) => r.earnedPoints },
    { header: '可续卡', width: 8, value: (r) => (r.qualified ? '是' : '否') },
    { header: '当前积分', width: 10, value: (r) => r.points },
    { header: '最近消费', width: 12, value: (r) => r.lastPurchase },
  ]
  return exportListFile(
    db,
    { ...input, sheet: '过期卡', columns, batches: [withContact(db, rows)], what: '过期卡名单', entity: 'member' },
    actor,
  )
}

const STATUS_TEXT: Record<HighValueRow['status'], string> = {
  unassigned: '未分配',
  assigned: '已分配',
  staffLeft: '维护人已离职',
}

export async function exportHighValue(
  db: Db,
  input: ListFileTarget,
  actor: Actor,
): Promise<{ file: string; count: number }> {
  const list = highValueList(db)
  const columns: ListColumn<With<HighValueRow>>[] = [
    { header: '排名', width: 6, value: (r) => r.rank ?? '不再符合' },
    { header: '卡号', width: 14, value: (r) => r.cardNo },
    { header: '姓名', width: 10, value: (r) => r.name },
    phoneColumn(),
    { header: '等级', width: 8, value: (r) => r.tier },
    { header: '近12个月消费（元）', width: 16, value: (r) => yuan(r.spendFen) },
    { header: '积分', width: 10, value: (r) => r.points },
    { header: '状态', width: 12, value: (r) => STATUS_TEXT[r.status] },
    { header: '维护人', width: 10, value: (r) => r.staffName },
    { header: '维护起始', width: 12, value: (r) => r.since },
    { header: '距上次联系（天）', width: 14, value: (r) => r.daysSinceContact },
    { header: '最近消费', width: 12, value: (r) => r.lastPurchase },
  ]
  return exportListFile(
    db,
    { ...input, sheet: '高端名单', columns, batches: [withContact(db, list.rows)], what: '高端名单', entity: 'care' },
    actor,
  )
}

export async function exportCakeList(
  db: Db,
  input: ListFileTarget & CakeListInput,
  actor: Actor,
): Promise<{ file: string; count: number }> {
  const list = cakeList(db, { month: input.month, skipLastYear: input.skipLastYear })
  const columns: ListColumn<With<CakeCandidate>>[] = [
    { header: '卡号', width: 14, value: (r) => r.cardNo },
    { header: '姓名', width: 10, value: (r) => r.name },
    phoneColumn(),
    { header: '今年生日', width: 12, value: (r) => r.birthdayThisYear },
    { header: '历法', width: 6, value: (r) => (r.lunar ? '农历' : '公历') },
    { header: '积分', width: 10, value: (r) => r.points },
    { header: '维护人', width: 10, value: (r) => r.maintainer },
    { header: '送达地址', width: 40, value: (r) => addressLine(r.contact) },
    { header: '邮编', width: 8, value: (r) => r.contact.postalCode, kind: 'text' },
    {
      header: '配送',
      width: 8,
      value: (r) => (r.delivery ? CAKE_DELIVERY_STATUS_LABELS[r.delivery.status] : '未安排'),
    },
    { header: '送达人', width: 10, value: (r) => r.delivery?.deliverer ?? null },
  ]
  return exportListFile(
    db,
    {
      ...input,
      sheet: '生日蛋糕',
      columns,
      batches: [withContact(db, list.rows)],
      what: `${list.month}生日蛋糕名单（含地址）`,
      entity: 'care',
    },
    actor,
  )
}

export async function exportMyVips(
  db: Db,
  input: ListFileTarget & { staffId?: number },
  actor: Actor,
): Promise<{ file: string; count: number }> {
  const result = myVips(db, { staffId: input.staffId }, actor)
  const columns: ListColumn<With<MyVip>>[] = [
    { header: '卡号', width: 14, value: (r) => r.cardNo },
    { header: '姓名', width: 10, value: (r) => r.name },
    phoneColumn(),
    { header: '等级', width: 8, value: (r) => r.tier },
    { header: '下次生日', width: 12, value: (r) => r.birthday },
    { header: '最近消费', width: 12, value: (r) => r.lastPurchase?.day ?? null },
    { header: '最近联系', width: 12, value: (r) => r.lastContact?.day ?? null },
    { header: '联系方式', width: 10, value: (r) => r.lastContact?.kindLabel ?? null },
    { header: '待跟进', width: 12, value: (r) => r.followUp },
    { header: '近12个月消费（元）', width: 16, value: (r) => yuan(r.spend12mFen) },
  ]
  const who = result.staff ? `${result.staff.name}的VIP名单` : '我的VIP名单'
  return exportListFile(
    db,
    { ...input, sheet: '我的VIP', columns, batches: [withContact(db, result.rows)], what: who, entity: 'care' },
    actor,
  )
}
