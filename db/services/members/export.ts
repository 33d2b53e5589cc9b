import type { Actor } from '../../actor'
import type { Db } from '../../handle'
import type { MemberListQuery } from './query'

/** STUB — being implemented. Writes the filtered member list to .xlsx or .csv. */
export async function exportMembers(
  _db: Db,
  _input: { file: string; format: 'xlsx' | 'csv'; filter: MemberListQuery; full: boolean },
  _actor: Actor,
): Promise<{ file: string; count: number }> {
  throw new Error('not implemented')
}
