import type { Db } from '../../handle'
import { statements } from '../../statements'
import { parseInput, z } from '../../validate'
import { LEDGER_KIND_LABELS, type LedgerKind } from '../points/ledger'

const pageQuery = z.object({
  memberId: z.number().int().positive(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(200).default(20),
})
export type MemberPageQuery = z.input<typeof pageQuery>

export interface PurchaseItem {
  id: number
  receiptNo: string
  lineNo: number
  purchasedAt: number
  amountFen: number
  department: string
  counter: string
  noPoints: boolean
  originalReceiptNo: string | null
  points: number
  pointsExplain: string
  source: 'import' | 'desk'
}

export interface LedgerItem {
  id: number
  at: number
  kind: LedgerKind
  kindLabel: string
  delta: number
  debtDelta: number
  /** The running balance after this entry */
  balanceAfter: number
  debtAfter: number
  reason: string
  ref: string | null
  operatorName: string
}

// Both lists are read newest first through the (member_id, …) indexes, so a page costs the same
// whether the member has ten purchases or ten thousand.
const stmts = statements((s) => ({
  purchases: s.prepare(
    `SELECT id, receipt_no AS receiptNo, line_no AS lineNo, purchased_at AS purchasedAt, amount_fen AS amountFen,
       department, counter, no_points AS noPoints, original_receipt_no AS originalReceiptNo, points,
       points_explain AS pointsExplain, source
     FROM purchases WHERE member_id = ? ORDER BY purchased_at DESC, id DESC LIMIT ? OFFSET ?`,
  ),
  purchaseCount: s.prepare('SELECT count(*) FROM purchases WHERE member_id = ?').pluck(),
  ledger: s.prepare(
    `SELECT l.id, l.at, l.kind, l.delta, l.debt_delta AS debtDelta, l.balance_after AS balanceAfter,
       l.debt_after AS debtAfter, l.reason, l.ref, coalesce(o.name, '系统') AS operatorName
     FROM points_ledger l LEFT JOIN operators o ON o.id = l.operator_id
     WHERE l.member_id = ? ORDER BY l.id DESC LIMIT ? OFFSET ?`,
  ),
  ledgerCount: s.prepare('SELECT count(*) FROM points_ledger WHERE member_id = ?').pluck(),
}))

/** A member's purchases, newest first, with the points each earned and why. */
export function memberPurchases(db: Db, input: MemberPageQuery): { rows: PurchaseItem[]; total: number } {
  const q = parseInput(pageQuery, input)
  const st = stmts(db)
  const rows = st.purchases.all(q.memberId, q.pageSize, (q.page - 1) * q.pageSize) as (Omit<
    PurchaseItem,
    'noPoints'
  > & { noPoints: number })[]
  return {
    rows: rows.map((r) => ({ ...r, noPoints: Boolean(r.noPoints) })),
    total: st.purchaseCount.get(q.memberId) as number,
  }
}

/**
 * A member's points ledger, newest first. Entries are listed in the order they were written,
 * which is the order `balanceAfter` was computed in, so the running balance reads correctly.
 */
export function memberLedger(db: Db, input: MemberPageQuery): { rows: LedgerItem[]; total: number } {
  const q = parseInput(pageQuery, input)
  const st = stmts(db)
  const rows = st.ledger.all(q.memberId, q.pageSize, (q.page - 1) * q.pageSize) as Omit<LedgerItem, 'kindLabel'>[]
  return {
    rows: rows.map((r) => ({ ...r, kindLabel: LEDGER_KIND_LABELS[r.kind] })),
    total: st.ledgerCount.get(q.memberId) as number,
  }
}
