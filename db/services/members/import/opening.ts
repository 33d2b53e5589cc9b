import type { Actor } from '../../../actor'
import type { Db } from '../../../handle'
import { statements } from '../../../statements'
import { postPoints } from '../../points/ledger'
import type { PlannedRow } from './check'

const stmts = statements((s) => ({
  hasHistory: s.prepare('SELECT 1 FROM points_ledger WHERE member_id = ? LIMIT 1').pluck(),
}))

/**
 * Posts each row's 期初积分 as the member's one 'opening' ledger entry (ref 'opening'). The rule
 * is deliberately simple: an opening balance is where a member's points history starts, so a
 * member who already has any ledger entry is skipped, whatever the value. Importing the same file
 * again therefore posts nothing twice, and our own export (whose 积分 column is the current
 * balance) imports back without adding points. A wrong opening balance is put right with a manual
 * adjustment, which leaves a reason on the ledger. Zero posts nothing.
 * Runs inside the import's transaction, after the members are written.
 */
export function postOpeningBalances(
  db: Db,
  planned: PlannedRow[],
  ids: Map<number, number>,
  fileName: string,
  actor: Actor,
): number {
  let posted = 0
  for (const p of planned) {
    if (!p.openingPoints) continue
    const memberId = ids.get(p.row)!
    // Only a member already on file can have one: new members need no look-up.
    if (p.before && stmts(db).hasHistory.get(memberId)) continue
    postPoints(
      db,
      { memberId, kind: 'opening', points: p.openingPoints, ref: 'opening', reason: `期初积分（导入：${fileName}）` },
      actor,
    )
    posted++
  }
  return posted
}
