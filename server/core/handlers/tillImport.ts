import type { TillImportPreview } from '../../contract/contract'
import type { Handlers } from '../dispatch'
import { commitSheet, dropSheet, pickSheet, remapSheet } from '../sheetImport'

/** 导入小票: the same pick → preview → commit steps as the member import, for till exports. */
export const tillImportHandlers = {
  'purchases:importPick': (_input, ctx) => pickSheet<TillImportPreview>(ctx, 'till', '选择收银机导出的小票文件'),
  'purchases:importRemap': (input, ctx) => remapSheet<TillImportPreview>(ctx, 'till', input.token, input.mapping),
  'purchases:importCommit': (input, ctx) => commitSheet(ctx, 'till', input.token, input.mapping),
  'purchases:importCancel': (input, ctx) => dropSheet(ctx, input.token),
} satisfies Partial<Handlers>
