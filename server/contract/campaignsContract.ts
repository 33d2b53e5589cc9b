/** 沉睡会员唤醒: planners make and split campaigns and read their reports; staff work their call lists. */
import type {
  CallListRow,
  CampaignListRow,
  CampaignReport,
  CreateCampaignInput,
  CreatedCampaign,
  MyCallsResult,
  PreviewCampaignInput,
  RecordCallInput,
  SplitCampaignInput,
} from '../../db/services/campaigns'
import { CARE_PLANNERS, GIFT_KEEPERS, REPORT_READERS } from '../../db/rules/roles'
import { call } from './call'
import type { ListExportInput, ListExportResult } from './listExport'

export type { CallListRow }

export const campaignCalls = {
  // Planning: the list with each campaign's figures, the segment's live count, create and split.
  'campaigns:list': call<void, (CampaignListRow & { report: CampaignReport })[]>(CARE_PLANNERS),
  'campaigns:preview': call<PreviewCampaignInput, { members: number; withMaintainer: number }>(CARE_PLANNERS),
  'campaigns:create': call<CreateCampaignInput, CreatedCampaign>(CARE_PLANNERS),
  'campaigns:split': call<SplitCampaignInput, { assigned: number }>(CARE_PLANNERS),
  'campaigns:report': call<{ id: number }, CampaignReport>(REPORT_READERS),
  /** The report per caller as .xlsx / .csv (no personal data) */
  'campaigns:reportExport': call<{ id: number; format: ListExportInput['format'] }, ListExportResult | null>(
    REPORT_READERS,
  ),
  /** The campaign's SMS list: consenting members with full phones, for the gateway */
  'campaigns:smsExport': call<
    { id: number; format: ListExportInput['format'] },
    (ListExportResult & { noConsent: number; noPhone: number }) | null
  >(CARE_PLANNERS),

  // Calling: the VIP room and the planners (GIFT_KEEPERS) record calls on the lists given to them.
  'campaigns:myCalls': call<void, MyCallsResult>(GIFT_KEEPERS),
  'campaigns:recordCall': call<RecordCallInput, { id: number }>(GIFT_KEEPERS),
  'campaigns:revealPhone': call<{ campaignId: number; memberId: number }, { value: string | null }>(GIFT_KEEPERS),
  /** The call list as a file: planners the whole campaign, a caller their own part; phones by role */
  'campaigns:export': call<ListExportInput & { id: number }, ListExportResult | null>(GIFT_KEEPERS),
} as const
