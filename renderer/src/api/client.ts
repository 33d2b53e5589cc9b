import type { CallName, Events, InputOf, OutputOf } from '../../../server/contract/contract'
import { currentBridge } from './httpBridge'

/** One problem with one input field, as the services report it (field keys like 'phone'). */
export interface FieldIssue {
  field: string
  message: string
}

/**
 * A call that the main process refused or could not finish. `message` is already Chinese and
 * written for store staff; `kind` says what went wrong (validation, not_found, conflict,
 * forbidden, unauthenticated, database, or transport when the bridge itself failed).
 */
export class ApiError extends Error {
  /** Set once the central handler has shown it, so it is never shown twice. */
  reported = false

  constructor(
    readonly kind: string,
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message)
    this.name = 'ApiError'
  }

  /** The message for one form field, if the service named that field. */
  issueFor(field: string): string | undefined {
    return this.issues.find((i) => i.field === field)?.message
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError

type Listener = (error: ApiError) => void
let unauthenticated: Listener = () => undefined

/** Main's session ended (restart, restore, deactivated account): the app sends the user to login. */
export function onUnauthenticated(listener: Listener): void {
  unauthenticated = listener
}

// A wrong password is also 'unauthenticated', but it belongs to the login form, not the redirect.
const LOGIN_CALLS = new Set<CallName>(['session:login', 'session:setupAdmin'])

/**
 * Calls the main process and returns its data, or throws an ApiError. Callers normally let the
 * error propagate: the app-wide handler (see feedback.ts) shows its message. Forms catch it to put
 * `issues` on their fields.
 */
export async function call<K extends CallName>(name: K, input: InputOf<K>): Promise<OutputOf<K>> {
  let envelope
  try {
    envelope = await currentBridge().invoke(name, input)
  } catch {
    throw new ApiError(
      'transport',
      window.vipdeskOverHttp
        ? '无法连接门店服务器，操作未完成。请检查网络，或请管理员确认服务器电脑已开机并运行 VIP 会员管家服务。'
        : '无法连接程序后台，操作未完成。请关闭并重新打开 VIP 会员管家。',
    )
  }
  if (envelope.ok) return envelope.data
  const { kind, message, issues } = envelope.error
  const error = new ApiError(kind, message, issues ?? [])
  if (kind === 'unauthenticated' && !LOGIN_CALLS.has(name)) unauthenticated(error)
  throw error
}

/** Progress of a long task (import, export) pushed by main; returns the unsubscribe function. */
export function onProgress(listener: (p: Events['progress']) => void): () => void {
  return currentBridge().on('progress', listener)
}

/** Another desk (or window) changed what these topics cover; returns the unsubscribe function. */
export function onChanged(listener: (p: Events['changed']) => void): () => void {
  return currentBridge().on('changed', listener)
}

/** A notice every desk must read at once (a restore about to log everybody out). */
export function onNotice(listener: (p: Events['notice']) => void): () => void {
  return currentBridge().on('notice', listener)
}
