import {
  createGift,
  eligibleGifts,
  giftMovementHistory,
  issueGift,
  listGifts,
  lowStock,
  memberRedemptions,
  receiveStock,
  redeemGifts,
  stocktake,
  updateGift,
} from '../../../db/services/gifts'
import { actorOf } from '../context'
import type { Handlers } from '../dispatch'

/** The VIP room's gifts: catalogue, stock movements and the redemption desk. */
export const giftsHandlers = {
  'gifts:list': (input, ctx) => listGifts(ctx.state.db, input ?? {}),
  'gifts:lowStock': (_input, ctx) => lowStock(ctx.state.db),
  'gifts:eligible': (input, ctx) => eligibleGifts(ctx.state.db, input),
  'gifts:redeem': (input, ctx) => redeemGifts(ctx.state.db, input, actorOf(ctx)),
  'gifts:receive': (input, ctx) => receiveStock(ctx.state.db, input, actorOf(ctx)),
  'gifts:issue': (input, ctx) => issueGift(ctx.state.db, input, actorOf(ctx)),
  'gifts:stocktake': (input, ctx) => stocktake(ctx.state.db, input, actorOf(ctx)),
  'gifts:create': (input, ctx) => createGift(ctx.state.db, input, actorOf(ctx)),
  'gifts:update': (input, ctx) => updateGift(ctx.state.db, input, actorOf(ctx)),
  'gifts:memberRedemptions': (input, ctx) => memberRedemptions(ctx.state.db, input),
  'gifts:movements': (input, ctx) => giftMovementHistory(ctx.state.db, input),
} satisfies Partial<Handlers>
