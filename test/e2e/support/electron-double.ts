/**
 * A stand-in for the `electron` module so the real main-process bundle and preload run under
 * Node in tests: windows are Playwright pages in Chromium, IPC goes through page.exposeBinding,
 * contextBridge sets a window global, and dialogs answer from a script. No application logic
 * lives here — only the plumbing Electron would provide.
 */
import { EventEmitter } from 'node:events'
import { readFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import type { Browser, Frame, Page } from '@playwright/test'

type BindingSource = { frame: Frame; page: Page }

type Handler = (event: unknown, ...args: unknown[]) => unknown

export interface DialogScript {
  open: (string | null)[]
  save: (string | null)[]
  errors: { title: string; content: string }[]
}

/** Electron's printToPDF options, as far as the app uses them. */
interface PdfOptions {
  landscape?: boolean
  printBackground?: boolean
  preferCSSPageSize?: boolean
  scale?: number
  pageSize?: string | { width: number; height: number }
  margins?: { top?: number; bottom?: number; left?: number; right?: number }
  pageRanges?: string
  displayHeaderFooter?: boolean
  headerTemplate?: string
  footerTemplate?: string
}

/** The same request in Playwright's terms (Electron: sizes in microns, margins in inches). */
function pdfOptionsOf(o: PdfOptions): Parameters<Page['pdf']>[0] {
  const size =
    typeof o.pageSize === 'object'
      ? { width: `${o.pageSize.width / 1000}mm`, height: `${o.pageSize.height / 1000}mm` }
      : { format: o.pageSize ?? 'Letter' }
  const m = o.margins
  const inches = (v: number | undefined) => (v === undefined ? undefined : `${v}in`)
  return {
    ...size,
    landscape: o.landscape,
    printBackground: o.printBackground,
    preferCSSPageSize: o.preferCSSPageSize,
    scale: o.scale,
    pageRanges: o.pageRanges,
    displayHeaderFooter: o.displayHeaderFooter,
    headerTemplate: o.headerTemplate,
    footerTemplate: o.footerTemplate,
    margin: m && { top: inches(m.top), bottom: inches(m.bottom), left: inches(m.left), right: inches(m.right) },
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

export function createElectronDouble(options: { browser: Browser; userData: string; appPath: string }) {
  const appEvents = new EventEmitter()
  const handlers = new Map<string, Handler>()
  const windows: FakeWindow[] = []
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
    setWindowOpenHandler(_fn: unknown) {}
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
    constructor(readonly options: { show?: boolean; webPreferences?: { preload?: string } }) {
      super()
      windows.push(this)
      this.ready = this.open()
    }
    private async open(): Promise<Page> {
      const page = await options.browser.newPage({ viewport: { width: 1280, height: 820 } })
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
      await page.goto(url)
      this.loaded(page)
    }
    private loaded(page: Page) {
      this.emit('ready-to-show')
      // Hidden windows without the preload (printing) are not the app's window.
      if (this.options.webPreferences?.preload) for (const cb of opened.splice(0)) cb(page)
    }
    show() {}
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
  }

  async function invoke(sender: FakeWebContents, source: BindingSource, channel: string, args: unknown[]) {
    const handler = handlers.get(channel)
    if (!handler) throw new Error(`No handler registered for '${channel}'`)
    const frame = source.frame
    const event = { sender, senderFrame: { url: frame.url(), parent: frame.parentFrame() ? {} : null } }
    return handler(event, ...args)
  }

  const module = {
    app: {
      whenReady: () => Promise.resolve(),
      getPath: (name: string) => {
        if (name === 'userData') return options.userData
        throw new Error(`getPath(${name}) is not scripted in the test double`)
      },
      getAppPath: () => options.appPath,
      isPackaged: false,
      quit: () => appEvents.emit('quit'),
      on: (event: string, fn: (...a: unknown[]) => void) => appEvents.on(event, fn),
    },
    BrowserWindow: FakeWindow,
    ipcMain: {
      handle: (channel: string, fn: Handler) => {
        if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
        handlers.set(channel, fn)
      },
    },
    webContents: {
      fromId: (id: number) => windows.find((w) => w.webContents.id === id)?.webContents,
    },
    dialog: {
      showOpenDialog: async () => {
        const next = dialogs.open.shift()
        return next ? { canceled: false, filePaths: [next] } : { canceled: true, filePaths: [] }
      },
      showSaveDialog: async () => {
        const next = dialogs.save.shift()
        return next ? { canceled: false, filePath: next } : { canceled: true, filePath: undefined }
      },
      showErrorBox: (title: string, content: string) => dialogs.errors.push({ title, content }),
    },
  }

  return {
    module,
    dialogs,
    handlers,
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
