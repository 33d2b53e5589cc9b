import type { App, BrowserWindow, Session, WebContents, WebPreferences } from 'electron'

/** What every window of the app runs with: no Node in the page, isolated, sandboxed, no webviews. */
export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  webviewTag: false,
  spellcheck: false,
} as const satisfies WebPreferences

/** No navigation away from what was loaded, no new windows, no webviews. */
export function lockDownContents(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  contents.on('will-navigate', (event) => event.preventDefault())
  contents.on('will-attach-webview', (event) => event.preventDefault())
}

/**
 * The app needs no camera, microphone, location, notifications or the like: every request and
 * check is refused. The one exception is writing text to the clipboard (the import's 复制 button),
 * and only for the app's own page.
 */
export function denyPermissions(session: Session, appOrigin: string): void {
  const clipboardWrite = (permission: string, origin: string | undefined) =>
    permission === 'clipboard-sanitized-write' && !!origin && sameOrigin(origin, appOrigin)
  session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(clipboardWrite(permission, details.requestingUrl)),
  )
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    clipboardWrite(permission, requestingOrigin),
  )
}

function sameOrigin(url: string, origin: string): boolean {
  try {
    // Custom schemes give an opaque origin ("null") in Node's URL: compare scheme and host instead.
    const a = new URL(url)
    const b = new URL(origin)
    return a.protocol === b.protocol && a.host === b.host
  } catch {
    return false
  }
}

/** The default session now, and any session created later (a partition), get the same refusal. */
export function secureSessions(app: Pick<App, 'on'>, defaultSession: Session, appOrigin: string): void {
  denyPermissions(defaultSession, appOrigin)
  app.on('session-created', (session) => denyPermissions(session, appOrigin))
}

/**
 * One running copy per user: a second start hands over to the first (which comes to the front)
 * and quits, so two processes never write the same database file. False in the second copy.
 */
export function claimSingleInstance(
  app: Pick<App, 'requestSingleInstanceLock' | 'quit' | 'on'>,
  windows: () => BrowserWindow[],
): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return false
  }
  app.on('second-instance', () => {
    const win = windows()[0]
    if (!win) return
    if (win.isMinimized()) win.restore()
    win.show()
    win.focus()
  })
  return true
}
