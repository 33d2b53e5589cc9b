import { forbidden } from '../../../db/errors'
import {
  contactsOf,
  contactsOfStaff,
  isCarePlanner,
  logContact,
  maintainerChoices,
  maintainerHistory,
  myVips,
  revealVipPhone,
  staffOfOperator,
} from '../../../db/services/care'
import { actorOf } from '../context'
import type { Handlers } from '../dispatch'

/** 我的VIP and the maintenance log; the services decide whose VIPs a caller may reach. */
export const careMineHandlers = {
  'care:me': (_input, ctx) => staffOfOperator(ctx.state.db, actorOf(ctx).id),
  'care:myVips': (input, ctx) => myVips(ctx.state.db, input ?? {}, actorOf(ctx)),
  'care:maintainerChoices': (_input, ctx) => maintainerChoices(ctx.state.db),
  'care:logContact': (input, ctx) => logContact(ctx.state.db, input, actorOf(ctx)),
  'care:memberContacts': (input, ctx) => ({
    contacts: contactsOf(ctx.state.db, input),
    maintainers: maintainerHistory(ctx.state.db, input),
  }),
  'care:staffContacts': (input, ctx) => {
    const actor = actorOf(ctx)
    if (!isCarePlanner(actor) && staffOfOperator(ctx.state.db, actor.id)?.id !== input?.staffId)
      throw forbidden('只能查看您本人的维护记录')
    return contactsOfStaff(ctx.state.db, input)
  },
  'care:revealPhone': (input, ctx) => revealVipPhone(ctx.state.db, input, actorOf(ctx)),
} satisfies Partial<Handlers>
