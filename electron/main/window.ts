import { BrowserWindow } from 'electron'
import { join } from 'node:path'

/**
 * The one application window, locked down: isolated, sandboxed preload, no Node in the page,
 * no navigation away from the app and no new windows.
 */
export function createMainWindow(
  preload: string,
  rendererUrl: string | undefined,
  rendererFile: string,
): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'VIP 会员管家',
    autoHideMenuBar: true,
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  })
  win.once('ready-to-show', () => win.show())
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }))
  win.webContents.on('will-navigate', (event) => event.preventDefault())
  if (rendererUrl) void win.loadURL(rendererUrl)
  else void win.loadFile(rendererFile)
  return win
}

export const rendererPaths = (mainDir: string) => ({
  preload: join(mainDir, '../preload/index.js'),
  html: join(mainDir, '../renderer/index.html'),
})
