import type { TillImportPreview } from '../../contract/contract'
import { mapTillSpellings } from '../../../db/services/departments'
import { actorOf } from '../context'
import type { Handlers } from '../dispatch'
import { commitSheet, dropSheet, pickSheet, remapSheet } from '../sheetImport'

/** 导入小票: the same pick → preview → commit steps as the member import, for till exports. */
export const tillImportHandlers = {
  'purchases:importPick': (_input, ctx) => pickSheet<TillImportPreview>(ctx, 'till', '选择收银机导出的小票文件'),
  'purchases:importRemap': (input, ctx) => remapSheet<TillImportPreview>(ctx, 'till', input.token, input.mapping),
  'purchases:importCommit': (input, ctx) => commitSheet(ctx, 'till', input.token, input.mapping),
  'purchases:importCancel': (input, ctx) => dropSheet(ctx, input.token),
  'purchases:importMapDepartments': (input, ctx) => {
    mapTillSpellings(ctx.state.db, { departments: input.departments, counters: input.counters }, actorOf(ctx))
    return remapSheet<TillImportPreview>(ctx, 'till', input.token, input.mapping)
  },
} satisfies Partial<Handlers>
