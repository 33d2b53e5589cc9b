import { FONT_SERIF } from './document'

const accent = '#8c1d2c'

/** The meeting report's look: a plain A4 sheet, tables that keep their header across pages. */
export const LEAGUE_REPORT_CSS = `
@media screen {
  body { background: #e8e8e8; padding: 6mm 0; }
  .paper { width: 210mm; margin: 0 auto; padding: 12mm 11mm 14mm; background: #fff; box-shadow: 0 1mm 4mm rgba(0,0,0,.18); }
}
header { text-align: center; border-bottom: 0.6mm solid ${accent}; padding-bottom: 2mm; margin-bottom: 4mm; }
header .store { font-family: ${FONT_SERIF}; font-size: 16pt; font-weight: 700; color: ${accent}; letter-spacing: 0.1em; }
header h1 { margin: 1mm 0 0; font-size: 14pt; font-weight: 700; }
header .made { font-size: 8.5pt; color: #666; }
h2 { font-size: 11.5pt; margin: 5mm 0 2mm; padding-left: 2mm; border-left: 1.2mm solid ${accent}; break-after: avoid; }
h3 { font-size: 10pt; margin: 3mm 0 1mm; break-after: avoid; }
h3 span { font-weight: 400; color: #555; font-size: 9pt; margin-left: 2mm; }
.verdict { font-size: 10.5pt; margin: 0 0 2mm; }
.verdict b { color: ${accent}; }
table { width: 100%; border-collapse: collapse; font-size: 9pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: 0.2mm solid #bbb; padding: 1mm 1.6mm; text-align: left; vertical-align: top; }
th { background: #f1ece4; font-weight: 600; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.c, th.c { text-align: center; width: 12mm; }
td.avg { font-weight: 700; }
tr.win td { background: #fbf3dc; }
td.d, th.d { width: 21mm; white-space: nowrap; }
td.k, th.k { width: 18mm; white-space: nowrap; }
td.mem, th.mem { width: 24mm; }
.note { font-size: 8pt; color: #666; margin: 1.5mm 0 0; }
.chart { margin: 3mm 0 0; break-inside: avoid; }
.chart svg { display: block; width: 180mm; height: auto; }
.who { break-inside: avoid-page; }
.none { color: #888; margin: 1mm 0; }
`
