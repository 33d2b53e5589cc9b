import { h } from 'vue'
import type { Download } from '../../../server/contract/contract'
import { notification } from './feedback'

/**
 * Files in a browser at a desk of the store server: the browser's own file chooser stands in for
 * the desktop's open dialog, and what a call saved or printed on the server comes back as
 * downloads (a PDF opens in a tab to view and print, other files are saved by the browser).
 */

/** The browser's file chooser for these types; null when the user closes it without a file. */
export function chooseFile(types: readonly string[]): Promise<File | null> {
  const input = document.createElement('input')
  input.type = 'file'
  input.accept = types.map((t) => `.${t}`).join(',')
  input.style.display = 'none'
  input.dataset.testid = 'file-chooser'
  document.body.append(input)
  return new Promise((resolve) => {
    const done = (file: File | null) => {
      input.remove()
      resolve(file)
    }
    input.addEventListener('change', () => done(input.files?.[0] ?? null), { once: true })
    input.addEventListener('cancel', () => done(null), { once: true })
    input.click()
  })
}

/** Opens each PDF in a new tab and downloads the other files. */
export function deliverDownloads(downloads: readonly Download[], base = ''): void {
  for (const d of downloads) {
    const url = `${base}/api/download/${encodeURIComponent(d.id)}`
    if (d.inline) {
      // Blocked when the call took long after the click: the user opens it from the notice.
      if (!window.open(url, '_blank')) pdfBlocked(url, d.name)
      continue
    }
    const a = document.createElement('a')
    a.href = url
    a.download = d.name
    a.style.display = 'none'
    document.body.append(a)
    a.click()
    a.remove()
  }
}

function pdfBlocked(url: string, name: string): void {
  notification.info({
    title: 'PDF 已生成',
    content: () =>
      h('div', [
        h('p', `${name}：浏览器没有自动打开新标签页。`),
        h('a', { href: url, target: '_blank', rel: 'noopener', 'data-testid': 'open-pdf' }, '打开 PDF 打印'),
      ]),
    duration: 0,
    closable: true,
  })
}

/** Where a saved file went: a folder on this PC for the desktop app, the browser's downloads at a desk. */
export const savedTo = (file: string) => (window.vipdeskOverHttp ? `已下载 ${file}` : `已保存到 ${file}`)

/** What printing did: the system print dialog on the desktop, a PDF tab in the browser. */
export const sentToPrinter = (what: string) =>
  window.vipdeskOverHttp ? `${what}已在新标签页打开（PDF），请用浏览器打印` : `${what}已发送到打印机`
