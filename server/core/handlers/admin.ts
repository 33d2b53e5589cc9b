import { auditOperatorNames, listAudit } from '../../../db/services/audit'
import { createOperator, listOperators, updateOperator } from '../../../db/services/operators'
import { getSettings, updateSettings } from '../../../db/services/settings'
import { actorOf } from '../context'
import type { Handlers } from '../dispatch'

export const adminHandlers = {
  'operators:list': (_i, ctx) => listOperators(ctx.state.db),
  'operators:create': (input, ctx) => createOperator(ctx.state.db, input, actorOf(ctx)),
  'operators:update': (input, ctx) => {
    const op = updateOperator(ctx.state.db, input, actorOf(ctx))
    // A changed role or a deactivation takes effect at once, not at next login.
    ctx.state.sessions.operatorChanged(op)
    return op
  },
  'audit:list': (input, ctx) => listAudit(ctx.state.db, input),
  'audit:operators': (_i, ctx) => auditOperatorNames(ctx.state.db),
  'settings:get': (_i, ctx) => getSettings(ctx.state.db),
  'settings:update': (input, ctx) => updateSettings(ctx.state.db, input, actorOf(ctx)),
} satisfies Partial<Handlers>
