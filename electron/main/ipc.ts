import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import { CALL_NAMES, type Envelope } from '../../server/contract/contract'
import type { Dispatcher } from '../../server/core/dispatch'

/** Calls are accepted only from the app's own top-level page. */
export function trustedFrame(event: IpcMainInvokeEvent, allowedPrefix: string): boolean {
  const frame = event.senderFrame
  if (!frame || frame.parent) return false
  return frame.url.startsWith(allowedPrefix)
}

const refused: Envelope<never> = { ok: false, error: { kind: 'forbidden', message: '拒绝来自未知页面的调用' } }

/** Where calls go: the local dispatcher, or the store server in 门店服务器 mode (see backends.ts). */
export type CallRoute = Pick<Dispatcher, 'dispatch'>

export function registerIpc(ipcMain: IpcMain, dispatcher: CallRoute, allowedPrefix: string): void {
  for (const name of CALL_NAMES) {
    ipcMain.handle(name, (event, input: unknown) =>
      trustedFrame(event, allowedPrefix) ? dispatcher.dispatch(name, input, event.sender.id) : refused,
    )
  }
}
