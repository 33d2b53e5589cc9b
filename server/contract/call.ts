import type { Role } from '../../db/rules/roles'

/** 'public' calls work before login; all others need a logged-in operator with one of the roles. */
export type Access = 'public' | readonly Role[]

export interface CallSpec<I, O> {
  readonly access: Access
  /** Phantom field carrying the input and output types; never set at runtime. */
  readonly io?: { input: I; output: O }
}

export const call = <I, O>(access: Access): CallSpec<I, O> => ({ access })
