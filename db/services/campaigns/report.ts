import { notFound } from '../../errors'
import type { Db } from '../../handle'
import { REACHED_OUTCOMES } from '../../rules/campaigns'

/** One line of the campaign report: a caller, or the whole campaign. */
export interface CampaignFigures {
  /** Members on the list */
  members: number
  /** Members called at least once */
  contacted: number
  /** Members spoken to (接通, 拒绝, 表示会来店) */
  reached: number
  /** Members who bought within the return window after their first call */
  returned: number
  /** What those members bought in that window, net of returns, fen */
  salesFen: number
  /** Campaign vouchers used */
  vouchersUsed: number
}

export interface CampaignReport extends CampaignFigures {
  id: number
  name: string
  returnDays: number
  voucherKind: string | null
  /** By caller; staffName null: not yet given to anyone */
  callers: (CampaignFigures & { staffId: number | null; staffName: string | null })[]
}

const REACHED = REACHED_OUTCOMES.map((o) => `'${o}'`).join(', ')

/**
 * Contacted, reached and returned per caller: a member returned when they bought within
 * `returnDays` of their first call (the contact), and the sales they brought are that window's
 * purchases, returns netted.
 */
export function campaignReport(db: Db, id: number): CampaignReport {
  const c = db.sqlite
    .prepare('SELECT id, name, return_days AS returnDays, voucher_kind AS voucherKind FROM campaigns WHERE id = ?')
    .get(id) as { id: number; name: string; returnDays: number; voucherKind: string | null } | undefined
  if (!c) throw notFound('找不到该唤醒活动')
  const windowMs = c.returnDays * 86_400_000
  const rows = db.sqlite
    .prepare(
      `WITH list AS (
         SELECT cm.member_id, cm.staff_id, cm.voucher_id,
                (SELECT min(at) FROM campaign_calls k WHERE k.campaign_id = cm.campaign_id AND k.member_id = cm.member_id) AS firstCall,
                (SELECT count(*) FROM campaign_calls k WHERE k.campaign_id = cm.campaign_id AND k.member_id = cm.member_id
                   AND k.outcome IN (${REACHED})) AS reachedCalls
           FROM campaign_members cm WHERE cm.campaign_id = @id),
       bought AS (
         SELECT l.*, (SELECT coalesce(sum(p.amount_fen), 0) FROM purchases p
                       WHERE p.member_id = l.member_id AND p.purchased_at >= l.firstCall
                         AND p.purchased_at < l.firstCall + @window) AS sales,
                (SELECT count(*) FROM purchases p WHERE p.member_id = l.member_id AND p.amount_fen > 0
                   AND p.purchased_at >= l.firstCall AND p.purchased_at < l.firstCall + @window) AS sales_lines
           FROM list l)
       SELECT b.staff_id AS staffId, s.name AS staffName, count(*) AS members,
              sum(b.firstCall IS NOT NULL) AS contacted, sum(b.reachedCalls > 0) AS reached,
              sum(b.sales_lines > 0) AS returned, coalesce(sum(CASE WHEN b.sales_lines > 0 THEN b.sales END), 0) AS salesFen,
              sum(EXISTS (SELECT 1 FROM vouchers v WHERE v.id = b.voucher_id AND v.status = 'used')) AS vouchersUsed
         FROM bought b LEFT JOIN staff s ON s.id = b.staff_id
        GROUP BY b.staff_id ORDER BY s.name IS NULL, s.name`,
    )
    .all({ id, window: windowMs }) as CampaignReport['callers']
  const total: CampaignFigures = { members: 0, contacted: 0, reached: 0, returned: 0, salesFen: 0, vouchersUsed: 0 }
  for (const r of rows) for (const k of Object.keys(total) as (keyof CampaignFigures)[]) total[k] += r[k]
  return { ...c, ...total, callers: rows }
}

export interface CampaignListRow {
  id: number
  name: string
  createdAt: number
  members: number
  voucherKind: string | null
}

export function listCampaigns(db: Db): CampaignListRow[] {
  return db.sqlite
    .prepare(
      `SELECT c.id, c.name, c.created_at AS createdAt, c.voucher_kind AS voucherKind,
              (SELECT count(*) FROM campaign_members m WHERE m.campaign_id = c.id) AS members
         FROM campaigns c ORDER BY c.id DESC`,
    )
    .all() as CampaignListRow[]
}
