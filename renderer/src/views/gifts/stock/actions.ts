/** What can be done to a gift from the stock table or its drawer. */
export type StockAction = 'receive' | 'issue' | 'stocktake' | 'edit' | 'detail'
