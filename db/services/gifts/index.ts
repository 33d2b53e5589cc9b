/** The VIP room's gifts: catalogue, stock movements, the redemption desk and the sheet import. */
export * from './catalogue'
export { checkStock, memberIdOfCard, postMovement, type Movement, type Moved, type StockDifference } from './movements'
export * from './stock'
export * from './redeem'
export * from './eligible'
export { commitGiftImport, guessGiftColumns } from './import'
export {
  previewGiftImport,
  guessGiftMapping,
  GIFT_FIELDS,
  GIFT_FIELD_LABELS,
  type GiftField,
  type GiftMapping,
  type GiftImportPreview,
} from './import'
export { parseMonth, type CategoryLine, type PurposeLine, type TopGift, type MonthInput } from './report'
export {
  memberRedemptions,
  giftMovementHistory,
  giftMonthReport,
  type RedemptionRecord,
  type MovementRecord,
  type GiftMonthReport,
} from './history'
export { photosDirOf, storePhoto, photoPath, photoDataUrl, PHOTO_EXTENSIONS } from './photos'
export { returnRedemptionLines, type ReturnLinesInput, type Returned } from './returns'
