import type { Bridge, CallName, Envelope, Events } from '../../../server/contract/contract'

/** The header the store server checks on every call and hands out with the session (see server/http). */
export const CSRF_HEADER = 'X-CSRF-Token'

/**
 * The bridge in a browser at a desk of the store server: each call is `POST /api/<name>` with the
 * JSON input, answered with the same envelope the desktop app's IPC gives. The session lives in an
 * HttpOnly cookie; the CSRF token comes with the replies of session:state and session:login.
 */
export function httpBridge(base = ''): Bridge {
  let csrf = ''
  const listeners = new Map<keyof Events, Set<(payload: never) => void>>()
  return {
    async invoke(name, input) {
      const res = await fetch(`${base}/api/${encodeURIComponent(name as CallName)}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', [CSRF_HEADER]: csrf },
        body: JSON.stringify(input ?? null),
      })
      csrf = res.headers.get(CSRF_HEADER) ?? csrf
      const type = res.headers.get('Content-Type') ?? ''
      if (!type.includes('application/json')) throw new Error(`HTTP ${res.status}`)
      return (await res.json()) as Envelope<never>
    },
    on(event, listener) {
      let set = listeners.get(event)
      if (!set) listeners.set(event, (set = new Set()))
      set.add(listener as (payload: never) => void)
      return () => set.delete(listener as (payload: never) => void)
    },
  }
}

/** The desktop app's preload bridge, or the store server's when the page was served over HTTPS. */
export function currentBridge(): Bridge {
  if (!window.vipdesk) {
    window.vipdesk = httpBridge()
    window.vipdeskOverHttp = true
  }
  return window.vipdesk
}
