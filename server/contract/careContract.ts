/** 高端VIP维护: the maintainers' VIPs and contacts, the monthly league, birthday cakes, staff and assignment. */
import type { LeagueReport } from '../../db/print/leagueReport'
import type { League } from '../../db/services/care/league'
import type { CakeList, CakeListInput } from '../../db/services/care/cakes'
import type {
  AddStaffInput,
  ApplyProposalInput,
  AssignInput,
  AssignmentPeriod,
  AssignResult,
  ContactRecord,
  HandOverInput,
  HighValueList,
  LeaveStaffInput,
  LogContactInput,
  MaintainerChoice,
  MaintainerPeriod,
  MyVipsResult,
  Proposal,
  ReleaseInput,
  StaffBrief,
  StaffRow,
  UpdateStaffInput,
} from '../../db/services/care'
import type { CareRules } from '../../db/rules/care'
import type { CakeGift, DeliverCakeInput, ScheduleCakeInput } from '../../db/services/care/cakeDeliveries'
import { ALL_ROLES, CARE_PLANNERS, GIFT_KEEPERS } from '../../db/rules/roles'
import { call } from './call'
import type { ListExportInput, ListExportResult } from './listExport'

export const careCalls = {
  // 高端VIP维护 · 我的VIP and the maintenance log. Any operator may be a maintainer; the services
  // check that a maintainer only reaches their own VIPs (planners reach everyone's).
  'care:me': call<void, StaffBrief | null>(ALL_ROLES),
  'care:myVips': call<{ staffId?: number }, MyVipsResult>(ALL_ROLES),
  'care:maintainerChoices': call<void, MaintainerChoice[]>(CARE_PLANNERS),
  'care:logContact': call<LogContactInput, ContactRecord>(ALL_ROLES),
  'care:memberContacts': call<{ memberId: number }, { contacts: ContactRecord[]; maintainers: MaintainerPeriod[] }>(
    ALL_ROLES,
  ),
  'care:staffContacts': call<{ staffId: number; month: string }, ContactRecord[]>(ALL_ROLES),
  'care:revealPhone': call<{ memberId: number }, { value: string | null }>(ALL_ROLES),

  // 高端VIP维护 · 月度评比 and 生日蛋糕. The league and the cake list are read by anyone; cakes are
  // scheduled and delivered (stock issued) by the gift keepers.
  'care:league': call<{ month: string }, League>(CARE_PLANNERS),
  /** The meeting report as printable HTML, for the in-app preview. */
  'care:leagueReport': call<{ month: string }, LeagueReport>(CARE_PLANNERS),
  /** Save dialog in main; the report as an A4 PDF (null when cancelled). */
  'care:leagueSave': call<{ month: string }, { file: string; month: string; maintainers: number } | null>(
    CARE_PLANNERS,
  ),
  /** The report to a printer through the system print dialog; false when cancelled. */
  'care:leaguePrint': call<{ month: string }, { printed: boolean }>(CARE_PLANNERS),
  'care:cakeList': call<CakeListInput, CakeList>(ALL_ROLES),
  /** With phone (masked unless `full`) and address, for the delivery run. */
  'care:cakeListExport': call<ListExportInput & CakeListInput, ListExportResult | null>(ALL_ROLES),
  'care:myVipsExport': call<ListExportInput & { staffId?: number }, ListExportResult | null>(ALL_ROLES),
  'care:cakeGifts': call<void, { gifts: CakeGift[]; cakeCode: string | null; flowersCode: string | null }>(
    GIFT_KEEPERS,
  ),
  'care:cakeDeliverers': call<void, { id: number; name: string; department: string }[]>(GIFT_KEEPERS),
  'care:cakeSchedule': call<ScheduleCakeInput, { id: number }>(GIFT_KEEPERS),
  'care:cakeDeliver': call<DeliverCakeInput, { id: number; costFen: number }>(GIFT_KEEPERS),
  'care:cakeCancel': call<{ id: number; reason?: string }, { id: number }>(GIFT_KEEPERS),

  // Staff register, high-value list, assignment and the automatic proposal: the planners' job.
  'care:staffList': call<void, StaffRow[]>(CARE_PLANNERS),
  'care:staffAdd': call<AddStaffInput, StaffRow>(CARE_PLANNERS),
  'care:staffUpdate': call<UpdateStaffInput, StaffRow>(CARE_PLANNERS),
  'care:staffLeave': call<LeaveStaffInput, StaffRow>(CARE_PLANNERS),
  'care:staffRejoin': call<{ id: number }, StaffRow>(CARE_PLANNERS),
  /** Login accounts a staff member may be linked to (planners cannot list operators in full) */
  'care:operatorChoices': call<void, { id: number; name: string; staffName: string | null }[]>(CARE_PLANNERS),
  'care:highValue': call<void, HighValueList>(CARE_PLANNERS),
  'care:highValueExport': call<ListExportInput, ListExportResult | null>(CARE_PLANNERS),
  'care:assign': call<AssignInput, AssignResult>(CARE_PLANNERS),
  'care:move': call<AssignInput, AssignResult>(CARE_PLANNERS),
  'care:release': call<ReleaseInput, { memberId: number; staffName: string }>(CARE_PLANNERS),
  'care:handOver': call<HandOverInput, { moved: number; to: string | null }>(CARE_PLANNERS),
  'care:history': call<{ memberId?: number; staffId?: number }, AssignmentPeriod[]>(CARE_PLANNERS),
  'care:autoPropose': call<{ rebalance?: boolean }, Proposal>(CARE_PLANNERS),
  'care:autoApply': call<ApplyProposalInput, { assigned: number; moved: number }>(CARE_PLANNERS),
  /** The 维护设置 page: planners own these rules, unlike the rest of the settings */
  'care:settingsUpdate': call<CareRules, CareRules>(CARE_PLANNERS),
} as const
