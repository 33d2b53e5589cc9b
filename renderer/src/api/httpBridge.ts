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
  let stream: EventSource | null = null
  let authed = false
  const EVENTS: (keyof Events)[] = ['progress', 'changed']
  /** One event stream per tab, opened once logged in (the server answers 401 before). */
  function openStream(): void {
    if (stream || !authed || !listeners.size) return
    const s = new EventSource(`${base}/api/events`)
    for (const name of EVENTS) {
      s.addEventListener(name, (e) => {
        const payload = JSON.parse((e as MessageEvent<string>).data) as never
        for (const listener of listeners.get(name) ?? []) listener(payload)
      })
    }
    // Refused (logged out, session expired): opened again at the next login.
    s.addEventListener('error', () => {
      if (s.readyState === EventSource.CLOSED && stream === s) stream = null
    })
    stream = s
  }
  const loggedIn = (name: string, envelope: Envelope<unknown>) =>
    envelope.ok &&
    (name === 'session:login' ||
      name === 'session:setupAdmin' ||
      (name === 'session:state' && !!(envelope.data as { operator?: unknown }).operator))
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
      const envelope = (await res.json()) as Envelope<never>
      if (loggedIn(name, envelope)) {
        authed = true
        openStream()
      }
      if (name === 'session:logout' || (!envelope.ok && envelope.error.kind === 'unauthenticated')) {
        authed = false
        stream?.close()
        stream = null
      }
      return envelope
    },
    on(event, listener) {
      let set = listeners.get(event)
      if (!set) listeners.set(event, (set = new Set()))
      set.add(listener as (payload: never) => void)
      openStream()
      return () => void set.delete(listener as (payload: never) => void)
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
