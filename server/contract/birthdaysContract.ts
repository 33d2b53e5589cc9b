/** 生日关怀: the month's list (phones masked), the cards and labels, print runs, SMS list, costs. */
import type { BirthdayPage, BirthdayPageInput } from '../../db/services/birthdays/month'
import type { CardDesign } from '../../db/rules/birthdayMail'
import type { BatchCard, BatchInput, BatchPlan, BatchSummary, PreviewInput } from '../../db/services/birthdays/batches'
import type { MonthActuals, MonthEstimate } from '../../db/services/birthdays/costs'
import type { BirthdayMailRules } from '../../db/rules/birthdayMail'
import { ALL_ROLES, BIRTHDAY_SENDERS } from '../../db/rules/roles'
import { call } from './call'

export const birthdayCalls = {
  /** The page, with the month's birthday vouchers (members due one, issued so far) */
  'birthdays:month': call<BirthdayPageInput, BirthdayPage & { vouchers: { eligible: number; issued: number } }>(
    ALL_ROLES,
  ),
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
} as const
