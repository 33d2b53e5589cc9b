import { FONT_SERIF } from './document'

const accent = '#8c1d2c'

/**
 * The monthly programme report on A4 landscape: a cover block with the figures, then one page per
 * chart with its table underneath (tiers and stock alerts share a page, side by side).
 */
export const PROGRAMME_REPORT_CSS = `
@media screen {
  body { background: #e8e8e8; padding: 6mm 0; }
  .paper { width: 297mm; margin: 0 auto; padding: 11mm 12mm 13mm; background: #fff; box-shadow: 0 1mm 4mm rgba(0,0,0,.18); }
  section.page { border-top: 1mm dashed #e8e8e8; margin-top: 8mm; padding-top: 6mm; }
}
header.cover { display: flex; justify-content: space-between; align-items: flex-end; gap: 8mm;
  border-bottom: 0.8mm solid ${accent}; padding-bottom: 3mm; margin-bottom: 5mm; }
header.cover .store { font-family: ${FONT_SERIF}; font-size: 13pt; font-weight: 700; color: ${accent}; letter-spacing: 0.1em; }
header.cover h1 { margin: 1mm 0 0; font-size: 20pt; font-weight: 700; letter-spacing: 0.04em; }
header.cover h1 small { font-size: 13pt; font-weight: 400; margin-left: 3mm; color: #444; }
header.cover .meta { text-align: right; font-size: 9pt; color: #555; line-height: 1.7; }
header.cover .meta b { color: #1f2328; }
section.page { break-before: page; }
section.page table.report td { padding-top: 0.6mm; padding-bottom: 0.6mm; }
h2 { font-size: 12.5pt; margin: 0 0 2.5mm; padding-left: 2.5mm; border-left: 1.4mm solid ${accent}; break-after: avoid; }
h2 small { font-size: 9pt; font-weight: 400; color: #666; margin-left: 3mm; }
h3 { font-size: 10.5pt; margin: 0 0 2mm; break-after: avoid; }
figure.chart { margin: 0 0 3mm; break-inside: avoid; }
figure.chart svg { display: block; width: 100%; height: auto; }
.pair { display: flex; gap: 8mm; align-items: flex-start; }
.pair > div { flex: 1 1 0; min-width: 0; }
.summary { display: grid; grid-template-columns: repeat(4, 1fr); gap: 3mm; margin: 0 0 5mm; }
.summary div { border: 0.3mm solid #d8d0c4; border-radius: 1.5mm; padding: 2mm 3mm; background: #fbf9f6; }
.summary span { display: block; font-size: 8.5pt; color: #666; }
.summary b { font-size: 14pt; font-variant-numeric: tabular-nums; }
.summary i { font-style: normal; font-size: 8.5pt; margin-left: 1.5mm; }
.summary i.up { color: #1f6f43; }
.summary i.down { color: #a2302a; }
`
