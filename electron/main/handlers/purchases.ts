import type { Handlers } from '../dispatch'

export const purchasesHandlers = {} satisfies Partial<Handlers>
