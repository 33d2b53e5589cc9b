import type { Actor } from '../../actor'
import type { Db } from '../../handle'
import { statements } from '../../statements'
import type { Posting } from '../points/ledger'

const stmts = statements((s) => ({
  member: s.prepare(
    `SELECT m.card_no AS cardNo, m.last_purchase_at AS lastPurchaseAt, r.id AS referrerId, r.card_no AS referrerCard,
            r.status AS referrerStatus
       FROM members m JOIN members r ON r.id = m.referrer_id WHERE m.id = ?`,
  ),
  rewarded: s
    .prepare(`SELECT 1 FROM points_ledger WHERE member_id = ? AND kind = 'referral' AND ref = ? LIMIT 1`)
    .pluck(),
}))

/**
 * 推荐办卡: the referrer earns the settings' points when a member they brought makes a first
 * purchase — once per new member (the ledger entry's ref says for whom), never for a member who
 * had bought before (an old till file imported later). The new member's ledger gets a line
 * saying so, with no points, so both ledgers show it.
 */
export class ReferralRewards {
  /** Members already looked at in this batch: each is decided once. */
  private readonly seen = new Set<number>()

  constructor(
    private readonly db: Db,
    private readonly points: number,
  ) {}

  /** Called for a sale line before the member's last purchase time is written. */
  note(memberId: number, at: number, actor: Actor, post: (p: Posting, actor: Actor) => void): void {
    if (this.points <= 0 || this.seen.has(memberId)) return
    this.seen.add(memberId)
    const st = stmts(this.db)
    const m = st.member.get(memberId) as
      | {
          cardNo: string
          lastPurchaseAt: number | null
          referrerId: number
          referrerCard: string
          referrerStatus: string
        }
      | undefined
    if (!m || m.lastPurchaseAt !== null || m.referrerStatus === 'closed') return
    const ref = `referral:${memberId}`
    if (st.rewarded.get(m.referrerId, ref) !== undefined) return
    post(
      {
        memberId: m.referrerId,
        kind: 'referral',
        points: this.points,
        at,
        ref,
        reason: `推荐会员 ${m.cardNo} 首次消费`,
      },
      actor,
    )
    post(
      {
        memberId,
        kind: 'referral',
        points: 0,
        at,
        ref,
        reason: `推荐人 ${m.referrerCard} 获推荐奖励 ${this.points} 分`,
      },
      actor,
    )
  }
}
