import {
  issueManual,
  listVouchers,
  lookupVoucher,
  useVoucher,
  viewOf,
  voidVoucher,
} from '../../../db/services/vouchers'
import { actorOf } from '../context'
import type { Handlers } from '../dispatch'

/** 券 (db/services/vouchers): the services check roles and input themselves. */
export const vouchersHandlers = {
  'vouchers:lookup': (input, ctx) => lookupVoucher(ctx.state.db, input),
  'vouchers:use': (input, ctx) => useVoucher(ctx.state.db, input, actorOf(ctx), 'desk'),
  'vouchers:list': (input, ctx) => listVouchers(ctx.state.db, input ?? {}),
  'vouchers:void': (input, ctx) => voidVoucher(ctx.state.db, input, actorOf(ctx)),
  'vouchers:issue': (input, ctx) => viewOf(ctx.state.db, issueManual(ctx.state.db, input, actorOf(ctx))),
} satisfies Partial<Handlers>
