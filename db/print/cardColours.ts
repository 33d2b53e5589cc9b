/** Burgundy and muted gold: the birthday cards' two colours. */
export const BURGUNDY = '#8c1d2c'
export const GOLD = '#b08d57'
