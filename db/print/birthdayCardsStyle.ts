import { GOLD, BURGUNDY } from './cardColours'
import { CARD_ORNAMENTS as PNG } from './cardOrnamentImages'
import { FAUX_BOLD, FONT_SERIF } from './document'

/**
 * The look of the birthday cards: burgundy and muted gold on white card stock. No full-bleed
 * colour (office printers leave a white edge anyway), every ornament a CSS background PNG
 * (cardOrnamentsSvg.ts) that the PDF holds once and every page refers to: as vectors the same
 * ornaments were redrawn on each page, 18 KB a card.
 * document.ts sets print-color-adjust: exact, so backgrounds print whatever the dialog says.
 */

export { BURGUNDY, GOLD } from './cardColours'

const png = (name: keyof typeof PNG) => `url("${PNG[name]}")`

/** The monogram or logo, shared by every card: the logo's data: URL is written once, here. */
export function logoCss(logo: string | null): string {
  if (!logo) return ''
  return `.logo, .inside-left .laurel .logo { background: url("${logo}") center / contain no-repeat; }
.logo span { display: none; }`
}

/*
 * No positioned or clipped boxes on a card (position, overflow, transforms): each is a paint layer,
 * and Chromium walks every layer of the document for every page it prints, so 5 per page made 2,000
 * cards quadratic (minutes, not seconds). The panels are fixed-size flex boxes and the texts are
 * sized by length (birthdayCards.ts) so they stay inside.
 */
const common = `
body { font-synthesis: none; }
.page { break-after: page; break-inside: avoid; }
.page:last-child { break-after: auto; }
.frame { height: 100%; border: 0.3mm solid ${GOLD}; outline: 0.15mm solid ${GOLD}; outline-offset: -1.4mm;
  display: flex; flex-direction: column; align-items: center; }
.logo { display: flex; align-items: center; justify-content: center; background: ${png('rings')} center / contain no-repeat;
  color: ${BURGUNDY}; font-family: ${FONT_SERIF}; ${FAUX_BOLD} margin: 0 auto; flex: none; }
.logo span { width: 82%; height: 82%;
  display: flex; align-items: center; justify-content: center; }
.store { font-family: ${FONT_SERIF}; color: ${BURGUNDY}; ${FAUX_BOLD} letter-spacing: 0.18em; text-indent: 0.18em; text-align: center; }
.divider { height: 2.2mm; background: ${png('divider')} center / contain no-repeat; flex: none; }
.laurel { background: ${png('laurel')} center / contain no-repeat; display: flex; flex-direction: column; align-items: center;
  justify-content: center; flex: none; }
.laurel.faint { background-image: ${png('laurelFaint')}; }
.greeting { font-family: ${FONT_SERIF}; color: #2b2b2b; align-self: stretch; }
.greeting p { margin: 0; text-indent: 2em; text-align: justify; overflow-wrap: anywhere; }
.greeting p.salute { text-indent: 0; }
.sign { font-family: ${FONT_SERIF}; text-align: right; color: #2b2b2b; align-self: stretch; }
.sign .when { color: #777; }
.gift { border: 0.3mm solid ${GOLD}; background: #faf6ee; text-align: center; color: #3b3b3b; overflow-wrap: anywhere; }
.gift .title { font-family: ${FONT_SERIF}; color: ${BURGUNDY}; ${FAUX_BOLD} letter-spacing: 0.3em; }
.gift .what { font-family: ${FONT_SERIF}; ${FAUX_BOLD} color: #2b2b2b; }
.gift .when { color: #6b6b6b; }
.latin { font-family: ${FONT_SERIF}; letter-spacing: 0.42em; text-indent: 0.42em; color: ${GOLD}; text-transform: uppercase; }
@media screen { body { background: #e8e8e8; } .page { margin: 6mm auto; background: #fff; } }
`

/** Folded card: A4 landscape, two A5 panels per page (see birthdayCards.ts for the folding). */
export const FOLDED_CSS = `${common}
.page { width: 297mm; height: 210mm; display: flex; }
.panel { width: 148.5mm; height: 210mm; padding: 11mm; }
.cover .frame { padding: 15mm 7mm 8mm; }
.cover .logo { width: 17mm; height: 17mm; font-size: 20pt; }
.cover .store { margin-top: 4mm; font-size: 15pt; }
.cover .divider { width: 44mm; margin-top: 3mm; }
.cover .laurel { width: 96mm; height: 96mm; margin-top: 9mm; }
.cover h1 { margin: -2mm 0 0; font-family: ${FONT_SERIF}; ${FAUX_BOLD} font-size: 34pt; letter-spacing: 0.16em;
  text-indent: 0.16em; color: ${BURGUNDY}; line-height: 1.2; }
.cover .laurel .latin { font-size: 8pt; margin-top: 2mm; }
.cover .foot { margin-top: auto; font-size: 8.5pt; letter-spacing: 0.5em; text-indent: 0.5em; color: ${GOLD}; font-family: ${FONT_SERIF}; }
.back .frame { justify-content: flex-end; padding: 0 7mm 15mm; }
.back .logo { width: 10mm; height: 10mm; font-size: 11pt; }
.back .store { margin-top: 2.5mm; font-size: 10pt; }
.back .contact { margin-top: 1.5mm; font-size: 7.5pt; color: #777; text-align: center; line-height: 1.6; }
.inside-left .frame { justify-content: center; padding: 9mm; }
.inside-left .laurel { width: 62mm; height: 62mm; }
.inside-left .laurel .logo { width: 16mm; height: 16mm; font-size: 18pt; background-image: ${png('innerRing')}; }
.inside-left .gift { margin-top: 12mm; width: 100mm; padding: 5mm 6mm; }
.gift .title { font-size: 11pt; }
.gift .what { font-size: 13pt; margin-top: 2.5mm; }
.gift .when { font-size: 8.5pt; margin-top: 2mm; }
.inside-right .frame { padding: 19mm 11mm 13mm; }
.inside-right .latin { font-size: 7pt; }
.inside-right .divider { width: 36mm; margin-top: 2mm; margin-bottom: 9mm; }
.inside-right .greeting { flex: 1; font-size: 13pt; line-height: 2.1; padding-top: 4mm; }
.inside-right .greeting.m { font-size: 11pt; line-height: 1.9; }
.inside-right .greeting.s { font-size: 9pt; line-height: 1.75; }
.inside-right .sign { font-size: 11pt; line-height: 1.8; }
.inside-right .sign .when { font-size: 9pt; }
`

/** Postcard: 148×100 mm, greeting side then address side. */
export const POSTCARD_CSS = `${common}
.page { width: 148mm; height: 100mm; }
.front { padding: 6mm; }
.front .frame { flex-direction: row; align-items: stretch; padding: 5mm 6mm 4mm; }
.front .side { width: 38mm; display: flex; flex-direction: column; align-items: center; border-right: 0.25mm solid #e6d8bd; padding-right: 5mm; flex: none; }
.front .side .logo { width: 10mm; height: 10mm; font-size: 11pt; }
.front .side .store { font-size: 8pt; margin-top: 1.5mm; letter-spacing: 0.1em; text-indent: 0.1em; }
.front .side .laurel { width: 33mm; height: 33mm; margin-top: 4mm; }
.front .side h1 { margin: 0; font-family: ${FONT_SERIF}; ${FAUX_BOLD} font-size: 15pt; color: ${BURGUNDY};
  letter-spacing: 0.08em; text-indent: 0.08em; line-height: 1.1; }
.front .side .latin { font-size: 5pt; margin-top: 3mm; letter-spacing: 0.3em; text-indent: 0.3em; }
.front .main { flex: 1; padding-left: 6mm; display: flex; flex-direction: column; min-width: 0; }
.front .greeting { flex: 1; font-size: 10pt; line-height: 1.75; }
.front .greeting.m { font-size: 8.4pt; line-height: 1.6; }
.front .greeting.s { font-size: 6.6pt; line-height: 1.5; }
.front .sign { font-size: 8.5pt; line-height: 1.5; margin-top: 1mm; }
.front .sign .when { font-size: 7pt; }
.front .gift { margin-top: 2mm; padding: 1.5mm 3mm 1.3mm; text-align: left; line-height: 1.45; }
.front .gift .title { font-size: 8pt; letter-spacing: 0.15em; margin-right: 2.5mm; }
.front .gift .what { font-size: 8.6pt; margin: 0; }
.front .gift .when { margin: 0.3mm 0 0; font-size: 6.8pt; }
`
