import { deleteStoreSales, listStoreSales, saveStoreSales } from '../../../db/services/reports/storeSales'
import { actorOf } from '../context'
import type { Handlers } from '../dispatch'

/** 全店销售: the store's monthly sales per department, entered or imported by the planners. */
export const storeSalesHandlers = {
  'reports:storeSales': (input, ctx) => listStoreSales(ctx.state.db, input),
  'reports:storeSalesSave': (input, ctx) => saveStoreSales(ctx.state.db, input, actorOf(ctx)),
  'reports:storeSalesDelete': (input, ctx) => deleteStoreSales(ctx.state.db, input, actorOf(ctx)),
  'reports:storeSalesImport': () => null,
} satisfies Partial<Handlers>
