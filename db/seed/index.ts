import type { Actor } from '../actor'
import type { Db } from '../handle'

/** STUB — being implemented. Realistic sample members (deterministic for a given seed). */
export function seedMembers(_db: Db, _input: { members: number; seed?: number }, _actor: Actor): { members: number } {
  throw new Error('not implemented')
}
