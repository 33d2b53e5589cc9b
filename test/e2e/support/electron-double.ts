/**
 * A stand-in for the `electron` module so the real main-process bundle and preload run under
 * Node in tests: windows are Playwright pages in Chromium, IPC goes through page.exposeBinding,
 * contextBridge sets a window global, and dialogs answer from a script. No application logic
 * lives here — only the plumbing Electron would provide.
 */
import { EventEmitter } from 'node:events'
import { readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { pathToFileURL } from 'node:url'
import type { Browser, Frame, Page } from '@playwright/test'
import { pdfOptionsOf, type PdfOptions } from './double-pdf'
import { createProtocolDouble } from './double-protocol'

/** The zone the double's windows run in (see open()). */
export const DESK_ZONE = process.env.VIPDESK_DESK_TZ || 'America/Los_Angeles'

type BindingSource = { frame: Frame; page: Page }

type Handler = (event: unknown, ...args: unknown[]) => unknown

export interface DialogScript {
  open: (string | null)[]
  save: (string | null)[]
  errors: { title: string; content: string }[]
}

type PermissionRequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: { requestingUrl?: string },
) => void
type PermissionCheckHandler = (contents: unknown, permission: string, requestingOrigin: string) => boolean

/** A session: only what the app sets on it, kept for tests to call. */
class FakeSession {
  requestHandler: PermissionRequestHandler | null = null
  checkHandler: PermissionCheckHandler | null = null
  setPermissionRequestHandler(fn: PermissionRequestHandler | null) {
    this.requestHandler = fn
  }
  setPermissionCheckHandler(fn: PermissionCheckHandler | null) {
    this.checkHandler = fn
  }
}

let nextId = 1

/** A page or browser closed under an operation in flight: what Electron would not report either. */
function ignoreClosed(e: unknown): void {
  if (!/closed|Target crashed/i.test(String((e as Error)?.message))) throw e
}

/** Runs inside the page before any of its scripts: the preload's view of `electron`. */
function preloadShim(source: string): string {
  return `(() => {
  const listeners = new Map();
  const ipcRenderer = {
    invoke: (channel, ...args) => window.__electronInvoke(channel, args),
    on(channel, fn) { const l = listeners.get(channel) || []; l.push(fn); listeners.set(channel, l); return ipcRenderer; },
    removeListener(channel, fn) { listeners.set(channel, (listeners.get(channel) || []).filter((f) => f !== fn)); return ipcRenderer; },
  };
  Object.defineProperty(window, '__electronEmit', {
    value: (channel, args) => { for (const fn of listeners.get(channel) || []) fn({ sender: null }, ...args); },
  });
  const contextBridge = {
    exposeInMainWorld(key, api) { Object.defineProperty(window, key, { value: Object.freeze(api), enumerable: true }); },
  };
  const require = (name) => {
    if (name === 'electron') return { ipcRenderer, contextBridge };
    throw new Error('a sandboxed preload cannot require ' + name);
  };
  const module = { exports: {} };
  const exports = module.exports;
  ${source}
})();`
}

export function createElectronDouble(options: {
  browser: Browser
  userData: string
  appPath: string
  /** Another copy of the app already holds the single-instance lock. */
  lockHeldElsewhere?: boolean
}) {
  const appEvents = new EventEmitter()
  let ready = false
  const protocol = createProtocolDouble(() => ready)
  /** What the main process asked of the app object, for tests to assert. */
  const record = { singleInstanceLock: 0, quit: 0, focus: 0, exitCode: null as number | null }
  /** Files main asked the system to open (shell.openPath), in order. */
  const openedFiles: string[] = []
  const defaultSession = new FakeSession()
  /** The window each dialog was modal to (null: none), in order. */
  const dialogParents: (FakeWindow | null)[] = []
  const handlers = new Map<string, Handler>()
  const windows: FakeWindow[] = []
  /** Every window ever made, destroyed ones (printing) included. */
  const created: FakeWindow[] = []
  /** Pages of destroyed windows still closing: a test must not end while they do. */
  const closing: Promise<void>[] = []
  const dialogs: DialogScript = { open: [], save: [], errors: [] }
  const opened: ((page: Page) => void)[] = []
  /** The HTML of every page sent to a printer, in order. */
  const printed: string[] = []

  class FakeWebContents extends EventEmitter {
    readonly id = nextId++
    page?: Page
    send(channel: string, ...args: unknown[]) {
      // Electron drops a message to a window that has gone; so does the double, rather than leave
      // a rejection that Playwright would pin on whichever test runs next.
      this.page
        ?.evaluate(([c, a]) => (globalThis as any).__electronEmit(c, a), [channel, args] as const)
        .catch(ignoreClosed)
    }
    windowOpenHandler?: (details: { url: string }) => { action: string }
    setWindowOpenHandler(fn: (details: { url: string }) => { action: string }) {
      this.windowOpenHandler = fn
    }
    getURL(): string {
      return this.page ? protocol.realOf(this.page.url()) : ''
    }
    isDestroyed(): boolean {
      return this.page?.isClosed() ?? false
    }
    async printToPDF(opts: PdfOptions): Promise<Buffer> {
      return this.page!.pdf(pdfOptionsOf(opts))
    }
    /** The system print dialog, answered "print" at once. */
    print(_opts: unknown, callback?: (success: boolean, failureReason: string) => void) {
      this.page!.content().then(
        (html) => {
          printed.push(html)
          callback?.(true, '')
        },
        (e: Error) => callback?.(false, e.message),
      )
    }
  }

  class FakeWindow extends EventEmitter {
    readonly webContents = new FakeWebContents()
    readonly ready: Promise<Page>
    private destroyed = false
    constructor(
      readonly options: {
        show?: boolean
        parent?: FakeWindow
        webPreferences?: Record<string, unknown> & { preload?: string }
      },
    ) {
      super()
      windows.push(this)
      created.push(this)
      this.ready = this.open()
    }
    private async open(): Promise<Page> {
      // The window's machine clock runs in another zone than the store's (Asia/Shanghai), as a desk
      // PC set to the wrong zone would: every day and time the screens show or send must still be
      // the store's.
      const page = await options.browser.newPage({ viewport: { width: 1280, height: 820 }, timezoneId: DESK_ZONE })
      this.webContents.page = page
      await page.exposeBinding('__electronInvoke', (source: BindingSource, channel: string, args: unknown[]) =>
        invoke(this.webContents, source, channel, args),
      )
      const preload = this.options.webPreferences?.preload
      if (preload) await page.addInitScript({ content: preloadShim(readFileSync(preload, 'utf8')) })
      return page
    }
    async loadFile(file: string) {
      const page = await this.ready
      await page.goto(pathToFileURL(file).href)
      this.loaded(page)
    }
    async loadURL(url: string) {
      const page = await this.ready
      const standIn = protocol.standInOf(url)
      // Only pages of the app's own scheme are intercepted; printed files load as they would.
      if (standIn !== url) await protocol.answer(page)
      await page.goto(standIn)
      this.loaded(page)
    }
    private loaded(page: Page) {
      this.emit('ready-to-show')
      // Hidden windows without the preload (printing) are not the app's window.
      if (this.options.webPreferences?.preload) for (const cb of opened.splice(0)) cb(page)
    }
    show() {}
    focus() {
      record.focus++
    }
    isMinimized() {
      return false
    }
    restore() {}
    isDestroyed() {
      return this.destroyed
    }
    destroy() {
      if (this.destroyed) return
      this.destroyed = true
      windows.splice(windows.indexOf(this), 1)
      closing.push(this.ready.then((page) => page.close()).catch(ignoreClosed))
      this.emit('closed')
    }
    close() {
      this.destroy()
    }
    static getAllWindows() {
      return windows
    }
    static fromWebContents(contents: FakeWebContents) {
      return windows.find((w) => w.webContents === contents) ?? null
    }
  }

  async function invoke(sender: FakeWebContents, source: BindingSource, channel: string, args: unknown[]) {
    const handler = handlers.get(channel)
    if (!handler) throw new Error(`No handler registered for '${channel}'`)
    const frame = source.frame
    const url = protocol.realOf(frame.url())
    const event = { sender, senderFrame: { url, parent: frame.parentFrame() ? {} : null } }
    return handler(event, ...args)
  }

  const module = {
    app: {
      whenReady: () =>
        Promise.resolve().then(() => {
          ready = true
        }),
      requestSingleInstanceLock: () => {
        record.singleInstanceLock++
        return !options.lockHeldElsewhere
      },
      getPath: (name: string) => {
        if (name === 'userData') return options.userData
        if (name === 'temp') return tmpdir()
        throw new Error(`getPath(${name}) is not scripted in the test double`)
      },
      getAppPath: () => options.appPath,
      isPackaged: false,
      quit: () => {
        record.quit++
        appEvents.emit('quit')
      },
      /** Ends at once with a code (no quit events), as Electron's app.exit does. */
      exit: (code = 0) => {
        record.exitCode = code
      },
      on: (event: string, fn: (...a: unknown[]) => void) => appEvents.on(event, fn),
    },
    BrowserWindow: FakeWindow,
    shell: {
      /** The system viewer: recorded, answered "opened" (an empty string, as Electron does). */
      openPath: async (path: string) => {
        openedFiles.push(path)
        return ''
      },
    },
    protocol: protocol.module,
    session: { defaultSession },
    ipcMain: {
      handle: (channel: string, fn: Handler) => {
        if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
        handlers.set(channel, fn)
      },
    },
    webContents: {
      fromId: (id: number) => windows.find((w) => w.webContents.id === id)?.webContents,
      getAllWebContents: () => windows.map((w) => w.webContents),
    },
    dialog: {
      showOpenDialog: async (...args: unknown[]) => {
        dialogParents.push(parentOf(args))
        const next = dialogs.open.shift()
        return next ? { canceled: false, filePaths: [next] } : { canceled: true, filePaths: [] }
      },
      showSaveDialog: async (...args: unknown[]) => {
        dialogParents.push(parentOf(args))
        const next = dialogs.save.shift()
        return next ? { canceled: false, filePath: next } : { canceled: true, filePath: undefined }
      },
      showErrorBox: (title: string, content: string) => dialogs.errors.push({ title, content }),
    },
  }

  /** Electron's dialogs take an optional window first. */
  const parentOf = (args: unknown[]) => (args[0] instanceof FakeWindow ? args[0] : null)

  return {
    module,
    record,
    protocol,
    defaultSession,
    dialogParents,
    created,
    /** What Electron does when the app makes a session of its own (a partition). */
    newSession(): FakeSession {
      const s = new FakeSession()
      appEvents.emit('session-created', s)
      return s
    },
    /** Another start of the app: Electron tells the first copy. */
    secondInstance() {
      appEvents.emit('second-instance', {}, [], options.appPath, {})
    },
    dialogs,
    handlers,
    openedFiles,
    printed,
    /** The first window's page once its renderer has loaded. */
    firstWindow(): Promise<Page> {
      return new Promise((resolve) => opened.push(resolve))
    },
    /** What closing the last window does in Electron. */
    /**
     * The user closes the app: main hears window-all-closed, and every page goes, so the next test
     * in this worker's browser starts with no page of this one still open or closing.
     */
    async closeAll() {
      appEvents.emit('window-all-closed')
      const pages = windows.splice(0).map((w) => w.ready.then((page) => page.close()).catch(ignoreClosed))
      await Promise.all([...pages, ...closing.splice(0)])
    },
  }
}
export type ElectronDouble = ReturnType<typeof createElectronDouble>
