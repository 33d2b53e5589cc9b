import { AppError, isAppError } from '../../db/errors'
import { fileError } from '../../db/fileErrors'
import { toActor } from '../../db/services/operators'
import { CHANGES } from '../contract/changes'
import { contract, type CallName, type Envelope, type InputOf, type OutputOf } from '../contract/contract'
import { withBusyRetry } from './busyRetry'
import { shellFor, type AppState, type HandlerContext, type Shell } from './context'
import { Lane, stepAside, type Turn } from './lane'
import { WindowSessions, type Caller, type Session } from './sessions'

export type Handler<K extends CallName> = (input: InputOf<K>, ctx: HandlerContext) => OutputOf<K> | Promise<OutputOf<K>>
export type Handlers = { [K in CallName]: Handler<K> }

/** The import steps: in the server's worker they run beside the queue (state.sheets.background). */
const SHEET_CALLS = new Set<CallName>(
  (['members', 'purchases', 'gifts'] as const).flatMap((area) =>
    (['importPick', 'importRemap', 'importCommit', 'importCancel'] as const).map(
      (step) => `${area}:${step}` as CallName,
    ),
  ),
)

export type Logger = (message: string) => void

/** The desktop app's caller: its own window on the machine that holds the database. */
export const windowCaller = (senderId: number): Caller => ({ senderId, local: true, address: '本机' })

/**
 * Turns a call into an envelope: checks the name and the caller's role (the one place roles are
 * checked), runs the handler, and maps errors to Chinese messages. Calls run one at a time
 * (writes are serialised; on the desktop a long import holds the queue so nothing interleaves
 * with its transaction, on the server it runs in the import worker beside the queue and a write
 * that meets its lock is refused at once, naming it). Either host carries calls here: it says who
 * calls and hands over their session.
 */
export function createDispatcher(handlers: Handlers, state: AppState, shell: Shell, log: Logger) {
  const lane = new Lane()
  // The server's connection never holds a transaction across an await (imports run in the
  // worker), so there a call may leave the lane while Chromium renders its PDF.
  const printsAside = () => state.sheets.background

  async function run(
    name: CallName,
    input: unknown,
    caller: Caller,
    session: Session,
    turn: Turn,
  ): Promise<Envelope<unknown>> {
    const spec = contract[name]
    if (!spec) return fail(new AppError('forbidden', '未知的操作'))
    const operator = session.operator
    if (spec.access !== 'public') {
      if (!operator) return fail(new AppError('unauthenticated', '请先登录'))
      if (!spec.access.includes(operator.role)) return fail(new AppError('forbidden', '您的角色无权执行此操作'))
    }
    const senderId = caller.senderId
    // The first call after the store's midnight runs the day's jobs (backup, expiry, tiers) first.
    state.jobs?.ensureToday()
    const ctx: HandlerContext = {
      state,
      shell: printsAside() ? printingAside(shellFor(shell, caller), turn) : shellFor(shell, caller),
      senderId,
      caller,
      session,
      actor: operator ? toActor(operator) : null,
    }
    try {
      const handler = handlers[name] as (i: unknown, c: HandlerContext) => unknown
      // Another program's write lock is waited for here, without blocking the event loop.
      const data = await withBusyRetry(
        () => state.db,
        ctx.shell,
        (watchedShell) => handler(input, { ...ctx, shell: watchedShell }),
        { holder: () => state.sheets.writing() },
      )
      tellOthers(name, senderId)
      return { ok: true, data: data ?? null }
    } catch (e) {
      if (isAppError(e)) return fail(e)
      const onFile = fileError(e, undefined, 'access')
      if (onFile) return fail(onFile)
      // Only the call name and the error's own text: inputs may hold personal data.
      log(`[${name}] ${(e as Error)?.stack ?? String(e)}`)
      return fail(new AppError('database', '系统出错，操作未完成。请重试；如仍出错请联系管理员。'))
    }
  }

  /** The change is made: a desk that cannot be told must not turn it into a failure. */
  function tellOthers(name: CallName, senderId: number): void {
    const topics = CHANGES[name]
    if (!topics) return
    try {
      shell.broadcast?.('changed', { topics, call: name }, senderId)
    } catch (e) {
      log(`[${name}] change event not sent: ${(e as Error)?.message ?? String(e)}`)
    }
  }

  function fail(e: AppError): Envelope<never> {
    return { ok: false, error: { kind: e.kind, message: e.message, issues: e.issues.length ? e.issues : undefined } }
  }

  /** The shell whose PDFs are rendered out of the lane. */
  function printingAside(s: Shell, turn: Turn): Shell {
    return {
      ...s,
      printer: {
        pdf: (html) => stepAside(lane, turn, () => s.printer.pdf(html)),
        print: (html, id) => stepAside(lane, turn, () => s.printer.print(html, id)),
      },
    }
  }

  async function call(name: CallName, input: unknown, caller: Caller, session: Session): Promise<Envelope<unknown>> {
    const turn: Turn = { leave: await lane.enter() }
    // An import step that runs in the worker starts after the calls before it and holds no one up.
    if (state.sheets.background && SHEET_CALLS.has(name)) turn.leave()
    try {
      return await run(name, input, caller, session, turn)
    } finally {
      turn.leave()
    }
  }

  return {
    call,
    /** A desktop window's call: its login is the window's (state.sessions must be WindowSessions). */
    dispatch(name: CallName, input: unknown, senderId: number): Promise<Envelope<unknown>> {
      if (!(state.sessions instanceof WindowSessions)) throw new Error('dispatch(senderId) needs window sessions')
      return call(name, input, windowCaller(senderId), state.sessions.of(senderId))
    },
  }
}
export type Dispatcher = ReturnType<typeof createDispatcher>
