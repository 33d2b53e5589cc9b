import { dialog, webContents, type OpenDialogOptions, type SaveDialogOptions } from 'electron'
import { EVENT_CHANNEL } from '../../server/contract/contract'
import type { Shell } from '../../server/core/context'
import { electronPrinter } from './print'
import { windowOf } from './window'

/** Dialogs are modal to the window of the renderer that asked, so they cannot end up behind it. */
function showOpen(options: OpenDialogOptions, senderId: number | undefined) {
  const win = windowOf(senderId)
  return win ? dialog.showOpenDialog(win, options) : dialog.showOpenDialog(options)
}

function showSave(options: SaveDialogOptions, senderId: number | undefined) {
  const win = windowOf(senderId)
  return win ? dialog.showSaveDialog(win, options) : dialog.showSaveDialog(options)
}

export const electronShell: Shell = {
  async pickOpenFile({ title, filters }, caller) {
    const r = await showOpen({ title, filters, properties: ['openFile'] }, caller?.senderId)
    return r.canceled ? null : (r.filePaths[0] ?? null)
  },
  async pickSaveFile({ title, defaultName, filters }, caller) {
    const r = await showSave({ title, defaultPath: defaultName, filters }, caller?.senderId)
    return r.canceled ? null : (r.filePath ?? null)
  },
  emit(senderId, event, payload) {
    webContents.fromId(senderId)?.send(EVENT_CHANNEL, event, payload)
  },
  broadcast(event, payload, exceptSenderId) {
    for (const wc of webContents.getAllWebContents()) {
      if (wc.id !== exceptSenderId && !wc.isDestroyed()) wc.send(EVENT_CHANNEL, event, payload)
    }
  },
  printer: electronPrinter,
}
