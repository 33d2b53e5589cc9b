/** 礼品: the gift room's stock, redemptions and returns, slips, the catalogue and the month's report. */
import type { ImportResult } from '../../db/services/members/import/types'
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
import { ALL_ROLES, GIFT_KEEPERS } from '../../db/rules/roles'
import { call, PICTURE_FILES, SHEET_FILES } from './call'
import type { ExportFormat } from './listExport'

/** A gift sheet's preview, with the token for the calls that follow and its first lines as read. */
export type GiftSheetPreview = GiftImportPreview & {
  token: string
  sample: { row: number; values: Partial<Record<GiftField, string>> }[]
}

export const giftCalls = {
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
} as const
