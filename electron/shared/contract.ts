/**
 * Every call the renderer can make, in one place. Main registers a handler for each name, the
 * preload exposes exactly these names, and the renderer's client takes its types from here.
 * Only types come from db/; the runtime part is the role list of each call.
 */
import type { AuditEntry, AuditQuery } from '../../db/services/audit'
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
} from '../../db/services/purchases'
import type { AdjustInput } from '../../db/services/points/adjust'
import type { ExpiringMember, ExpiringSoonQuery } from '../../db/services/points/expiry'
import type { Posted } from '../../db/services/points/ledger'
import type {
  CreateGiftInput,
  EligibleGifts,
  GiftListQuery,
  GiftRow,
  IssueInput,
  Moved,
  MovementRecord,
  ReceiveInput,
  Redeemed,
  RedeemInput,
  RedemptionRecord,
  StocktakeInput,
  UpdateGiftInput,
} from '../../db/services/gifts'
import { ADMIN_ONLY, ALL_ROLES, AUDIT_READERS, MEMBER_WRITERS, REVEALERS, type Role } from '../../db/rules/roles'

/** 'public' calls work before login; all others need a logged-in operator with one of the roles. */
export type Access = 'public' | readonly Role[]

export interface CallSpec<I, O> {
  readonly access: Access
  /** Phantom field carrying the input and output types; never set at runtime. */
  readonly io?: { input: I; output: O }
}

const call = <I, O>(access: Access): CallSpec<I, O> => ({ access })

export interface SessionState {
  /** true until the first administrator has been created */
  needsSetup: boolean
  operator: OperatorInfo | null
  storeName: string
  /** true when the database has no members yet (offer sample data) */
  empty: boolean
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
  'members:importPick': call<void, ImportPreview | null>(['admin', 'planner']),
  'members:importRemap': call<{ token: string; mapping: ColumnMapping }, ImportPreview>(['admin', 'planner']),
  'members:importCommit': call<{ token: string; mapping: ColumnMapping }, ImportResult>(['admin', 'planner']),
  'members:importCancel': call<{ token: string }, null>(['admin', 'planner']),
  /** Save dialog in main; full phone/ID numbers only for roles that may reveal them. */
  'members:export': call<
    { format: ExportFormat; filter: MemberListQuery; full?: boolean },
    { file: string; count: number } | null
  >(ALL_ROLES),

  'operators:list': call<void, OperatorInfo[]>(ADMIN_ONLY),
  'operators:create': call<{ name: string; password: string; role: Role }, OperatorInfo>(ADMIN_ONLY),
  'operators:update': call<{ id: number; role?: Role; active?: boolean; password?: string }, OperatorInfo>(ADMIN_ONLY),

  'audit:list': call<AuditQuery, { rows: AuditEntry[]; total: number }>(AUDIT_READERS),

  'settings:get': call<void, Settings>(ALL_ROLES),
  'settings:update': call<Partial<Settings>, Settings>(ADMIN_ONLY),

  'data:info': call<void, DataInfo>(ADMIN_ONLY),
  'data:backup': call<void, { file: string } | null>(ADMIN_ONLY),
  'data:restore': call<void, { restored: boolean }>(ADMIN_ONLY),
  'data:seedSample': call<{ members?: number; purchases?: number }, { members: number; purchases: number }>(ADMIN_ONLY),

  // purchases, desk entry, member history, points (handlers/purchases.ts)
  /** What saving would earn, with the explanation ("1,280 元 × 2 (会员日) = 2,560"); writes nothing. */
  'purchases:preview': call<DeskPurchaseInput, PurchasePreview>(MEMBER_WRITERS),
  'purchases:record': call<DeskPurchaseInput, PurchasePreview & { purchaseId: number; balance: number }>(
    MEMBER_WRITERS,
  ),
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
  'purchases:importPick': call<void, TillImportPreview | null>(['admin', 'planner']),
  'purchases:importRemap': call<{ token: string; mapping: PurchaseMapping }, TillImportPreview>(['admin', 'planner']),
  'purchases:importCommit': call<{ token: string; mapping: PurchaseMapping }, ImportResult>(['admin', 'planner']),
  'purchases:importCancel': call<{ token: string }, null>(['admin', 'planner']),

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
  /** The yearly tier review now (idempotent per review day). */
  'tiers:review': call<ReviewInput, ReviewRun>(['admin', 'planner']),
  // gifts (handlers/gifts.ts)
  'gifts:list': call<GiftListQuery, GiftRow[]>(ALL_ROLES),
  'gifts:lowStock': call<void, GiftRow[]>(ALL_ROLES),
  /** The redemption gifts a member can take now, and those they cannot with the reason. */
  'gifts:eligible': call<{ memberId: number }, EligibleGifts>(ALL_ROLES),
  /** Same roles as GIFT_KEEPERS in db/services/gifts/catalogue.ts (not imported: runtime code). */
  'gifts:redeem': call<RedeemInput, Redeemed>(['admin', 'planner', 'viproom']),
  'gifts:receive': call<ReceiveInput, Moved>(['admin', 'planner', 'viproom']),
  'gifts:issue': call<IssueInput, Moved>(['admin', 'planner', 'viproom']),
  'gifts:stocktake': call<StocktakeInput, Moved & { difference: number }>(['admin', 'planner', 'viproom']),
  'gifts:create': call<CreateGiftInput, GiftRow>(['admin', 'planner', 'viproom']),
  'gifts:update': call<UpdateGiftInput, GiftRow>(['admin', 'planner', 'viproom']),
  'gifts:memberRedemptions': call<{ memberId: number; limit?: number }, RedemptionRecord[]>(ALL_ROLES),
  'gifts:movements': call<{ code: string; limit?: number }, MovementRecord[]>(ALL_ROLES),
} as const

export type Contract = typeof contract
export type CallName = keyof Contract
export type InputOf<K extends CallName> = NonNullable<Contract[K]['io']>['input']
export type OutputOf<K extends CallName> = NonNullable<Contract[K]['io']>['output']

export const CALL_NAMES = Object.keys(contract) as CallName[]

/** Events main pushes to the renderer. */
export interface Events {
  progress: { task: string; phase: string; done: number; total: number }
}
export const EVENT_CHANNEL = 'vipdesk:event'

/** What the handler layer sends back: the renderer unwraps it into data or a Chinese message. */
export type Envelope<T> =
  | { ok: true; data: T }
  | { ok: false; error: { kind: string; message: string; issues?: { field: string; message: string }[] } }

/** The object the preload puts on window.vipdesk. */
export interface Bridge {
  invoke<K extends CallName>(name: K, input: InputOf<K>): Promise<Envelope<OutputOf<K>>>
  on<E extends keyof Events>(event: E, listener: (payload: Events[E]) => void): () => void
}
