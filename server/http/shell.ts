import { writeFile } from 'node:fs/promises'
import { extname, join } from 'node:path'
import { validationError } from '../../db/errors'
import { openPdfRenderer, type PdfRenderer } from '../../db/print/chromium'
import type { Shell } from '../core/context'
import type { Caller } from '../core/sessions'
import type { EventHub } from './events'
import { safeName, type FileStore } from './files'

/** The document's own title names its PDF (db/print/document.ts gives every document one). */
function pdfNameOf(html: string): string {
  const title = /<title>([^<]*)<\/title>/i.exec(html)?.[1]?.trim()
  const text = (title || '打印')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
  return safeName(`${text}.pdf`)
}

const browserOnly = () =>
  validationError('此操作需要在浏览器中选择或接收文件：请刷新页面后重试，或在服务器电脑上的桌面程序中进行')

/**
 * What the server offers handlers in place of the desktop's windows. A browser desk has no dialog
 * here: the open dialog answers with the file the desk uploaded for this call (none = cancelled),
 * a save dialog with a fresh file under `downloads/` the desk then fetches, and printing makes a
 * PDF the browser opens and prints. PDFs come from the server's headless Chromium, the same path
 * the CLI prints through, so a document looks the same whichever host made it.
 */
export function serverShell(events: EventHub, files: FileStore): Shell & { close(): Promise<void> } {
  let renderer: Promise<PdfRenderer> | null = null
  const pdfRenderer = () => (renderer ??= openPdfRenderer())

  async function saveAs(caller: Caller | undefined, name: string): Promise<string> {
    if (!caller?.files) throw browserOnly()
    const path = join(await files.newSaveDir(), safeName(name))
    caller.files.saved.push({ path, name: safeName(name), inline: extname(path).toLowerCase() === '.pdf' })
    return path
  }

  return {
    async pickOpenFile({ filters }, caller) {
      const id = caller?.files?.upload
      if (!id) return null
      const path = files.uploadPath(id)
      if (!path) throw validationError('上传的文件已失效，请重新选择文件')
      const wanted = filters.flatMap((f) => f.extensions.map((e) => e.toLowerCase()))
      if (!wanted.includes(extname(path).slice(1).toLowerCase())) {
        throw validationError(`所选文件的类型不符：此处需要 ${wanted.map((e) => '.' + e).join(' / ')} 文件`)
      }
      return path
    },
    pickSaveFile: ({ defaultName }, caller) => saveAs(caller, defaultName),
    emit: (senderId, event, payload) => events.emit(senderId, event, payload),
    broadcast: (event, payload, except) => events.broadcast(event, payload, except),
    printer: {
      pdf: async (html) => (await pdfRenderer()).pdf(html),
      async print(html, caller) {
        const path = await saveAs(caller, pdfNameOf(html))
        await writeFile(path, await (await pdfRenderer()).pdf(html))
        return true
      },
    },
    async close() {
      if (renderer) await (await renderer).close()
    },
  }
}
