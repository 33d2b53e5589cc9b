import { addressLines, postalDigits, recipientLine, senderLines } from '../rules/mailBlock'
import type { CardRecipient, CardSender } from './birthdayCards'
import { CARD_ORNAMENTS } from './cardOrnamentImages'
import { escapeHtml as esc, FAUX_BOLD, FONT_SERIF } from './document'

/**
 * The address side in the Chinese layout (GB/T 1416 envelopes, postcards): six red postal-code
 * boxes top left, stamp box top right, the address, the recipient larger, and the sender with
 * their postal code bottom right. Shared by the DL envelope and the postcard's back, which differ
 * only in size (the `dl` and `pc` classes).
 */

const RED = '#c8242c'

/** How long the address runs, for the size steps (CSS cannot shrink text to fit without script). */
export const addressLength = (lines: string[]) => lines.reduce((n, l) => n + [...l].length, 0)

export function addressSideHtml(r: CardRecipient, sender: CardSender, size: 'dl' | 'pc'): string {
  const lines = addressLines(r)
  const long = addressLength(lines) > 44 ? ' xlong' : addressLength(lines) > 30 ? ' long' : ''
  const boxes = postalDigits(r.postalCode)
    .map((d) => `<span>${esc(d)}</span>`)
    .join('')
  const from = senderLines(sender)
  return `<div class="addr ${size}"><div class="zip">${boxes}</div><div class="stamp">贴邮票处</div><div class="to${long}">${lines
    .map((l) => `<p>${esc(l)}</p>`)
    .join('')}<p class="who">${esc(recipientLine(r.name, r.gender))}</p></div>${
    from.length ? `<div class="from">${from.map((l) => `<p>${esc(l)}</p>`).join('')}</div>` : ''
  }</div>`
}

const geometry = {
  // DL 220×110 mm: boxes 8×9 mm, 2 mm apart, 10 mm in; stamp 20×24 mm.
  dl: {
    box: [8, 9],
    gap: 2,
    top: 10,
    left: 12,
    stamp: [20, 24],
    stampPng: CARD_ORNAMENTS.stampEnvelope,
    toTop: 6,
    toLeft: 24,
    toRight: 40,
    text: 12,
    who: 17,
    from: 9,
    edge: 10,
  },
  // Postcard 148×100 mm: a little smaller throughout.
  pc: {
    box: [6.5, 7.5],
    gap: 1.5,
    top: 8,
    left: 9,
    stamp: [18, 22],
    stampPng: CARD_ORNAMENTS.stampPostcard,
    toTop: 3,
    toLeft: 14,
    toRight: 14,
    text: 10.5,
    who: 14,
    from: 7.5,
    edge: 8,
  },
} as const

/**
 * A grid, not positioned boxes: a positioned box is a paint layer, and Chromium's cost per printed
 * page grows with the layers in the whole document (see birthdayCardsStyle.ts). The stamp box's
 * dashed outline is a picture (stampBoxSvg): as a CSS dashed border it was written dash by dash on
 * every address side, half of a postcard's back page in the PDF.
 */
export function addressSideCss(size: 'dl' | 'pc'): string {
  const g = geometry[size]
  const s = `.addr.${size}`
  return `
.addr { height: 100%; display: grid; grid-template-columns: 1fr auto; grid-template-rows: auto 1fr auto; }
.addr p { margin: 0; }
${s} { padding: ${g.top}mm ${g.edge}mm ${g.edge}mm ${g.left}mm; }
${s} .zip { display: flex; gap: ${g.gap}mm; align-self: start; }
${s} .zip span { width: ${g.box[0]}mm; height: ${g.box[1]}mm; border: 0.4mm solid ${RED}; display: flex; align-items: center;
  justify-content: center; font-size: ${g.box[1] * 1.75}pt; line-height: 1; font-weight: 500; color: #1f2328; }
${s} .stamp { width: ${g.stamp[0]}mm; height: ${g.stamp[1]}mm; background: url("${g.stampPng}") center / 100% 100% no-repeat; color: #b4b4b4; font-size: 6.5pt;
  letter-spacing: 0.2em; display: flex; align-items: center; justify-content: center; text-align: center; padding: 0 ${g.stamp[0] / 2 - 1.6}mm; line-height: 1.2; }
${s} .to { grid-column: 1 / -1; padding: ${g.toTop}mm ${g.toRight}mm 0 ${g.toLeft - g.left}mm; font-size: ${g.text}pt; line-height: 1.6; overflow-wrap: anywhere; }
${s} .to.long { font-size: ${g.text * 0.86}pt; }
${s} .to.xlong { font-size: ${g.text * 0.72}pt; line-height: 1.45; }
${s} .to .who { margin-top: ${g.text * 0.25}mm; padding-left: 14%; font-family: ${FONT_SERIF}; ${FAUX_BOLD} font-size: ${g.who}pt; letter-spacing: 0.12em; line-height: 1.5; }
${s} .from { grid-column: 1 / -1; justify-self: end; max-width: 62%; margin-right: 2mm; text-align: right; font-size: ${g.from}pt; line-height: 1.5; color: #3b3b3b; }
`
}
