/** Money travels as integer fen; people read and type 元 with two decimals. */
export const fenToYuan = (fen: number) => fen / 100
export const yuanToFen = (yuan: number) => Math.round(yuan * 100)
const yuanFormat = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
/** 1234567 → 12,345.67 元 */
export const formatYuan = (fen: number) => `${yuanFormat.format(fen / 100)} 元`
