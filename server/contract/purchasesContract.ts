/** 积分: purchases at the desk and from the till, the points ledger and expiry. */
import type { ImportResult } from '../../db/services/members/import/types'
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
import type { TillSpellingsInput } from '../../db/services/departments'
import { ALL_ROLES, MEMBER_WRITERS } from '../../db/rules/roles'
import { call, SHEET_FILES } from './call'
import type { ExportFormat } from './listExport'

/** A till file's preview, with the token for the calls that follow and its first lines as read. */
export type TillImportPreview = PurchaseImportPreview & {
  token: string
  sample: { row: number; values: Partial<Record<PurchaseField, string>> }[]
}

export const purchaseCalls = {
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
} as const
