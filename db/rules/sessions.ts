/**
 * The store server's logins: how long a desk may sit idle, and when repeated wrong passwords lock
 * a name or an address. Pure numbers and rules; the services are db/services/sessions.ts and
 * db/services/loginGuard.ts.
 */

/** Minutes without a call before a login ends (settings key `sessionIdleMinutes`, 5–720). */
export const DEFAULT_SESSION_IDLE_MINUTES = 30

/** A session's last_seen_at is written at most this often, so that reads do not each write. */
export const SESSION_TOUCH_MS = 30_000

/** The browser's user agent is kept to this many characters. */
export const USER_AGENT_MAX = 200

/** Failed logins are counted over this window… */
export const LOGIN_WINDOW_MS = 5 * 60_000
/** …and this many of them for one name, or from one address, lock it. */
export const MAX_LOGIN_FAILURES = 5

/**
 * When a lock ends, or null when there is none: given the times of recent failures (for one name
 * or one address, newest first), locked while at least MAX_LOGIN_FAILURES fall inside the window
 * before `now`; it ends when the MAX_LOGIN_FAILURES-th newest of them leaves the window.
 */
export function lockEndsAt(failuresNewestFirst: readonly number[], now: number): number | null {
  const recent = failuresNewestFirst.filter((at) => at > now - LOGIN_WINDOW_MS)
  if (recent.length < MAX_LOGIN_FAILURES) return null
  return recent[MAX_LOGIN_FAILURES - 1]! + LOGIN_WINDOW_MS
}

/** Whole minutes left until `endsAt`, at least 1 (what the refusal tells the person). */
export const minutesUntil = (endsAt: number, now: number): number => Math.max(1, Math.ceil((endsAt - now) / 60_000))

export const lockedMessage = (minutes: number) => `登录失败次数过多，请 ${minutes} 分钟后再试`

/** The user agent as stored: at most USER_AGENT_MAX characters (whole characters, not UTF-16 halves). */
export const clipUserAgent = (userAgent: string | undefined): string =>
  typeof userAgent === 'string' ? Array.from(userAgent).slice(0, USER_AGENT_MAX).join('') : ''
