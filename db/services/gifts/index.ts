/** The VIP room's gifts: catalogue, stock movements, the redemption desk and the sheet import. */
export * from './catalogue'
export { checkStock, memberIdOfCard, postMovement, type Movement, type Moved, type StockDifference } from './movements'
export * from './stock'
export * from './redeem'
export * from './eligible'
export { commitGiftImport, guessGiftColumns } from './import'
export {
  memberRedemptions,
  giftMovementHistory,
  giftMonthReport,
  type RedemptionRecord,
  type MovementRecord,
  type GiftMonthReport,
} from './history'
export { photosDirOf, storePhoto, photoPath, photoDataUrl, PHOTO_EXTENSIONS } from './photos'
