import {
  closeMember,
  createMember,
  getMember,
  listMembers,
  quickSearch,
  reactivateMember,
  replaceCard,
  reportLost,
  revealMember,
  updateMember,
} from '../../../db/services/members'
import { exportMembers } from '../../../db/services/members/export'
import { purchaseDepartments } from '../../../db/services/members/purchaseFilters'
import { actorOf } from '../context'
import type { Handlers } from '../dispatch'
import type { ImportPreview } from '../../../db/services/members/import'
import { saveListAs } from './listExports'
import { commitSheet, dropSheet, pickSheet, remapSheet } from '../sheetImport'

export const memberHandlers = {
  'members:search': (input, ctx) => quickSearch(ctx.state.db, input),
  'members:list': (input, ctx) => listMembers(ctx.state.db, input),
  'members:get': (input, ctx) => getMember(ctx.state.db, input),
  'members:create': (input, ctx) => createMember(ctx.state.db, input, actorOf(ctx)),
  'members:update': (input, ctx) => updateMember(ctx.state.db, input, actorOf(ctx)),
  'members:close': (input, ctx) => closeMember(ctx.state.db, input, actorOf(ctx)),
  'members:reportLost': (input, ctx) => reportLost(ctx.state.db, input, actorOf(ctx)),
  'members:reactivate': (input, ctx) => reactivateMember(ctx.state.db, input, actorOf(ctx)),
  'members:replaceCard': (input, ctx) => replaceCard(ctx.state.db, input, actorOf(ctx)),
  'members:reveal': (input, ctx) => revealMember(ctx.state.db, input, actorOf(ctx)),

  'members:importPick': (_input, ctx) => pickSheet<ImportPreview>(ctx, 'members', '选择要导入的会员表'),
  'members:importRemap': (input, ctx) => remapSheet<ImportPreview>(ctx, 'members', input.token, input.mapping),
  'members:importCommit': (input, ctx) => commitSheet(ctx, 'members', input.token, input.mapping),
  'members:importCancel': (input, ctx) => dropSheet(ctx, input.token),

  'members:export': (input, ctx) =>
    saveListAs(ctx, input, '会员名单', (t) =>
      exportMembers(ctx.state.db, { ...t, filter: input.filter }, actorOf(ctx)),
    ),
  'members:departments': (_input, ctx) => purchaseDepartments(ctx.state.db),
} satisfies Partial<Handlers>
