import { FONT_SERIF } from './document'

const accent = '#8c1d2c'

/** A4 landscape with room for the page number in the bottom margin (a CSS margin box). */
export const A4_LANDSCAPE = { size: 'A4 landscape', margin: '11mm 12mm 13mm' }

/** Page numbers from Chromium's @page margin boxes: no script, the same in the app and the CLI. */
export const PAGE_NUMBERS_CSS = `
@page {
  @bottom-right { content: "第 " counter(page) " 页，共 " counter(pages) " 页"; font-size: 8pt; color: #777; }
}
`

/** The report tables' look, shared by one table's printout and the monthly report. */
export const REPORT_TABLE_CSS = `
table.report { width: 100%; border-collapse: collapse; font-size: 9pt; }
table.report thead { display: table-header-group; }
table.report tr { break-inside: avoid; }
table.report th, table.report td { border: 0.2mm solid #bbb; padding: 0.9mm 1.8mm; text-align: left; vertical-align: top; }
table.report th { background: #f1ece4; font-weight: 600; white-space: nowrap; }
table.report .n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.report tr.sub td { font-weight: 600; background: #f8f6f2; }
table.report tr.total td { font-weight: 700; background: #f1ece4; border-top: 0.5mm solid #888; }
table.report td.up { color: #1f6f43; }
table.report td.down { color: #a2302a; }
table.report td.help { color: #666; font-size: 8pt; }
p.note { font-size: 8pt; color: #666; margin: 1.5mm 0 0; }
p.empty { color: #888; margin: 2mm 0; }
`

/** One table on its own: a letterhead and the table. */
export const TABLE_SHEET_CSS = `
@media screen {
  body { background: #e8e8e8; padding: 6mm 0; }
  .paper { width: 297mm; min-height: 210mm; margin: 0 auto; padding: 11mm 12mm 13mm; background: #fff; box-shadow: 0 1mm 4mm rgba(0,0,0,.18); }
}
header.sheet { display: flex; align-items: flex-end; justify-content: space-between; gap: 6mm;
  border-bottom: 0.6mm solid ${accent}; padding-bottom: 2mm; margin-bottom: 4mm; }
header.sheet .store { font-family: ${FONT_SERIF}; font-size: 11pt; font-weight: 700; color: ${accent}; letter-spacing: 0.08em; }
header.sheet h1 { margin: 0.5mm 0 0; font-size: 16pt; font-weight: 700; }
header.sheet .meta { text-align: right; font-size: 8.5pt; color: #555; line-height: 1.6; }
header.sheet .meta b { color: #1f2328; font-weight: 600; }
`
