import { storeDayInt } from '../../../db/clock'
import { dayString } from '../../../db/rules/dates'
import { basename } from 'node:path'
import { forbidden } from '../../../db/errors'
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
import { REVEALERS } from '../../../db/rules/roles'
import { actorOf } from '../context'
import type { Handlers } from '../dispatch'
import type { ImportPreview } from '../../../db/services/members/import'
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

  'members:export': async (input, ctx) => {
    const actor = actorOf(ctx)
    if (input.full && !REVEALERS.includes(actor.role)) throw forbidden('您的角色不能导出完整的手机号和身份证号')
    const day = dayString(storeDayInt(ctx.state.db))
    const file = await ctx.shell.pickSaveFile({
      title: '导出会员名单',
      defaultName: `会员名单-${day}.${input.format}`,
      filters: [{ name: input.format === 'xlsx' ? 'Excel 工作簿' : 'CSV（逗号分隔）', extensions: [input.format] }],
    })
    if (!file) return null
    const format = basename(file).toLowerCase().endsWith('.csv') ? 'csv' : input.format
    return exportMembers(ctx.state.db, { file, format, filter: input.filter, full: !!input.full }, actor)
  },
} satisfies Partial<Handlers>
