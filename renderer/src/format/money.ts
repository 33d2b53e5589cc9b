/** Money travels as integer fen; people read and type 元 with two decimals. */
export const fenToYuan = (fen: number) => fen / 100
export const yuanToFen = (yuan: number) => Math.round(yuan * 100)
export const formatYuan = (fen: number) => `${(fen / 100).toFixed(2)} 元`
