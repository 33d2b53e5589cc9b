/**
 * Every call the renderer can make, in one place. Main registers a handler for each name, the
 * preload exposes exactly these names, and the renderer's client takes its types from here.
 * Only types come from db/; the runtime part is the role list of each call.
 */
import type { ChangeTopic } from './changes'
import { sessionCalls } from './sessionContract'
import { memberCalls } from './membersContract'
import { settingsCalls } from './settingsContract'
import { purchaseCalls } from './purchasesContract'
import { tierCalls } from './tiersContract'
import { giftCalls } from './giftsContract'
import { careCalls } from './careContract'
import { birthdayCalls } from './birthdaysContract'
import { reportCalls } from './reportsContract'
import { departmentCalls } from './departmentsContract'
import { voucherCalls } from './vouchersContract'
import { yearlyCalls } from './yearlyContract'
import { campaignCalls } from './campaignsContract'

export type { Access, CallSpec } from './call'
export type { SessionState } from './sessionContract'
export type { DataInfo } from './settingsContract'
export type { TillImportPreview } from './purchasesContract'
export type { GiftSheetPreview } from './giftsContract'
export type { ExportFormat, ListExportInput, ListExportResult } from './listExport'

// One file a job (<job>Contract.ts); the names, roles and types of the calls are declared there.
export const contract = {
  ...sessionCalls,
  ...memberCalls,
  ...settingsCalls,
  ...purchaseCalls,
  ...tierCalls,
  ...giftCalls,
  ...careCalls,
  ...birthdayCalls,
  ...reportCalls,
  ...departmentCalls,
  ...voucherCalls,
  ...yearlyCalls,
  ...campaignCalls,
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
