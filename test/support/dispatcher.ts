import type { AppState, Shell } from '../../server/core/context'
import { createDispatcher } from '../../server/core/dispatch'
import { handlers } from '../../server/core/handlers'
import { WindowSessions } from '../../server/core/sessions'
import { InProcessJobs } from '../../server/core/sheets/jobs'
import type { Role } from '../../db/rules/roles'
import { createOperator } from '../../db/services/operators'
import type { TestDb } from './db'
import { noPrinter } from './printer'

/** The test database's admin and every operator a test adds log in with this. */
export const PASSWORD = 'secret123'

/** A handler test's shell: dialogs answer "cancel", events go nowhere, nothing prints — unless overridden. */
export function testShell(over: Partial<Shell> = {}): Shell {
  return {
    pickOpenFile: async () => null,
    pickSaveFile: async () => null,
    emit: () => undefined,
    printer: noPrinter,
    ...over,
  }
}

/** Main's state over the test database. */
export function testState(t: TestDb): AppState {
  const state: AppState = {
    db: t.db,
    dbFile: t.file,
    backupDir: `${t.dir}/backups`,
    openOptions: {},
    reopen: () => undefined,
    sessions: new WindowSessions(),
    imports: new Map(),
    sheets: new InProcessJobs(() => state.db),
  }
  return state
}

export type Login = 'admin' | { name: string; role: Role }

/**
 * The real dispatcher with every handler, as the renderer reaches it, with operators logged in:
 * `logins` maps a window (sender id) to 'admin' or a new operator of that name and role.
 */
export async function dispatcherFor(
  t: TestDb,
  shell: Shell,
  logins: Record<number, Login>,
  options: { state?: AppState; log?: (message: string) => void } = {},
) {
  const d = createDispatcher(handlers, options.state ?? testState(t), shell, options.log ?? (() => undefined))
  for (const [sender, who] of Object.entries(logins)) {
    if (who !== 'admin') createOperator(t.db, { name: who.name, password: PASSWORD, role: who.role }, t.admin)
    const name = who === 'admin' ? 'admin' : who.name
    const r = await d.dispatch('session:login', { name, password: PASSWORD }, Number(sender))
    if (!r.ok) throw new Error(`login of ${name} failed: ${r.error.message}`)
  }
  return d
}
