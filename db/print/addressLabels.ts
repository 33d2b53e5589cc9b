import { LABEL_LAYOUT_LABELS, labelsPerSheet, type LabelLayout } from '../rules/birthdayMail'
import { addressLines, postalDigits, recipientLine, senderLines } from '../rules/mailBlock'
import { addressLength, addressSideCss, addressSideHtml } from './addressSide'
import type { CardRecipient, CardSender } from './birthdayCards'
import { escapeHtml as esc, FAUX_BOLD, FONT_SERIF, printDocument } from './document'

/**
 * Addressing for the birthday cards: a DL (5号) envelope per recipient, or A4 sheets of
 * self-adhesive labels. Sheets are laid out here as fixed mm grids — the browser never decides
 * where a label goes, so the print lands on the die-cut labels.
 */

export { LABEL_LAYOUTS, LABEL_LAYOUT_LABELS, labelsPerSheet, type LabelLayout } from '../rules/birthdayMail'

interface Sheet {
  cols: number
  rows: number
  /** label size, mm */
  w: number
  h: number
  /** space above the first row, mm (the sheet's edge to the labels) */
  top: number
}

/**
 * The label stock assumed (the common Chinese A4 sheets, labels edge to edge, no gaps):
 * 3×7 — 70×42.3 mm, 0.45 mm top and bottom; 2×5 — 105×57 mm, 6 mm top and bottom.
 * The @page margin is the top space less 0.05 mm so the grid never rounds onto a second page.
 */
const SHEETS: Record<Exclude<LabelLayout, 'envelope'>, Sheet> = {
  '3x7': { cols: 3, rows: 7, w: 70, h: 42.3, top: 0.45 },
  '2x5': { cols: 2, rows: 5, w: 105, h: 57, top: 6 },
}

function labelHtml(r: CardRecipient, from: string): string {
  const lines = addressLines(r)
  const n = addressLength(lines)
  const long = n > 40 ? ' xlong' : n > 26 ? ' long' : ''
  const zip = postalDigits(r.postalCode).join('')
  return `<div class="label"><div class="zip">${esc(zip)}</div><div class="lines${long}">${lines
    .map((l) => `<p>${esc(l)}</p>`)
    .join('')}</div><p class="who">${esc(recipientLine(r.name, r.gender))}</p>${from}</div>`
}

const chunks = <T>(list: T[], size: number) =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size))

function sheetsHtml(layout: '3x7' | '2x5', recipients: CardRecipient[], sender: CardSender, offset: number) {
  const per = labelsPerSheet(layout)
  const skip = Number.isInteger(offset) && offset > 0 && offset < per ? offset : 0
  const sent = senderLines(sender).filter((l) => !l.startsWith('电话'))
  const from = layout === '2x5' && sent.length ? `<p class="from">寄件人：${esc(sent.join(' '))}</p>` : ''
  // Used positions on a part-used sheet stay empty; labels then fill row by row.
  const cells = [...Array<string>(skip).fill('<div class="label"></div>'), ...recipients.map((r) => labelHtml(r, from))]
  return chunks(cells, per)
    .map((c) => `<section class="sheet">${c.join('')}</section>`)
    .join('\n')
}

function sheetCss(s: Sheet): string {
  return `
.sheet { display: grid; grid-template-columns: repeat(${s.cols}, ${s.w}mm); grid-template-rows: repeat(${s.rows}, ${s.h}mm);
  width: ${s.cols * s.w}mm; height: ${s.rows * s.h}mm; break-after: page; break-inside: avoid; }
.sheet:last-child { break-after: auto; }
/* Each label clips (a paint layer each, which costs; ~100 sheets are fine) so nothing reaches the next one. */
.label { position: relative; overflow: hidden; display: flex; flex-direction: column; justify-content: center; }
.label p { margin: 0; }
.zip { ${FAUX_BOLD} letter-spacing: 0.32em; }
.lines { overflow: hidden; }
.who { font-family: ${FONT_SERIF}; ${FAUX_BOLD} letter-spacing: 0.08em; overflow-wrap: anywhere; }
.label .from { position: absolute; left: 0; right: 0; bottom: 0; color: #6b6b6b; white-space: nowrap; border-top: 0.2mm solid #ddd; }
@media screen { body { background: #e8e8e8; } .sheet { margin: 6mm auto; background: #fff; outline: 0.2mm dashed #bbb; }
  .label { outline: 0.1mm dotted #ccc; } }
`
}

const LABEL_CSS = {
  '3x7': `
.label { padding: 3.5mm 5mm 3.5mm 7mm; }
.zip { font-size: 10pt; line-height: 1.2; }
.lines { margin-top: 1.2mm; font-size: 8.5pt; line-height: 1.4; max-height: 12mm; }
.lines.long { font-size: 7.6pt; line-height: 1.35; max-height: 12.6mm; }
.lines.xlong { font-size: 6.6pt; line-height: 1.3; max-height: 14.4mm; }
.label .who { margin-top: 1.2mm; font-size: 12pt; line-height: 1.3; }
`,
  '2x5': `
.label { padding: 6mm 9mm 10mm 11mm; }
.zip { font-size: 12pt; line-height: 1.2; }
.lines { margin-top: 2mm; font-size: 10pt; line-height: 1.5; max-height: 18mm; }
.lines.long { font-size: 9pt; line-height: 1.45; max-height: 19.6mm; }
.lines.xlong { font-size: 8pt; line-height: 1.4; max-height: 20.6mm; }
.label .who { margin-top: 2mm; font-size: 14pt; line-height: 1.35; }
.label .from { margin: 0 9mm 5mm 11mm; padding-top: 1mm; font-size: 7pt; line-height: 1.3; }
`,
}

/** offset: labels already used on the first sheet (0 ≤ offset < labels per sheet; ignored for 'envelope'). */
export function addressLabelsHtml(p: {
  layout: LabelLayout
  recipients: CardRecipient[]
  sender: CardSender
  offset?: number
}): string {
  const title = `${p.sender.storeName} 生日贺卡 ${LABEL_LAYOUT_LABELS[p.layout]}`
  if (p.layout === 'envelope') {
    return printDocument({
      title,
      css: `.envelope { width: 220mm; height: 110mm; break-after: page; break-inside: avoid; }
.envelope:last-child { break-after: auto; }
@media screen { body { background: #e8e8e8; } .envelope { margin: 6mm auto; background: #fff; } }
${addressSideCss('dl')}`,
      page: { size: '220mm 110mm', margin: '0' },
      body: p.recipients
        .map((r) => `<section class="envelope">${addressSideHtml(r, p.sender, 'dl')}</section>`)
        .join('\n'),
    })
  }
  const s = SHEETS[p.layout]
  const side = (210 - s.cols * s.w) / 2
  return printDocument({
    title,
    css: sheetCss(s) + LABEL_CSS[p.layout],
    page: { size: 'A4', margin: `${s.top - 0.05}mm ${side}mm` },
    body: sheetsHtml(p.layout, p.recipients, p.sender, p.offset ?? 0),
  })
}
