import { validationError } from '../../db/errors'
import { openPdfRenderer, type PdfRenderer } from '../../db/print/chromium'
import type { Shell } from '../core/context'
import type { EventHub } from './events'

/**
 * What the server offers handlers in place of the desktop's windows: there is no dialog to open
 * on a desk's screen from here. PDFs come from the server's headless Chromium, the same path the
 * CLI prints through, so a document looks the same whichever host made it.
 */
export function serverShell(events: EventHub): Shell & { close(): Promise<void> } {
  let renderer: Promise<PdfRenderer> | null = null
  const pdfRenderer = () => (renderer ??= openPdfRenderer())
  const noDialog = () =>
    Promise.reject(validationError('浏览器中不能打开服务器上的文件对话框：请在服务器电脑上的桌面程序中进行此操作'))
  return {
    pickOpenFile: noDialog,
    pickSaveFile: noDialog,
    emit: (senderId, event, payload) => events.emit(senderId, event, payload),
    broadcast: (event, payload, except) => events.broadcast(event, payload, except),
    printer: {
      pdf: async (html) => (await pdfRenderer()).pdf(html),
      print: () => Promise.reject(validationError('请先生成 PDF，再用浏览器的打印功能打印')),
    },
    async close() {
      if (renderer) await (await renderer).close()
    },
  }
}
