/**
 * Purchases and the points they earn: keyed in at the service desk, imported from till files,
 * and listed on the member's detail.
 */
export { PurchaseBook, type PurchaseLine } from './book'
export {
  guessPurchaseMapping,
  PURCHASE_FIELDS,
  PURCHASE_FIELD_LABELS,
  type PurchaseField,
  type PurchaseMapping,
} from './columns'
export {
  deskPurchaseSchema,
  previewPurchase,
  recordPurchase,
  type DeskPurchaseInput,
  type PurchasePreview,
  type RecordedPurchase,
} from './desk'
export { memberLedger, memberPurchases, type LedgerItem, type MemberPageQuery, type PurchaseItem } from './history'
export {
  commitPurchaseImport,
  isPurchaseImporting,
  previewPurchaseImport,
  type PurchaseImportPreview,
  type UnknownCounter,
  type UnknownDepartment,
} from './import'
