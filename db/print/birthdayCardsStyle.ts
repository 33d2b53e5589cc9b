import { FONT_SERIF } from './document'

/**
 * The look of the birthday cards: burgundy and muted gold on white card stock. No full-bleed
 * colour (office printers leave a white edge anyway), every ornament drawn once as a CSS
 * background data: URL so 2,000 cards cost Chromium one picture each, not 2,000 inline SVGs.
 * document.ts sets print-color-adjust: exact, so backgrounds print whatever the dialog says.
 */

export const BURGUNDY = '#8c1d2c'
export const GOLD = '#b08d57'

const svgUrl = (svg: string) => `url("data:image/svg+xml,${encodeURIComponent(svg)}")`
const r1 = (n: number) => Math.round(n * 10) / 10

type Pt = [number, number]
const pt = ([x, y]: Pt) => `${r1(x)} ${r1(y)}`

/** A leaf as two quadratic curves from tip to tip: centre c, half-length a, half-width b, angle deg. */
function leaf(c: Pt, a: number, b: number, deg: number): string {
  const t = (deg * Math.PI) / 180
  const u: Pt = [Math.cos(t), Math.sin(t)]
  const v: Pt = [-u[1], u[0]]
  const at = (k: number, l: number): Pt => [c[0] + k * u[0] + l * v[0], c[1] + k * u[1] + l * v[1]]
  return `M${pt(at(-a, 0))}Q${pt(at(0, 2 * b))} ${pt(at(a, 0))}Q${pt(at(0, -2 * b))} ${pt(at(-a, 0))}Z`
}

/**
 * Two laurel branches rising from a bow into an open ring. One filled path for every leaf and one
 * stroked path for the stems and bow: a PDF draws each SVG element as its own operation, on every
 * page the picture appears on, so forty separate ellipses made 2,000 cards several times slower.
 */
function laurelSvg(colour: string): string {
  const R = 40
  const rad = (d: number) => (d * Math.PI) / 180
  const on = (d: number, r = R): Pt => [50 + r * Math.cos(rad(d)), 50 + r * Math.sin(rad(d))]
  const fill: string[] = []
  const stroke: string[] = []
  for (const side of [-1, 1]) {
    const from = 90 + side * 14
    const to = 90 + side * 150
    stroke.push(`M${pt(on(from))}A${R} ${R} 0 0 ${side > 0 ? 1 : 0} ${pt(on(to))}`)
    for (let i = 0; i < 10; i++) {
      const d = from + side * (6 + i * 13.5)
      const size = 1 - i * 0.045
      // Leaves alternate outside and inside the stem, pointing along it towards the top.
      for (const out of [1, -1]) {
        fill.push(leaf(on(d, R + out * 3.2 * size), 4.4 * size, 1.55 * size, d + side * 90 + out * side * -38))
      }
    }
    const [bx, by] = on(to + side * 3)
    fill.push(`M${r1(bx - 1.1)} ${r1(by)}a1.1 1.1 0 1 0 2.2 0a1.1 1.1 0 1 0 -2.2 0Z`)
  }
  // The bow where the branches cross.
  stroke.push(
    'M50 90.5c-3-3-7-3.5-7.5-1c-.4 2.4 4 2.6 7.5 1zM50 90.5c3-3 7-3.5 7.5-1c.4 2.4-4 2.6-7.5 1zM50 90.5l-4 6M50 90.5l4 6',
  )
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><path d="${fill.join('')}" fill="${colour}"/><path d="${stroke.join('')}" fill="none" stroke="${colour}" stroke-width="0.7" stroke-linecap="round"/></svg>`
}

/** A hairline with a small diamond in the middle: the divider under titles. */
const DIVIDER = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 6"><path d="M0 3H52M68 3H120" stroke="${GOLD}" stroke-width="0.5"/><path d="M60 0.6L62.4 3 60 5.4 57.6 3ZM54.5 2.2a.8 .8 0 1 0 0 1.6a.8 .8 0 1 0 0-1.6ZM65.5 2.2a.8 .8 0 1 0 0 1.6a.8 .8 0 1 0 0-1.6Z" fill="${GOLD}"/></svg>`

const LAUREL = svgUrl(laurelSvg(GOLD))
const LAUREL_FAINT = svgUrl(laurelSvg('#e6d8bd'))
/** The monogram or logo, shared by every card: the logo's data: URL is written once, here. */
export function logoCss(logo: string | null): string {
  if (!logo) return ''
  return `.logo { background: url("${logo}") center / contain no-repeat; border: 0; }
.logo span { display: none; }`
}

/*
 * No positioned or clipped boxes on a card (position, overflow, transforms): each is a paint layer,
 * and Chromium walks every layer of the document for every page it prints, so 5 per page made 2,000
 * cards quadratic (minutes, not seconds). The panels are fixed-size flex boxes and the texts are
 * sized by length (birthdayCards.ts) so they stay inside.
 */
const common = `
.page { break-after: page; break-inside: avoid; }
.page:last-child { break-after: auto; }
.frame { height: 100%; border: 0.3mm solid ${GOLD}; outline: 0.15mm solid ${GOLD}; outline-offset: -1.4mm;
  display: flex; flex-direction: column; align-items: center; }
.logo { display: flex; align-items: center; justify-content: center; border-radius: 50%; border: 0.35mm solid ${GOLD};
  color: ${BURGUNDY}; font-family: ${FONT_SERIF}; font-weight: 700; margin: 0 auto; flex: none; }
.logo span { border-radius: 50%; border: 0.2mm solid ${GOLD}; width: 82%; height: 82%;
  display: flex; align-items: center; justify-content: center; }
.store { font-family: ${FONT_SERIF}; color: ${BURGUNDY}; font-weight: 700; letter-spacing: 0.18em; text-indent: 0.18em; text-align: center; }
.divider { height: 2.2mm; background: ${svgUrl(DIVIDER)} center / contain no-repeat; flex: none; }
.laurel { background: ${LAUREL} center / contain no-repeat; display: flex; flex-direction: column; align-items: center;
  justify-content: center; flex: none; }
.laurel.faint { background-image: ${LAUREL_FAINT}; }
.greeting { font-family: ${FONT_SERIF}; color: #2b2b2b; align-self: stretch; }
.greeting p { margin: 0; text-indent: 2em; text-align: justify; overflow-wrap: anywhere; }
.greeting p.salute { text-indent: 0; }
.sign { font-family: ${FONT_SERIF}; text-align: right; color: #2b2b2b; align-self: stretch; }
.sign .when { color: #777; }
.gift { border: 0.3mm solid ${GOLD}; background: #faf6ee; text-align: center; color: #3b3b3b; overflow-wrap: anywhere; }
.gift .title { font-family: ${FONT_SERIF}; color: ${BURGUNDY}; font-weight: 700; letter-spacing: 0.3em; }
.gift .what { font-family: ${FONT_SERIF}; font-weight: 700; color: #2b2b2b; }
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
.cover h1 { margin: -2mm 0 0; font-family: ${FONT_SERIF}; font-weight: 700; font-size: 34pt; letter-spacing: 0.16em;
  text-indent: 0.16em; color: ${BURGUNDY}; line-height: 1.2; }
.cover .laurel .latin { font-size: 8pt; margin-top: 2mm; }
.cover .foot { margin-top: auto; font-size: 8.5pt; letter-spacing: 0.5em; text-indent: 0.5em; color: ${GOLD}; font-family: ${FONT_SERIF}; }
.back .frame { justify-content: flex-end; padding: 0 7mm 15mm; }
.back .logo { width: 10mm; height: 10mm; font-size: 11pt; }
.back .store { margin-top: 2.5mm; font-size: 10pt; }
.back .contact { margin-top: 1.5mm; font-size: 7.5pt; color: #777; text-align: center; line-height: 1.6; }
.inside-left .frame { justify-content: center; padding: 9mm; }
.inside-left .laurel { width: 62mm; height: 62mm; }
.inside-left .laurel .logo { width: 16mm; height: 16mm; font-size: 18pt; border: 0; }
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
.front .side h1 { margin: 0; font-family: ${FONT_SERIF}; font-weight: 700; font-size: 15pt; color: ${BURGUNDY};
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
