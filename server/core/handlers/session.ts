import { storeZone } from '../../../db/clock'
import { forbidden } from '../../../db/errors'
import { loginGuarded } from '../../../db/services/loginGuard'
import { operatorCount, setupAdmin } from '../../../db/services/operators'
import { getSettings } from '../../../db/services/settings'
import type { Handlers } from '../dispatch'

const memberCount = (ctx: Parameters<Handlers['session:state']>[1]) =>
  ctx.state.db.sqlite.prepare('SELECT count(*) FROM members').pluck().get() as number

export const sessionHandlers = {
  'session:state': (_input, ctx) => ({
    needsSetup: operatorCount(ctx.state.db) === 0,
    operator: ctx.session.operator,
    storeName: getSettings(ctx.state.db).storeName,
    empty: memberCount(ctx) === 0,
    timeZone: storeZone(ctx.state.db),
  }),
  'session:setupAdmin': (input, ctx) => {
    // A fresh store server must not let the first visitor on the LAN become its administrator.
    if (!ctx.caller.local) throw forbidden('首次设置管理员只能在服务器本机上进行，或在服务器上用命令行 operators add')
    const op = setupAdmin(ctx.state.db, input)
    ctx.session.begin(op)
    return op
  },
  'session:login': (input, ctx) => {
    // Five failures for one name or from one address lock it for five minutes, on either host.
    const op = loginGuarded(ctx.state.db, input, { address: ctx.caller.address })
    ctx.session.begin(op)
    return op
  },
  'session:logout': (_input, ctx) => {
    ctx.session.end()
    return null
  },
} satisfies Partial<Handlers>
