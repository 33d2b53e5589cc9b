import { BrowserWindow, webContents } from 'electron'
import { join } from 'node:path'
import { lockDownContents, SECURE_WEB_PREFERENCES } from './security'

/**
 * The one application window, locked down: isolated, sandboxed preload, no Node in the page,
 * no navigation away from the app and no new windows.
 */
export function createMainWindow(preload: string, url: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'VIP 会员管家',
    autoHideMenuBar: true,
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload },
  })
  win.once('ready-to-show', () => win.show())
  lockDownContents(win.webContents)
  void win.loadURL(url)
  return win
}

export const rendererPaths = (mainDir: string) => ({
  preload: join(mainDir, '../preload/index.js'),
  /** The built renderer folder that app:// serves. */
  root: join(mainDir, '../renderer'),
})

/** The window of the renderer that made a call (undefined when it has gone). */
export function windowOf(senderId: number | undefined): BrowserWindow | undefined {
  const contents = senderId === undefined ? undefined : webContents.fromId(senderId)
  const win = contents ? BrowserWindow.fromWebContents(contents) : null
  return win && !win.isDestroyed() ? win : undefined
}
