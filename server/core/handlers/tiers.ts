import { expiredCards, memberTierHistory, renewCard, reviewTiers, sleepingMembers } from '../../../db/services/tiers'
import { actorOf } from '../context'
import type { Handlers } from '../dispatch'

export const tiersHandlers = {
  'tiers:history': (input, ctx) => memberTierHistory(ctx.state.db, input),
  'tiers:expiredCards': (input, ctx) => expiredCards(ctx.state.db, input),
  'tiers:renew': (input, ctx) => renewCard(ctx.state.db, input, actorOf(ctx)),
  'tiers:sleeping': (input, ctx) => sleepingMembers(ctx.state.db, input),
  'tiers:review': (input, ctx) => reviewTiers(ctx.state.db, input, actorOf(ctx)),
} satisfies Partial<Handlers>
