import type { Handlers } from '../dispatch'

export const tiersHandlers = {} satisfies Partial<Handlers>
