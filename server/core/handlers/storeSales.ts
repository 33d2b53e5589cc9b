import { deleteStoreSales, listStoreSales, saveStoreSales } from '../../../db/services/reports/storeSales'
import { importStoreSales } from '../../../db/services/reports/storeSalesImport'
import { actorOf } from '../context'
import type { Handlers } from '../dispatch'

const SHEETS = [{ name: '表格文件（Excel / CSV）', extensions: ['xlsx', 'csv'] }]

/** 全店销售: the store's monthly sales per department, entered or imported by the planners. */
export const storeSalesHandlers = {
  'reports:storeSales': (input, ctx) => listStoreSales(ctx.state.db, input),
  'reports:storeSalesSave': (input, ctx) => saveStoreSales(ctx.state.db, input, actorOf(ctx)),
  'reports:storeSalesDelete': (input, ctx) => deleteStoreSales(ctx.state.db, input, actorOf(ctx)),
  // The file is chosen in main; the renderer never names a path.
  'reports:storeSalesImport': async (_input, ctx) => {
    const file = await ctx.shell.pickOpenFile({ title: '选择全店销售表（月份、课别、销售额）', filters: SHEETS })
    return file ? importStoreSales(ctx.state.db, file, actorOf(ctx)) : null
  },
} satisfies Partial<Handlers>
