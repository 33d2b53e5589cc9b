import { FAUX_BOLD, FONT_SERIF, type PageSetup } from './document'

/**
 * The catalogue's page geometry in mm. Every block has a fixed height so giftCatalogue.ts can
 * lay pages out itself; the sheet is a millimetre shorter than the printable area so rounding
 * never spills a blank page.
 */
const page: PageSetup = { size: 'A4', margin: '10mm' }
const sheet = { width: 190, height: 276 }
const cover = 30
const running = 9
const footer = 9
const bandHeight = 11
const gap = 4
const card = 57
const perRow = 4

export const LAYOUT = {
  page,
  perRow,
  bandHeight,
  rowHeight: card + gap,
  firstPageRoom: sheet.height - cover - footer,
  pageRoom: sheet.height - running - footer,
}

const cardWidth = (sheet.width - gap * (perRow - 1)) / perRow
const accent = '#8c1d2c'
const gold = '#b9a57a'

export const CATALOGUE_CSS = `
.sheet { position: relative; width: ${sheet.width}mm; height: ${sheet.height}mm; overflow: hidden; break-after: page; }
.sheet:last-child { break-after: auto; }
@media screen {
  body { background: #e8e8e8; padding: 6mm 0; }
  .sheet { box-sizing: content-box; padding: 10mm; margin: 0 auto 6mm; background: #fff; box-shadow: 0 1mm 4mm rgba(0,0,0,.18); }
}
header.cover { height: ${cover}mm; text-align: center; border-bottom: 0.6mm solid ${gold}; padding-top: 1mm; }
header.cover .store { font-family: ${FONT_SERIF}; font-size: 20pt; font-weight: 700; color: ${accent}; letter-spacing: 0.12em; line-height: 1.25; }
header.cover h1 { margin: 1mm 0 0; font-family: ${FONT_SERIF}; font-size: 13pt; font-weight: 600; letter-spacing: 0.5em; color: #3b3b3b; }
header.cover .valid { margin-top: 1.5mm; font-size: 9pt; color: #6b6b6b; }
header.running { height: ${running}mm; display: flex; justify-content: space-between; align-items: flex-start; font-size: 8pt; color: #6b6b6b; border-bottom: 0.3mm solid ${gold}; }
header.running span:first-child { font-family: ${FONT_SERIF}; color: ${accent}; font-weight: 600; }
main { padding-top: 3mm; }
h2.band { height: ${bandHeight}mm; margin: 0; padding-top: 1.5mm; font-size: 11.5pt; font-weight: 700; color: ${accent}; line-height: 6mm; }
h2.band::before { content: ''; display: inline-block; width: 1.4mm; height: 4.6mm; margin-right: 2mm; vertical-align: -0.8mm; background: ${accent}; }
h2.band small { margin-left: 2mm; font-size: 8pt; font-weight: 400; color: #8a8a8a; }
.row { display: flex; gap: ${gap}mm; height: ${card + gap}mm; }
.card { width: ${cardWidth}mm; height: ${card}mm; border: 0.25mm solid #e3dccb; border-radius: 1.6mm; overflow: hidden; background: #fff; }
.photo { height: 33mm; background: #f7f4ec; display: flex; align-items: center; justify-content: center; }
.photo img { max-width: 100%; max-height: 100%; object-fit: contain; }
.photo.none { flex-direction: column; gap: 1mm; color: ${gold}; font-size: 7pt; letter-spacing: 0.2em; }
.photo.none svg { width: 12mm; height: 12mm; }
.text { padding: 1.6mm 2.2mm 0; }
.name { height: 8.6mm; font-size: 9pt; font-weight: 600; line-height: 4.3mm; overflow: hidden; display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; }
.price { margin-top: 0.6mm; height: 5.4mm; color: ${accent}; font-size: 8.5pt; display: flex; align-items: baseline; }
.price b { font-size: 13pt; margin-right: 0.8mm; ${FAUX_BOLD} }
.price .code { margin-left: auto; font-size: 6.5pt; color: #9a9a9a; }
.terms { margin-top: 0.4mm; font-size: 6.5pt; line-height: 2.9mm; color: #6b6b6b; max-height: 5.8mm; overflow: hidden; }
footer { position: absolute; left: 0; right: 0; bottom: 0; height: ${footer}mm; display: flex; justify-content: space-between; align-items: flex-end; font-size: 7.5pt; color: #8a8a8a; border-top: 0.3mm solid #e3dccb; padding-bottom: 0.5mm; }
@media screen { footer { left: 10mm; right: 10mm; bottom: 10mm; } }
`
