import { yuanNumberToFen } from '../../../db/rules/money'

/** Money travels as integer fen; people read and type 元 with two decimals. */
export const fenToYuan = (fen: number) => fen / 100
/**
 * 元 typed in a number box → fen, by the same parser as the imports (0.1 + 0.2 is 30 fen). An
 * amount with a third decimal is not rounded away: it stays a non-integer, which the service
 * refuses with its own message (金额须精确到分).
 */
export const yuanToFen = (yuan: number) => yuanNumberToFen(yuan) ?? yuan * 100
/** 1234567 → 12,345.67 元: the one money style of screens, exports and PDFs (db/rules/money). */
export { formatYuan, formatYuanNumber } from '../../../db/rules/money'
