import { dayString } from '../rules/dates'

/**
 * Self-contained printable HTML: everything a page needs is inline (styles, pictures as data:
 * URLs), so the same string prints from Electron's hidden window, headless Chromium and a preview
 * iframe alike. The paper size lives in CSS `@page` (in mm), which both printToPDF and page.pdf
 * honour with preferCSSPageSize.
 */

/** CJK faces present on Windows (YaHei, SimSun) and Linux (Noto / Source Han); Latin first. */
export const FONT_SANS =
  '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei", sans-serif'
export const FONT_SERIF = '"Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "Songti SC", serif'

export interface PageSetup {
  /** CSS `@page` size: 'A4', 'A5 landscape', '220mm 110mm' (DL envelope)… */
  size: string
  /** CSS margin shorthand in mm, e.g. '12mm 10mm'. */
  margin: string
}

export const A4_PORTRAIT: PageSetup = { size: 'A4', margin: '12mm 11mm 14mm' }

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Text for HTML content or a quoted attribute. */
export const escapeHtml = (text: string | number) => String(text).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!)

/** 20260101 → 2026-01-01: the one date style of the screens, exports and printed pages. */
export const chineseDate = (ymd: number): string => dayString(ymd)

export interface PrintDocumentInput {
  title: string
  /** The document's own styles; the base (page, fonts, colours) comes first. */
  css: string
  /** Body HTML, already escaped where it holds data. */
  body: string
  page?: PageSetup
}

/**
 * The document shell. The CSP keeps a printed page inert: no scripts, no network, pictures only
 * from data: URLs, so a gift name can never reach out of the page.
 */
export function printDocument({ title, css, body, page = A4_PORTRAIT }: PrintDocumentInput): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:">
<title>${escapeHtml(title)}</title>
<style>
@page { size: ${page.size}; margin: ${page.margin}; }
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: ${FONT_SANS}; color: #1f2328; font-size: 10pt; line-height: 1.45; }
img { display: block; }
${css}
</style>
</head>
<body>
${body}
</body>
</html>
`
}
