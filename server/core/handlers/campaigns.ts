import {
  campaignReport,
  createCampaign,
  exportCallList,
  exportCampaignReport,
  exportCampaignSms,
  listCampaigns,
  myCalls,
  previewCampaign,
  recordCall,
  revealCallPhone,
  splitCampaign,
} from '../../../db/services/campaigns'
import { actorOf } from '../context'
import type { Handlers } from '../dispatch'
import { saveListAs } from './listExports'

/** 沉睡会员唤醒: thin handlers; the services check the roles again and every write is audited there. */
export const campaignsHandlers = {
  'campaigns:list': (_input, ctx) =>
    listCampaigns(ctx.state.db).map((c) => ({ ...c, report: campaignReport(ctx.state.db, c.id) })),
  'campaigns:preview': (input, ctx) => previewCampaign(ctx.state.db, input),
  'campaigns:create': (input, ctx) => createCampaign(ctx.state.db, input, actorOf(ctx)),
  'campaigns:split': (input, ctx) => splitCampaign(ctx.state.db, input, actorOf(ctx)),
  'campaigns:report': (input, ctx) => campaignReport(ctx.state.db, input.id),
  'campaigns:reportExport': (input, ctx) =>
    saveListAs(ctx, { format: input.format }, `唤醒活动报告-${input.id}`, (t) =>
      exportCampaignReport(ctx.state.db, { file: t.file, format: t.format, campaignId: input.id }, actorOf(ctx)),
    ),
  // Phones go in full to the SMS gateway; the contract limits the call to planners.
  'campaigns:smsExport': (input, ctx) =>
    saveListAs(ctx, { format: input.format }, `唤醒短信-${input.id}`, (t) =>
      exportCampaignSms(ctx.state.db, { file: t.file, format: t.format, campaignId: input.id }, actorOf(ctx)),
    ),
  'campaigns:myCalls': (_input, ctx) => myCalls(ctx.state.db, actorOf(ctx)),
  'campaigns:recordCall': (input, ctx) => recordCall(ctx.state.db, input, actorOf(ctx)),
  'campaigns:revealPhone': (input, ctx) => revealCallPhone(ctx.state.db, input, actorOf(ctx)),
  'campaigns:export': (input, ctx) =>
    saveListAs(ctx, input, `回访名单-${input.id}`, (t) =>
      exportCallList(ctx.state.db, { ...t, campaignId: input.id }, actorOf(ctx)),
    ),
} satisfies Partial<Handlers>
