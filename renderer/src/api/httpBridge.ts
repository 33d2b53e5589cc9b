import { contract, type Bridge, type CallName, type Envelope, type Events } from '../../../server/contract/contract'
import { chooseFile, deliverDownloads } from './files'

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
  const EVENTS: (keyof Events)[] = ['progress', 'changed', 'notice']
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
  /** One request to the server, answered with an envelope (any other answer is a transport error). */
  async function post(path: string, body: BodyInit, headers: Record<string, string>): Promise<Envelope<never>> {
    const res = await fetch(`${base}${path}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { ...headers, [CSRF_HEADER]: csrf },
      body,
    })
    csrf = res.headers.get(CSRF_HEADER) ?? csrf
    const type = res.headers.get('Content-Type') ?? ''
    if (!type.includes('application/json')) throw new Error(`HTTP ${res.status}`)
    return (await res.json()) as Envelope<never>
  }

  /** Tells this tab's progress listeners (the import screens) how far an upload is. */
  function uploadProgress(done: number, total: number): void {
    const payload = { task: '上传文件', phase: 'upload', done, total } as never
    for (const listener of listeners.get('progress') ?? []) listener(payload)
  }

  /**
   * `POST /api/upload` with the file as the body. XMLHttpRequest rather than fetch: only it
   * reports how much of a big till file has gone up, which the import screen shows.
   */
  function upload(file: File): Promise<Envelope<never>> {
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest()
      xhr.open('POST', `${base}/api/upload`)
      xhr.withCredentials = true
      xhr.setRequestHeader('Content-Type', 'application/octet-stream')
      xhr.setRequestHeader('X-File-Name', encodeURIComponent(file.name))
      xhr.setRequestHeader(CSRF_HEADER, csrf)
      xhr.upload.addEventListener('progress', (e) => uploadProgress(e.loaded, e.lengthComputable ? e.total : file.size))
      xhr.addEventListener('load', () => {
        csrf = xhr.getResponseHeader(CSRF_HEADER) ?? csrf
        if (!(xhr.getResponseHeader('Content-Type') ?? '').includes('application/json')) {
          return reject(new Error(`HTTP ${xhr.status}`))
        }
        resolve(JSON.parse(xhr.responseText) as Envelope<never>)
      })
      xhr.addEventListener('error', () => reject(new Error('上传失败：与服务器的连接中断')))
      uploadProgress(0, file.size)
      xhr.send(file)
    })
  }

  return {
    async invoke(name, input) {
      const headers: Record<string, string> = { 'Content-Type': 'application/json' }
      // Where the desktop opens a file dialog in main, the desk chooses the file here and uploads
      // it first; the call then names the upload (no file = the dialog was cancelled).
      const opens = (contract[name as CallName] as { opens?: readonly string[] } | undefined)?.opens
      if (opens) {
        const file = await chooseFile(opens)
        if (file) {
          const up = await upload(file)
          if (!up.ok) return up
          headers['X-Upload'] = (up.data as { upload: string }).upload
        }
      }
      const envelope = await post(
        `/api/${encodeURIComponent(name as CallName)}`,
        JSON.stringify(input ?? null),
        headers,
      )
      if (envelope.ok && envelope.downloads?.length) deliverDownloads(envelope.downloads, base)
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
