import { dayString } from '../rules/dates'

/**
 * Self-contained printable HTML: everything a page needs is inline (styles, pictures as data:
 * URLs), so the same string prints from Electron's hidden window, headless Chromium and a preview
 * iframe alike. The paper size lives in CSS `@page` (in mm), which both printToPDF and page.pdf
 * honour with preferCSSPageSize.
 */

/**
 * CJK faces that Chromium embeds as real subset fonts (CID TrueType, glyf outlines), first the
 * Windows ones (Microsoft YaHei, SimSun: what Electron's printToPDF finds on the store's PCs), then
 * Debian's (fonts-wqy-microhei, fonts-arphic-uming). Chromium's PDF backend writes a CFF-based
 * OpenType collection such as Noto Sans/Serif CJK as Type 3 glyphs instead: one procedure per glyph
 * and page run, 38 MB for 2,082 folded cards against 2.4 MB from LibreOffice. Noto and Source Han
 * stay as fallbacks so a machine without the TrueType faces still prints, only heavier.
 */
export const FONT_SANS =
  '"Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", sans-serif'
export const FONT_SERIF = '"SimSun", "AR PL UMing CN", "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", serif'

/**
 * Bold without a bold face. Neither SimSun nor AR PL UMing has one, and a bold Chromium makes up
 * (font-synthesis) is written as Type 3 glyphs again; a hairline shadow of the same glyphs prints
 * as bold and stays one subset font (pdftotext reads the overlapping copy once). Used on the
 * birthday cards, envelopes and labels, which go out in thousands.
 */
export const FAUX_BOLD =
  'font-weight: 400; font-synthesis: none; text-shadow: 0.035em 0 0 currentColor, 0.018em 0.02em 0 currentColor;'

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
