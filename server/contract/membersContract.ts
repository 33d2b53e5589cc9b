/** 会员: finding, editing and closing members, their import and export (handlers/members.ts). */
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
import { ALL_ROLES, MEMBER_WRITERS, REVEALERS } from '../../db/rules/roles'
import { call, SHEET_FILES } from './call'
import type { ExportFormat } from './listExport'

type Id = { id: number }
type Reason = { id: number; reason: string }

export const memberCalls = {
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
} as const
