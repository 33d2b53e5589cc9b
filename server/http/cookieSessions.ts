import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import type { Db } from '../../db/handle'
import type { OperatorInfo } from '../../db/services/operators'
import { beginSession, endAllSessions, endSession, sessionOperator } from '../../db/services/sessions'
import type { Session, SessionRegistry } from '../core/sessions'

export const SESSION_COOKIE = 'vipdesk_session'
/** Before login: the cookie the CSRF token of session:state and session:setupAdmin is bound to. */
export const PRE_COOKIE = 'vipdesk_pre'

/**
 * A browser's login: an opaque token in an HttpOnly cookie, the session itself in the database
 * (it survives a server restart; idle ones expire by the setting). One per request: it reads the
 * session once and remembers what the call did to it, for the reply's cookies and CSRF header.
 */
export class CookieSession implements Session {
  /** Set when the call logged in: the new token for the cookie. */
  issued: { token: string; csrfToken: string } | null = null
  ended = false
  private current: { operator: OperatorInfo; csrfToken: string } | null

  constructor(
    private readonly db: Db,
    private readonly token: string | undefined,
    private readonly meta: { address: string; userAgent?: string },
  ) {
    this.current = token ? sessionOperator(db, token) : null
  }

  get operator(): OperatorInfo | null {
    return this.current?.operator ?? null
  }

  /** The token the caller must send with its calls (null before login). */
  get csrfToken(): string | null {
    return this.issued?.csrfToken ?? (this.ended ? null : (this.current?.csrfToken ?? null))
  }

  begin(operator: OperatorInfo): void {
    if (this.token) endSession(this.db, this.token)
    this.issued = beginSession(this.db, operator, this.meta)
    this.current = { operator, csrfToken: this.issued.csrfToken }
    this.ended = false
  }

  end(): void {
    if (this.token) endSession(this.db, this.token)
    this.current = null
    this.issued = null
    this.ended = true
  }
}

/** Every browser's sessions: changes to an operator or a restore end them in the database. */
export class DbSessions implements SessionRegistry {
  constructor(
    private readonly db: () => Db,
    /** Called once every session has ended (the host closes the desks' event streams). */
    private readonly ended: () => void = () => undefined,
  ) {}

  operatorChanged(_operator: OperatorInfo): void {
    // Nothing to do here: updateOperator already ends the operator's sessions, audited, in the
    // same transaction as the change (db/services/operators.ts). Ending them again would write
    // a second audit entry for the same event.
  }

  endAll(): void {
    endAllSessions(this.db())
    this.ended()
  }
}

/**
 * CSRF tokens before login: bound to the pre-login cookie by an HMAC with a key of this server
 * run, so nothing needs storing and nothing survives a restart (the page asks session:state again).
 */
export class PreLoginTokens {
  private readonly key = randomBytes(32)

  newCookie(): string {
    return randomBytes(24).toString('base64url')
  }

  tokenFor(cookie: string): string {
    return createHmac('sha256', this.key).update(cookie).digest('base64url')
  }

  matches(cookie: string | undefined, token: string | undefined): boolean {
    if (!cookie || !token) return false
    return sameText(this.tokenFor(cookie), token)
  }
}

export function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}
