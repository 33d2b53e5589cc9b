import type { Actor } from '../../actor'
import { storeDayInt, storeZone } from '../../clock'
import { conflict, forbidden } from '../../errors'
import { inTransaction, type Db } from '../../handle'
import { CARE_PLANNERS } from '../../rules/roles'
import { dayStartMs, sleepingCutoff } from '../../rules/tiers'
import { parseInput, z } from '../../validate'
import { recordAudit } from '../audit'
import { memberFilterSql, type MemberListQuery } from '../members/list'
import { getSettings } from '../settings'
import { issueIn, kindOf } from '../vouchers/issue'

/** The segment: the member list's filters, plus "sleeping for N months". */
export type CampaignSegment = MemberListQuery & { sleepingMonths?: number }

const createSchema = z.object({
  name: z.string({ error: '请填写活动名称' }).trim().min(2, '请填写活动名称').max(40, '活动名称最多 40 个字'),
  segment: z.record(z.string(), z.unknown()).default({}),
  sleepingMonths: z.number().int('月数须为整数').min(1, '至少 1 个月').max(60, '最多 60 个月').optional(),
  voucherKind: z.string().trim().min(1).max(20).optional(),
  returnDays: z.number().int().min(1, '至少 1 天').max(365, '最多 365 天').optional(),
})
export type CreateCampaignInput = z.input<typeof createSchema>

export interface CreatedCampaign {
  id: number
  name: string
  members: number
  /** Members put on a maintainer's list at once (their own VIPs) */
  assigned: number
  vouchers: number
}

/**
 * The segment as SQL over members: the member list's filters (active cards only, paging and sort
 * dropped) and the sleeping cutoff. Shared by the preview and creation so the count shown is the
 * count created.
 */
function segmentSql(db: Db, filters: MemberListQuery, sleepingMonths: number | undefined) {
  const segment: CampaignSegment = { ...filters, status: 'active' }
  if (sleepingMonths !== undefined) segment.sleepingMonths = sleepingMonths
  const { page: _p, pageSize: _s, sort: _o, order: _d, sleepingMonths: _m, ...rest } = segment
  const f = memberFilterSql(db, rest)
  const clauses = [f.where ? f.where.replace(/^WHERE /, '') : '1']
  const params = [...f.params]
  if (sleepingMonths !== undefined) {
    const cutoff = sleepingCutoff(storeDayInt(db), sleepingMonths)
    clauses.push('(last_purchase_at < ? OR (last_purchase_at IS NULL AND join_date < ?))')
    params.push(dayStartMs(cutoff, storeZone(db)), cutoff)
  }
  return { segment, clauses, params }
}

const previewSchema = createSchema.pick({ segment: true, sleepingMonths: true })
export type PreviewCampaignInput = z.input<typeof previewSchema>

/** 新建活动's live count: how many members the segment holds, and how many a maintainer already calls. */
export function previewCampaign(db: Db, input: PreviewCampaignInput): { members: number; withMaintainer: number } {
  const r = parseInput(previewSchema, input ?? {})
  const { clauses, params } = segmentSql(db, r.segment as MemberListQuery, r.sleepingMonths)
  return db.sqlite
    .prepare(
      `SELECT count(*) AS members,
              coalesce(sum(EXISTS (SELECT 1 FROM vip_assignments a JOIN staff s ON s.id = a.staff_id
                        WHERE a.member_id = members.id AND a.until_day IS NULL AND s.active = 1)), 0) AS withMaintainer
         FROM members WHERE ${clauses.join(' AND ')}`,
    )
    .get(...params) as { members: number; withMaintainer: number }
}

/** Most a campaign takes: a call list staff can work through, and a bound on one transaction. */
const MAX_MEMBERS = 20_000

/**
 * 唤醒活动: the members of a segment (active cards only), each with a voucher of the chosen kind if
 * one is chosen (never two for one campaign), and each member a maintainer looks after put on that
 * maintainer's list at once. The rest wait for 分配 (splitCampaign).
 */
export function createCampaign(db: Db, input: CreateCampaignInput, actor: Actor): CreatedCampaign {
  if (!CARE_PLANNERS.includes(actor.role)) throw forbidden('只有企划或管理员可以创建唤醒活动')
  const r = parseInput(createSchema, input)
  const { segment, clauses, params } = segmentSql(db, r.segment as MemberListQuery, r.sleepingMonths)
  const returnDays = r.returnDays ?? getSettings(db).vouchers.campaignReturnDays
  return inTransaction(db, () => {
    const kind = r.voucherKind ? kindOf(db, r.voucherKind) : null
    const ids = db.sqlite
      .prepare(`SELECT id FROM members WHERE ${clauses.join(' AND ')} ORDER BY id LIMIT ${MAX_MEMBERS + 1}`)
      .pluck()
      .all(...params) as number[]
    if (!ids.length) throw conflict('没有符合条件的会员，请放宽条件')
    if (ids.length > MAX_MEMBERS)
      throw conflict(`符合条件的会员超过 ${MAX_MEMBERS.toLocaleString('en-US')} 名，请缩小范围`)
    const now = db.now().getTime()
    const id = Number(
      db.sqlite
        .prepare(
          `INSERT INTO campaigns (name, segment, voucher_kind, return_days, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)`,
        )
        .run(r.name, JSON.stringify(segment), kind?.name ?? null, returnDays, now, actor.id).lastInsertRowid,
    )
    const maintainer = db.sqlite.prepare(
      `SELECT a.staff_id FROM vip_assignments a JOIN staff s ON s.id = a.staff_id
        WHERE a.member_id = ? AND a.until_day IS NULL AND s.active = 1`,
    )
    const insert = db.sqlite.prepare(
      'INSERT INTO campaign_members (campaign_id, member_id, staff_id, voucher_id) VALUES (?, ?, ?, ?)',
    )
    let assigned = 0
    for (const memberId of ids) {
      const staffId = (maintainer.pluck().get(memberId) as number | undefined) ?? null
      if (staffId !== null) assigned++
      const voucher = kind
        ? issueIn(db, { kind, memberId, source: 'campaign', reason: r.name, ref: `campaign:${id}:${memberId}` }, actor)
        : null
      insert.run(id, memberId, staffId, voucher?.id ?? null)
    }
    recordAudit(
      db,
      actor,
      'create',
      'campaign',
      id,
      `创建唤醒活动「${r.name}」：${ids.length} 名会员${kind ? `，每人一张${kind.name}` : ''}`,
    )
    return { id, name: r.name, members: ids.length, assigned, vouchers: kind ? ids.length : 0 }
  })
}
