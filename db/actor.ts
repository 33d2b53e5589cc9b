import type { Role } from './rules/roles'

/** Who is making a call. `id` is null for the command line's built-in system operator. */
export interface Actor {
  id: number | null
  name: string
  role: Role
}

export const SYSTEM_ACTOR: Actor = { id: null, name: '系统', role: 'admin' }
