import type { Db } from '../../../handle'
import { statements } from '../../../statements'
import { memberIdByCard } from '../rows'
import type { PlannedRow } from './check'
import { columnName, type ColumnPlan } from './columns'
import type { ImportIssue } from './types'

const stmts = statements((s) => ({
  referrals: s.prepare('SELECT count(*) FROM members WHERE referrer_id = ?').pluck(),
}))

/**
 * Checks each row's 推荐人卡号 against the members on file and the valid rows of this file, and
 * the per-member referral limit counting both. A row rejected here may be someone else's
 * referrer, so the pass repeats until nothing more is rejected (it rarely takes two).
 */
export function checkReferrers(
  db: Db,
  rows: PlannedRow[],
  plan: ColumnPlan,
  max: number,
): { planned: PlannedRow[]; rejected: ImportIssue[] } {
  const rejected: ImportIssue[] = []
  let planned = rows
  if (!rows.some((r) => r.referrerCardNo)) return { planned, rejected }
  const column = columnName(plan, 'referrerCardNo')
  const dbId = new Map<string, number | undefined>()
  const onFile = (card: string) => {
    if (!dbId.has(card)) dbId.set(card, memberIdByCard(db, card))
    return dbId.get(card)
  }
  for (;;) {
    const inFile = new Set(planned.map((r) => r.cardNo))
    const counts = new Map<string, number>()
    const failed = new Set<PlannedRow>()
    for (const r of planned) {
      const ref = r.referrerCardNo
      if (!ref) continue
      const refId = onFile(ref)
      const reason = (text: string) => {
        failed.add(r)
        rejected.push({ row: r.row, column, reason: text })
      }
      if (ref === r.cardNo || (refId !== undefined && refId === r.before?.id)) {
        reason('会员不能推荐自己')
        continue
      }
      if (refId === undefined && !inFile.has(ref)) {
        reason('找不到该推荐人卡号（既不在系统中，也不在本文件的有效行中）')
        continue
      }
      // Already this member's referrer: nothing changes, nothing to count.
      if (refId !== undefined && r.before?.referrer_id === refId) continue
      const key = refId !== undefined ? `id:${refId}` : `card:${ref}`
      const count = counts.get(key) ?? (refId !== undefined ? (stmts(db).referrals.get(refId) as number) : 0)
      if (count >= max) reason(`该推荐人已推荐${count}人，达到上限${max}人`)
      else counts.set(key, count + 1)
    }
    if (!failed.size) return { planned, rejected }
    planned = planned.filter((r) => !failed.has(r))
  }
}
