import { BrowserWindow } from 'electron'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { conflict } from '../../db/errors'
import type { Printer } from '../../server/core/context'
import { lockDownContents, SECURE_WEB_PREFERENCES } from './security'
import { windowOf } from './window'

/**
 * Printing through Chromium in a hidden window as locked down as the app's own (sandboxed, no
 * preload, no Node, no scripts): printed documents are self-contained HTML with data, so nothing
 * in them should run. The document goes through a temp file because data: URLs are capped at a
 * few MB and a catalogue with 200 photos is tens of MB.
 */
async function withDocument<T>(html: string, use: (win: BrowserWindow) => Promise<T>, senderId?: number): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'vipdesk-print-'))
  const file = join(dir, 'document.html')
  let win: BrowserWindow | undefined
  try {
    await writeFile(file, html, 'utf8')
    win = new BrowserWindow({
      show: false,
      // A4 at 96 dpi: layout width for anything that measures the viewport.
      width: 794,
      height: 1123,
      // A child of the caller's window, so the system print dialog comes up over the app.
      parent: windowOf(senderId),
      webPreferences: { ...SECURE_WEB_PREFERENCES, javascript: false },
    })
    lockDownContents(win.webContents)
    // Resolves after the load event: data: pictures are decoded, local fonts are laid out.
    await win.loadFile(file)
    return await use(win)
  } finally {
    win?.destroy()
    await rm(dir, { recursive: true, force: true })
  }
}

export const electronPrinter: Printer = {
  pdf: (html) =>
    withDocument(html, (win) => win.webContents.printToPDF({ preferCSSPageSize: true, printBackground: true })),
  print: (html, caller) =>
    withDocument(
      html,
      (win) =>
        new Promise<boolean>((resolve, reject) => {
          win.webContents.print({ printBackground: true }, (success, failureReason) => {
            if (success) resolve(true)
            else if (/cancel/i.test(failureReason)) resolve(false)
            else reject(conflict(`打印失败：${failureReason || '打印机没有响应'}。请检查打印机后重试。`))
          })
        }),
      caller?.senderId,
    ),
}
