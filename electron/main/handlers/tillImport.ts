import type { Handlers } from '../dispatch'

export const tillImportHandlers = {} satisfies Partial<Handlers>
