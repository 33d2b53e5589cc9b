import type { Page } from '@playwright/test'

/** Electron's printToPDF options, as far as the app uses them. */
export interface PdfOptions {
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
export function pdfOptionsOf(o: PdfOptions): Parameters<Page['pdf']>[0] {
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
