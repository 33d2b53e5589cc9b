import type { Actor } from '../../db/actor'
import type { Db } from '../../db/handle'
import { createGift, receiveStock, type CreateGiftInput } from '../../db/services/gifts'
import { createMember } from '../../db/services/members'
import { postPoints } from '../../db/services/points/ledger'

/** A redemption gift with stock, for tests. */
export function makeGift(db: Db, actor: Actor, over: Partial<CreateGiftInput> & { code: string }, stock = 0) {
  const g = createGift(
    db,
    { name: `礼品${over.code}`, category: 'redemption', unitCostFen: 1000, pointsPrice: 500, ...over },
    actor,
  )
  if (stock > 0) receiveStock(db, { code: g.code, quantity: stock }, actor)
  return g
}

/** A member with an opening points balance, for tests. */
export function makeMemberWithPoints(db: Db, actor: Actor, cardNo: string, points: number): number {
  const id = createMember(db, { cardNo, name: `会员${cardNo}` }, actor).id
  if (points > 0) db.sqlite.transaction(() => postPoints(db, { memberId: id, kind: 'opening', points }, actor))()
  return id
}
