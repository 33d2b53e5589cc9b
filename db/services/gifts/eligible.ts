import type { Db } from '../../handle'
import { eligibility, type GiftCategory } from '../../rules/gifts'
import { statements } from '../../statements'
import { getSettings } from '../settings'
import { memberAtDesk, todayOf } from './redeem'

export interface DeskGift {
  code: string
  name: string
  category: GiftCategory
  pointsPrice: number
  onHand: number
  photo: string | null
}

export interface EligibleGifts {
  member: { id: number; cardNo: string; points: number; tier: string }
  eligible: DeskGift[]
  ineligible: (DeskGift & { reason: string })[]
}

const stmts = statements((s) => ({
  gifts: s.prepare(
    `SELECT code, name, category, points_price AS pointsPrice, on_hand AS onHand, photo,
            available_from AS availableFrom, available_until AS availableUntil,
            max_balance AS maxBalance, min_tier AS minTier
     FROM gifts WHERE active = 1 AND points_price IS NOT NULL ORDER BY points_price, code`,
  ),
}))

type Row = DeskGift & {
  availableFrom: number | null
  availableUntil: number | null
  maxBalance: number | null
  minTier: string | null
}

/**
 * The redemption gifts on offer, split into those the member can take now and those they cannot
 * (with the reason), cheapest first. One read of the catalogue; the rules run in memory.
 */
export function eligibleGifts(db: Db, input: { memberId: number }): EligibleGifts {
  const m = memberAtDesk(db, input.memberId)
  const tiers = getSettings(db).tierTable
  const today = todayOf(db)
  const out: EligibleGifts = {
    member: { id: m.id, cardNo: m.cardNo, points: m.points, tier: m.tier },
    eligible: [],
    ineligible: [],
  }
  for (const r of stmts(db).gifts.all() as Row[]) {
    const gift: DeskGift = {
      code: r.code,
      name: r.name,
      category: r.category,
      pointsPrice: r.pointsPrice,
      onHand: r.onHand,
      photo: r.photo,
    }
    const e =
      m.status === 'active'
        ? eligibility({ ...r, active: true }, m, today, tiers)
        : { ok: false as const, reason: '该会员卡不是正常状态，不能兑换' }
    if (e.ok) out.eligible.push(gift)
    else out.ineligible.push({ ...gift, reason: e.reason })
  }
  return out
}
