/**
 * Every call the renderer can make, in one place. Main registers a handler for each name, the
 * preload exposes exactly these names, and the renderer's client takes its types from here.
 * Only types come from db/; the runtime part is the role list of each call.
 */
import type { AuditEntry, AuditQuery } from '../../db/services/audit'
import type { OperatorInfo } from '../../db/services/operators'
import type { Settings } from '../../db/services/settings'
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
  'data:seedSample': call<{ members?: number }, { members: number }>(ADMIN_ONLY),

  // purchases, desk entry, member history, points (handlers/purchases.ts)

  // till import (handlers/tillImport.ts)

  // tiers, card validity, sleeping members (handlers/tiers.ts)
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
