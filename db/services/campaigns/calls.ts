import type { Actor } from '../../actor'
import { conflict, forbidden, notFound } from '../../errors'
import { inTransaction, type Db } from '../../handle'
import { CALL_OUTCOMES, CALL_OUTCOME_LABELS } from '../../rules/campaigns'
import { parseIsoDay, ymdToInt } from '../../rules/dates'
import { CARE_PLANNERS, GIFT_KEEPERS } from '../../rules/roles'
import { parseInput, z } from '../../validate'
import { recordAudit } from '../audit'

export function campaignName(db: Db, id: number): string {
  const name = db.sqlite.prepare('SELECT name FROM campaigns WHERE id = ?').pluck().get(id) as string | undefined
  if (name === undefined) throw notFound('找不到该唤醒活动')
  return name
}

const splitSchema = z.object({
  campaignId: z.number().int().positive(),
  staffIds: z.array(z.number().int().positive()).min(1, '请选择至少一位员工').max(200),
})
export type SplitCampaignInput = z.input<typeof splitSchema>

/**
 * 分配: the members no one calls yet go round the chosen staff in turn (fewest first), so each
 * gets an even share on top of their own VIPs. Inactive staff are refused.
 */
export function splitCampaign(db: Db, input: SplitCampaignInput, actor: Actor): { assigned: number } {
  if (!CARE_PLANNERS.includes(actor.role)) throw forbidden('只有企划或管理员可以分配回访名单')
  const r = parseInput(splitSchema, input)
  return inTransaction(db, () => {
    const name = campaignName(db, r.campaignId)
    const staff = [...new Set(r.staffIds)].map((id) => {
      const s = db.sqlite.prepare('SELECT id, name, active FROM staff WHERE id = ?').get(id) as
        { id: number; name: string; active: number } | undefined
      if (!s) throw notFound('找不到所选员工')
      if (!s.active) throw conflict(`员工 ${s.name} 已离开维护，不能分配`)
      return s.id
    })
    const load = new Map(staff.map((id) => [id, 0]))
    const counts = db.sqlite
      .prepare('SELECT staff_id AS id, count(*) AS n FROM campaign_members WHERE campaign_id = ? GROUP BY staff_id')
      .all(r.campaignId) as { id: number | null; n: number }[]
    for (const c of counts) if (c.id !== null && load.has(c.id)) load.set(c.id, c.n)
    const open = db.sqlite
      .prepare('SELECT id FROM campaign_members WHERE campaign_id = ? AND staff_id IS NULL ORDER BY member_id')
      .pluck()
      .all(r.campaignId) as number[]
    const set = db.sqlite.prepare('UPDATE campaign_members SET staff_id = ? WHERE id = ?')
    for (const row of open) {
      const [next] = [...load].sort((a, b) => a[1] - b[1] || a[0] - b[0])[0]!
      set.run(next, row)
      load.set(next, load.get(next)! + 1)
    }
    if (open.length)
      recordAudit(
        db,
        actor,
        'split',
        'campaign',
        r.campaignId,
        `「${name}」分配 ${open.length} 名会员给 ${staff.length} 位员工`,
      )
    return { assigned: open.length }
  })
}

const callSchema = z.object({
  campaignId: z.number().int().positive(),
  memberId: z.number().int().positive(),
  outcome: z.enum(CALL_OUTCOMES, { error: '请选择回访结果' }),
  note: z.string().trim().max(200, '备注最多 200 个字').default(''),
  nextTry: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, '下次联系日期应为 YYYY-MM-DD')
    .optional(),
})
export type RecordCallInput = z.input<typeof callSchema>

/** 回访记录: one call's outcome, appended; the caller is the member's assigned staff member. */
export function recordCall(db: Db, input: RecordCallInput, actor: Actor): { id: number } {
  if (!GIFT_KEEPERS.includes(actor.role)) throw forbidden('您的角色不能记录回访')
  const r = parseInput(callSchema, input)
  const next = r.nextTry ? parseIsoDay(r.nextTry) : null
  if (r.nextTry && !next) throw conflict('下次联系日期无效')
  return inTransaction(db, () => {
    const name = campaignName(db, r.campaignId)
    const row = db.sqlite
      .prepare('SELECT staff_id AS staffId FROM campaign_members WHERE campaign_id = ? AND member_id = ?')
      .get(r.campaignId, r.memberId) as { staffId: number | null } | undefined
    if (!row) throw notFound('该会员不在此活动的回访名单中')
    const id = Number(
      db.sqlite
        .prepare(
          `INSERT INTO campaign_calls (campaign_id, member_id, staff_id, outcome, note, next_try, at, operator_id)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          r.campaignId,
          r.memberId,
          row.staffId,
          r.outcome,
          r.note,
          next ? ymdToInt(next) : null,
          db.now().getTime(),
          actor.id,
        ).lastInsertRowid,
    )
    recordAudit(db, actor, 'call', 'campaign', r.campaignId, `「${name}」回访：${CALL_OUTCOME_LABELS[r.outcome]}`)
    return { id }
  })
}
