import {
  addStaff,
  applyAutoAssign,
  assignmentHistory,
  assignMember,
  handOver,
  highValueList,
  leaveStaff,
  listStaff,
  moveMember,
  operatorChoices,
  proposeAutoAssign,
  rejoinStaff,
  releaseMember,
  updateStaff,
} from '../../../db/services/care'
import { updateSettings } from '../../../db/services/settings'
import { actorOf } from '../context'
import type { Handlers } from '../dispatch'

/** The planners' side of 高端VIP维护: staff register, high-value list, assignment, proposal. */
export const careAssignHandlers = {
  'care:staffList': (_input, ctx) => listStaff(ctx.state.db),
  'care:staffAdd': (input, ctx) => addStaff(ctx.state.db, input, actorOf(ctx)),
  'care:staffUpdate': (input, ctx) => updateStaff(ctx.state.db, input, actorOf(ctx)),
  'care:staffLeave': (input, ctx) => leaveStaff(ctx.state.db, input, actorOf(ctx)),
  'care:staffRejoin': (input, ctx) => rejoinStaff(ctx.state.db, input, actorOf(ctx)),
  'care:operatorChoices': (_input, ctx) => operatorChoices(ctx.state.db),
  'care:highValue': (_input, ctx) => highValueList(ctx.state.db),
  'care:assign': (input, ctx) => assignMember(ctx.state.db, input, actorOf(ctx)),
  'care:move': (input, ctx) => moveMember(ctx.state.db, input, actorOf(ctx)),
  'care:release': (input, ctx) => releaseMember(ctx.state.db, input, actorOf(ctx)),
  'care:handOver': (input, ctx) => handOver(ctx.state.db, input, actorOf(ctx)),
  'care:history': (input, ctx) => assignmentHistory(ctx.state.db, input ?? {}),
  'care:autoPropose': (input, ctx) => proposeAutoAssign(ctx.state.db, input ?? {}),
  'care:autoApply': (input, ctx) => applyAutoAssign(ctx.state.db, input, actorOf(ctx)),
  'care:settingsUpdate': (input, ctx) => updateSettings(ctx.state.db, { care: input }, actorOf(ctx)).care,
} satisfies Partial<Handlers>
