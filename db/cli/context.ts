import { SYSTEM_ACTOR, type Actor } from '../actor'
import { forbidden } from '../errors'
import type { Db } from '../handle'
import type { Role } from '../rules/roles'
import { findOperatorByName, toActor } from '../services/operators'
import type { CliArgs } from './args'
import type { CliIo } from './io'

/** What a command gets: the open database (unless it opens its own), who acts, where to write. */
export interface CliContext {
  io: CliIo
  args: CliArgs
  json: boolean
  dbFile: string
  /** Open for every command except restore, which must replace the file while it is closed. */
  db: Db
  actor: Actor
  /** The FILE argument, resolved against the working directory. */
  file: string
  /** Human-readable output; suppressed with --json so stdout stays machine-readable. */
  say(text: string): Promise<void>
  /** The one JSON document a command prints with --json. */
  result(value: unknown): Promise<void>
}

/** The same role limits as the app's contract, applied when --operator names someone. */
export const ADMIN: readonly Role[] = ['admin']
export const IMPORTERS: readonly Role[] = ['admin', 'planner']
export const REVEALERS: readonly Role[] = ['admin', 'planner', 'viproom']

/** The --operator, checked against the database, or the built-in system operator. */
export function actorFor(db: Db, operator: string | undefined, roles: readonly Role[] | undefined): Actor {
  if (!operator) return SYSTEM_ACTOR
  const actor = toActor(findOperatorByName(db, operator))
  if (roles && !roles.includes(actor.role)) throw forbidden(`操作员"${actor.name}"的角色无权执行此命令`)
  return actor
}
