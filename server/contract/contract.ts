/**
 * Every call the renderer can make, in one place. Main registers a handler for each name, the
 * preload exposes exactly these names, and the renderer's client takes its types from here.
 * Only types come from db/; the runtime part is the role list of each call.
 */
import type { DemoResult } from '../../db/seed/demo'
import type { AuditEntry, AuditQuery } from '../../db/services/audit'
import type { ChangeTopic } from './changes'
import type { OperatorInfo } from '../../db/services/operators'
import type { Settings } from '../../db/services/settings'
import type {
  ExpiredCard,
  ExpiredCardsQuery,
  RenewCardInput,
  RenewedCard,
  ReviewInput,
  ReviewRun,
  SleepingMember,
  SleepingQuery,
  TierHistoryItem,
  TierHistoryQuery,
  CardRenewalItem,
} from '../../db/services/tiers'
import type {
  CreateMemberInput,
  MemberDetail,
  MemberListItem,
  MemberListQuery,
  QuickHit,
  ReplaceCardInput,
  UpdateMemberInput,
} from '../../db/services/members'
import type { ColumnMapping, ImportPreview, ImportResult } from '../../db/services/members/import/types'
import type { PurchaseField, PurchaseMapping } from '../../db/services/purchases/columns'
import type { PurchaseImportPreview } from '../../db/services/purchases/import'
import type {
  DeskPurchaseInput,
  LedgerItem,
  MemberPageQuery,
  PurchaseItem,
  PurchasePreview,
  RecordedPurchase,
} from '../../db/services/purchases'
import type { AdjustInput } from '../../db/services/points/adjust'
import type { ExpiringMember, ExpiringSoonQuery } from '../../db/services/points/expiry'
import type { Posted } from '../../db/services/points/ledger'
import type {
  CreateGiftInput,
  EligibleGifts,
  GiftField,
  GiftImportPreview,
  GiftListQuery,
  GiftMapping,
  GiftMonthReport,
  MonthInput,
  GiftRow,
  IssueInput,
  Moved,
  MovementRecord,
  ReceiveInput,
  Redeemed,
  RedeemInput,
  RedemptionRecord,
  Returned,
  ReturnLinesInput,
  StocktakeInput,
  UpdateGiftInput,
} from '../../db/services/gifts'
import type { CatalogueInput } from '../../db/print/giftCatalogue'
import type { LeagueReport } from '../../db/print/leagueReport'
import type { League } from '../../db/services/care/league'
import type { CakeList, CakeListInput } from '../../db/services/care/cakes'
import type {
  AddStaffInput,
  ApplyProposalInput,
  AssignInput,
  AssignmentPeriod,
  AssignResult,
  HandOverInput,
  HighValueList,
  LeaveStaffInput,
  Proposal,
  ReleaseInput,
  StaffRow,
  UpdateStaffInput,
} from '../../db/services/care'
import type { CareRules } from '../../db/rules/care'
import type { CakeGift, DeliverCakeInput, ScheduleCakeInput } from '../../db/services/care/cakeDeliveries'
import type {
  ContactRecord,
  LogContactInput,
  MaintainerChoice,
  MaintainerPeriod,
  MyVipsResult,
  StaffBrief,
} from '../../db/services/care'
import type { BirthdayPage, BirthdayPageInput } from '../../db/services/birthdays/month'
import type { CardDesign } from '../../db/rules/birthdayMail'
import type { BatchCard, BatchInput, BatchPlan, BatchSummary, PreviewInput } from '../../db/services/birthdays/batches'
import type { MonthActuals, MonthEstimate } from '../../db/services/birthdays/costs'
import type { BirthdayMailRules } from '../../db/rules/birthdayMail'
import {
  ADMIN_ONLY,
  ALL_ROLES,
  AUDIT_READERS,
  BIRTHDAY_SENDERS,
  CARE_PLANNERS,
  GIFT_KEEPERS,
  MEMBER_WRITERS,
  REVEALERS,
  type Role,
} from '../../db/rules/roles'

import { call, DB_FILES, PICTURE_FILES, SHEET_FILES } from './call'
import { reportCalls } from './reportsContract'
import type { TillSpellingsInput } from '../../db/services/departments'
import { departmentCalls } from './departmentsContract'

export type { Access, CallSpec } from './call'

export interface SessionState {
  /** true until the first administrator has been created */
  needsSetup: boolean
  operator: OperatorInfo | null
  storeName: string
  /** true when the database has no members yet (offer sample data) */
  empty: boolean
  /** The store's time zone (IANA): the screens show days, months and times in it */
  timeZone: string
}

export interface DataInfo {
  file: string
  backupDir: string
  backups: { name: string; size: number; at: number }[]
}

/** A till file's preview, with the token for the calls that follow and its first lines as read. */
export type TillImportPreview = PurchaseImportPreview & {
  token: string
  sample: { row: number; values: Partial<Record<PurchaseField, string>> }[]
}

type Id = { id: number }
type Reason = { id: number; reason: string }
export type ExportFormat = 'xlsx' | 'csv'
/** A list export: the format, and phones in full (only roles that may reveal them). */
export interface ListExportInput {
  format: ExportFormat
  full?: boolean
}
export interface ListExportResult {
  file: string
  count: number
}

/** A gift sheet's preview, with the token for the calls that follow and its first lines as read. */
export type GiftSheetPreview = GiftImportPreview & {
  token: string
  sample: { row: number; values: Partial<Record<GiftField, string>> }[]
}

export const contract = {
  'session:state': call<void, SessionState>('public'),
  'session:setupAdmin': call<{ name: string; password: string }, OperatorInfo>('public'),
  'session:login': call<{ name: string; password: string }, OperatorInfo>('public'),
  'session:logout': call<void, null>('public'),

  'members:search': call<{ query: string; limit?: number }, QuickHit[]>(ALL_ROLES),
  'members:list': call<MemberListQuery, { rows: MemberListItem[]; total: number }>(ALL_ROLES),
  'members:get': call<Id, MemberDetail>(ALL_ROLES),
  'members:create': call<CreateMemberInput, { id: number; cardNo: string }>(MEMBER_WRITERS),
  'members:update': call<UpdateMemberInput, { id: number; changed: string[] }>(MEMBER_WRITERS),
  'members:close': call<Reason, { id: number; status: string }>(['admin', 'planner']),
  'members:reportLost': call<Reason, { id: number; status: string }>(MEMBER_WRITERS),
  'members:reactivate': call<Reason, { id: number; status: string }>(['admin', 'planner']),
  'members:replaceCard': call<ReplaceCardInput, { id: number; oldCardNo: string; newCardNo: string; feeFen: number }>(
    MEMBER_WRITERS,
  ),
  'members:reveal': call<{ id: number; field: 'phone' | 'idNumber' }, { value: string | null }>(REVEALERS),
  /** Opens a file dialog in main, reads the sheet and returns a preview (null when cancelled). */
  'members:importPick': call<void, ImportPreview | null>(['admin', 'planner'], { opens: SHEET_FILES }),
  'members:importRemap': call<{ token: string; mapping: ColumnMapping }, ImportPreview>(['admin', 'planner']),
  'members:importCommit': call<{ token: string; mapping: ColumnMapping }, ImportResult>(['admin', 'planner']),
  'members:importCancel': call<{ token: string }, null>(['admin', 'planner']),
  /** Save dialog in main; full phone/ID numbers only for roles that may reveal them. */
  'members:export': call<
    { format: ExportFormat; filter: MemberListQuery; full?: boolean },
    { file: string; count: number } | null
  >(ALL_ROLES),
  /** The 课别 the purchases name, for the member list's 消费课别 filter. */
  'members:departments': call<void, string[]>(ALL_ROLES),

  'operators:list': call<void, OperatorInfo[]>(ADMIN_ONLY),
  'operators:create': call<{ name: string; password: string; role: Role }, OperatorInfo>(ADMIN_ONLY),
  'operators:update': call<{ id: number; role?: Role; active?: boolean; password?: string }, OperatorInfo>(ADMIN_ONLY),

  'audit:list': call<AuditQuery, { rows: AuditEntry[]; total: number }>(AUDIT_READERS),
  'audit:operators': call<void, string[]>(AUDIT_READERS),

  'settings:get': call<void, Settings>(ALL_ROLES),
  'settings:update': call<Partial<Settings>, Settings>(ADMIN_ONLY),

  'data:info': call<void, DataInfo>(ADMIN_ONLY),
  'data:backup': call<void, { file: string } | null>(ADMIN_ONLY),
  'data:restore': call<void, { restored: boolean }>(ADMIN_ONLY, { opens: DB_FILES }),
  /** The demo store; `membersOnly`: sample members and purchases alone (empty gift room and maintainers). */
  'data:seedSample': call<{ members?: number; purchases?: number; membersOnly?: boolean }, DemoResult>(ADMIN_ONLY),

  // purchases, desk entry, member history, points (handlers/purchases.ts)
  /** What saving would earn, with the explanation ("1,280 元 × 2 (会员日) = 2,560"); writes nothing. */
  'purchases:preview': call<DeskPurchaseInput, PurchasePreview>(MEMBER_WRITERS),
  'purchases:record': call<DeskPurchaseInput, RecordedPurchase & { balance: number }>(MEMBER_WRITERS),
  'purchases:ofMember': call<MemberPageQuery, { rows: PurchaseItem[]; total: number }>(ALL_ROLES),
  'points:ledger': call<MemberPageQuery, { rows: LedgerItem[]; total: number }>(ALL_ROLES),
  /** Same roles as POINTS_ADJUSTERS in db/services/points/adjust.ts (not imported: runtime code). */
  'points:adjust': call<AdjustInput, Posted>(['admin', 'planner']),
  /** asOf defaults to today (main's clock); the answer says which day it counted from. */
  'points:expiringSoon': call<
    Omit<ExpiringSoonQuery, 'asOf'> & { asOf?: string },
    { rows: ExpiringMember[]; total: number; points: number; asOf: string }
  >(MEMBER_WRITERS),
  /** Save dialog in main; phones masked (a reminder list leaves the desk). */
  'points:expiringExport': call<
    { format: ExportFormat; days: number; asOf?: string },
    { file: string; count: number } | null
  >(MEMBER_WRITERS),

  // till import (handlers/tillImport.ts)
  /** File dialog in main; the preview runs the import and rolls it back (null when cancelled). */
  'purchases:importPick': call<void, TillImportPreview | null>(['admin', 'planner'], { opens: SHEET_FILES }),
  'purchases:importRemap': call<{ token: string; mapping: PurchaseMapping }, TillImportPreview>(['admin', 'planner']),
  'purchases:importCommit': call<{ token: string; mapping: PurchaseMapping }, ImportResult>(['admin', 'planner']),
  'purchases:importCancel': call<{ token: string }, null>(['admin', 'planner']),
  /** The wizard maps the file's unknown 课别 / 专柜 to known ones (remembered as aliases), then previews again. */
  'purchases:importMapDepartments': call<
    { token: string; mapping: PurchaseMapping } & TillSpellingsInput,
    TillImportPreview
  >(['admin', 'planner']),

  // tiers, card validity, sleeping members (handlers/tiers.ts)
  /** A member's tier changes (newest first), current tier, validity and latest card renewals. */
  'tiers:history': call<
    TierHistoryQuery,
    {
      rows: TierHistoryItem[]
      total: number
      tier: string | null
      validUntil: string | null
      renewals: CardRenewalItem[]
    }
  >(ALL_ROLES),
  'tiers:expiredCards': call<ExpiredCardsQuery, { rows: ExpiredCard[]; total: number }>(ALL_ROLES),
  /** A member who did not earn the renewal points is renewed only by admin/planner with a reason (service). */
  'tiers:renew': call<RenewCardInput, RenewedCard>(MEMBER_WRITERS),
  'tiers:sleeping': call<SleepingQuery, { rows: SleepingMember[]; total: number; months: number; cutoff: string }>(
    ALL_ROLES,
  ),
  /** Save dialog in main; phones masked unless `full` (REVEALERS only, checked in the handler). */
  'tiers:sleepingExport': call<ListExportInput & Omit<SleepingQuery, 'page' | 'pageSize'>, ListExportResult | null>(
    ALL_ROLES,
  ),
  'tiers:expiredExport': call<ListExportInput, ListExportResult | null>(ALL_ROLES),
  /** The yearly tier review now (idempotent per review day). */
  'tiers:review': call<ReviewInput, ReviewRun>(['admin', 'planner']),
  // gifts (handlers/gifts.ts)
  'gifts:list': call<GiftListQuery, GiftRow[]>(ALL_ROLES),
  'gifts:lowStock': call<void, GiftRow[]>(ALL_ROLES),
  /** The redemption gifts a member can take now, and those they cannot with the reason. */
  'gifts:eligible': call<{ memberId: number }, EligibleGifts>(ALL_ROLES),
  'gifts:redeem': call<RedeemInput, Redeemed>(GIFT_KEEPERS),
  'gifts:receive': call<ReceiveInput, Moved>(GIFT_KEEPERS),
  'gifts:issue': call<IssueInput, Moved>(GIFT_KEEPERS),
  'gifts:stocktake': call<StocktakeInput, Moved & { difference: number }>(GIFT_KEEPERS),
  'gifts:create': call<CreateGiftInput, GiftRow>(GIFT_KEEPERS),
  'gifts:update': call<UpdateGiftInput, GiftRow>(GIFT_KEEPERS),
  'gifts:memberRedemptions': call<{ memberId: number; limit?: number }, RedemptionRecord[]>(ALL_ROLES),
  'gifts:movements': call<{ code: string; limit?: number }, MovementRecord[]>(ALL_ROLES),
  /** 月报: cost by category and purpose, redemptions, stock value at month end (report.ts). */
  'gifts:report': call<MonthInput, GiftMonthReport>(GIFT_KEEPERS),
  /** Save dialog in main; the month's report as .xlsx. */
  'gifts:reportExport': call<MonthInput, { file: string; month: string } | null>(GIFT_KEEPERS),
  // gift import and export (handlers/giftSheets.ts), the till import's steps
  'gifts:importPick': call<void, GiftSheetPreview | null>(GIFT_KEEPERS, { opens: SHEET_FILES }),
  'gifts:importRemap': call<{ token: string; mapping: GiftMapping }, GiftSheetPreview>(GIFT_KEEPERS),
  'gifts:importCommit': call<{ token: string; mapping: GiftMapping }, ImportResult>(GIFT_KEEPERS),
  'gifts:importCancel': call<{ token: string }, null>(GIFT_KEEPERS),
  /** Save dialog in main; the catalogue with stock, in columns the import reads back. */
  'gifts:export': call<{ format: ExportFormat }, { file: string; count: number } | null>(GIFT_KEEPERS),
  /** File dialog in main; the picture is copied beside the database (null when cancelled). */
  'gifts:pickPhoto': call<void, { photo: string; dataUrl: string } | null>(GIFT_KEEPERS, {
    opens: PICTURE_FILES,
  }),
  /** A gift's photo as a data: URL, or null when it has none. */
  'gifts:photo': call<{ code: string }, string | null>(ALL_ROLES),
  /** Redeemed gifts back for a quality defect within RETURN_DAYS: stock restored, points refunded. */
  'gifts:return': call<ReturnLinesInput, Returned>(GIFT_KEEPERS),
  /** The redemption slip as HTML, for the in-app preview. */
  'gifts:slip': call<{ redemptionId: number }, { html: string }>(ALL_ROLES),
  /** The redemption slip to the receipt printer (system print dialog); false when cancelled. */
  'gifts:printSlip': call<{ redemptionId: number }, { printed: boolean }>(GIFT_KEEPERS),
  /** 礼品册: the redemption gifts on offer in a validity period (yyyymmdd), as printable HTML. */
  'gifts:catalogue': call<CatalogueInput, { html: string; count: number; pages: number; photoWarning: string | null }>(
    ALL_ROLES,
  ),
  /** Save dialog in main; the catalogue as an A4 PDF (null when cancelled). */
  'gifts:catalogueSave': call<CatalogueInput, { file: string; count: number; pages: number } | null>(ALL_ROLES),
  /** The catalogue to a printer through the system print dialog; false when cancelled. */
  'gifts:cataloguePrint': call<CatalogueInput, { printed: boolean }>(ALL_ROLES),

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

  // 生日关怀: the month's list (phones masked), the cards and labels, print runs, SMS list, costs.
  'birthdays:month': call<BirthdayPageInput, BirthdayPage>(ALL_ROLES),
  'birthdays:costs': call<{ month: string }, { month: string; estimate: MonthEstimate; actual: MonthActuals }>(
    ALL_ROLES,
  ),
  /** What a run would print and cost, before printing (nothing written). */
  'birthdays:prepare': call<BatchInput, BatchPlan>(BIRTHDAY_SENDERS),
  /** One member's card (and label) as printable HTML; `template`: an unsaved greeting to try. */
  'birthdays:preview': call<PreviewInput, { cards: string; labels: string | null; name: string }>(BIRTHDAY_SENDERS),
  /** Cards to a printer (system dialog), recorded as a batch once printed; then the labels. */
  /** One card with sample data through the printer (desktop: system dialog; browser: a PDF tab); nothing recorded */
  'birthdays:testPrint': call<{ design: CardDesign }, { printed: boolean }>(BIRTHDAY_SENDERS),
  'birthdays:print': call<BatchInput, { printed: boolean; labelsPrinted: boolean; batch: BatchSummary | null }>(
    BIRTHDAY_SENDERS,
  ),
  /** Save dialog in main; cards (and labels) as PDF, recorded as a batch; null when cancelled. */
  'birthdays:savePdf': call<BatchInput, { file: string; labelsFile: string | null; batch: BatchSummary } | null>(
    BIRTHDAY_SENDERS,
  ),
  /** A recorded batch's envelopes or labels again (new sheets, another offset); no new batch. */
  'birthdays:printLabels': call<
    { batchId: number; layout: NonNullable<BatchInput['labels']>; offset?: number; pdf?: boolean },
    { printed: boolean; file: string | null }
  >(BIRTHDAY_SENDERS),
  'birthdays:batches': call<{ month?: string }, BatchSummary[]>(ALL_ROLES),
  'birthdays:batchCards': call<{ batchId: number }, BatchCard[]>(ALL_ROLES),
  'birthdays:mark': call<{ cardIds: number[]; status: 'mailed' | 'returned' }, { changed: number; flagged: number }>(
    BIRTHDAY_SENDERS,
  ),
  /** Save dialog in main; the SMS gateway's list with full phones (audited); null when cancelled. */
  'birthdays:smsExport': call<
    { month: string; format: 'csv' | 'xlsx' },
    { file: string; messages: number; segments: number; costFen: number; noPhone: number } | null
  >(BIRTHDAY_SENDERS),
  /** The greeting, SMS text, prices and gift: the senders own these, unlike the rest of the settings */
  'birthdays:settingsUpdate': call<BirthdayMailRules, BirthdayMailRules>(BIRTHDAY_SENDERS),
  /** The store logo printed on the cards: a picture chosen in main, copied beside the database. */
  'settings:pickLogo': call<void, { logo: string; dataUrl: string } | null>(ADMIN_ONLY, { opens: PICTURE_FILES }),
  'settings:logo': call<void, string | null>(ALL_ROLES),

  ...reportCalls,
  ...departmentCalls,
} as const

export type Contract = typeof contract
export type CallName = keyof Contract
export type InputOf<K extends CallName> = NonNullable<Contract[K]['io']>['input']
export type OutputOf<K extends CallName> = NonNullable<Contract[K]['io']>['output']

export const CALL_NAMES = Object.keys(contract) as CallName[]

/** Events main pushes to the renderer. */
export interface Events {
  progress: { task: string; phase: string; done: number; total: number }
  /** Another desk changed what these topics cover (server/contract/changes.ts). */
  changed: { topics: readonly ChangeTopic[]; call: CallName }
  /** Something every desk must read at once (a restore about to log everybody out). */
  notice: { message: string }
}
export const EVENT_CHANNEL = 'vipdesk:event'

/** What the handler layer sends back: the renderer unwraps it into data or a Chinese message. */
export type Envelope<T> =
  | { ok: true; data: T; downloads?: Download[] }
  | { ok: false; error: { kind: string; message: string; issues?: { field: string; message: string }[] } }

/**
 * A file a call made on the store server (a save or a print): the browser fetches it from
 * `GET /api/download/<id>`. `inline`: a PDF to view and print in a tab; otherwise a download.
 */
export interface Download {
  id: string
  name: string
  inline: boolean
}

/** Every file type some call opens: what the store server accepts as an upload. */
export const UPLOAD_TYPES: ReadonlySet<string> = new Set(
  Object.values(contract as Record<string, { opens?: readonly string[] }>).flatMap((spec) => spec.opens ?? []),
)

/** The object the preload puts on window.vipdesk. */
export interface Bridge {
  invoke<K extends CallName>(name: K, input: InputOf<K>): Promise<Envelope<OutputOf<K>>>
  on<E extends keyof Events>(event: E, listener: (payload: Events[E]) => void): () => void
}
