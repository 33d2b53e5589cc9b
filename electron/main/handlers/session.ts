import { storeZone } from '../../../db/clock'
import { login, operatorCount, setupAdmin } from '../../../db/services/operators'
import { getSettings } from '../../../db/services/settings'
import type { Handlers } from '../dispatch'

const memberCount = (ctx: Parameters<Handlers['session:state']>[1]) =>
  ctx.state.db.sqlite.prepare('SELECT count(*) FROM members').pluck().get() as number

export const sessionHandlers = {
  'session:state': (_input, ctx) => ({
    needsSetup: operatorCount(ctx.state.db) === 0,
    operator: ctx.state.sessions.get(ctx.senderId) ?? null,
    storeName: getSettings(ctx.state.db).storeName,
    empty: memberCount(ctx) === 0,
    timeZone: storeZone(ctx.state.db),
  }),
  'session:setupAdmin': (input, ctx) => {
    const op = setupAdmin(ctx.state.db, input)
    ctx.state.sessions.set(ctx.senderId, op)
    return op
  },
  'session:login': (input, ctx) => {
    const op = login(ctx.state.db, input)
    ctx.state.sessions.set(ctx.senderId, op)
    return op
  },
  'session:logout': (_input, ctx) => {
    ctx.state.sessions.delete(ctx.senderId)
    return null
  },
} satisfies Partial<Handlers>
