import { GOLD } from './cardColours'

/**
 * The cards' ornaments as SVG sources. They are not printed as vectors: drawn on every page, their
 * paths made each folded card 18 KB of PDF. makeCardOrnaments.ts renders them once to PNG
 * (cardOrnamentImages.ts), which Chromium embeds once per document and every page refers to.
 */

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
export function laurelSvg(colour: string): string {
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
export const DIVIDER = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 6"><path d="M0 3H52M68 3H120" stroke="${GOLD}" stroke-width="0.5"/><path d="M60 0.6L62.4 3 60 5.4 57.6 3ZM54.5 2.2a.8 .8 0 1 0 0 1.6a.8 .8 0 1 0 0-1.6ZM65.5 2.2a.8 .8 0 1 0 0 1.6a.8 .8 0 1 0 0-1.6Z" fill="${GOLD}"/></svg>`

/**
 * The monogram's rings, as the CSS borders drew them on a 17 mm disc: 0.35 mm outside, 0.2 mm
 * around 82 % of it. `outer: false` is the inner ring alone (inside the laurel).
 */
export function ringSvg(outer: boolean): string {
  const ring = (r: number, w: number) =>
    `<circle cx="50" cy="50" r="${r}" fill="none" stroke="${GOLD}" stroke-width="${w}"/>`
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">${outer ? ring(48.5, 2.06) : ''}${ring(39.4, 1.18)}</svg>`
}

/**
 * The stamp box's dashed outline (贴邮票处), as the CSS border drew it: 0.3 mm, #b4b4b4, dashes of
 * about 0.8 mm with 0.53 mm gaps. Chromium writes a dashed border as one filled path per dash, on
 * every address side: 0.5 KB a postcard, where the picture is held once per document.
 */
export function stampBoxSvg(widthMm: number, heightMm: number): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${widthMm} ${heightMm}"><rect x="0.15" y="0.15" width="${widthMm - 0.3}" height="${heightMm - 0.3}" fill="none" stroke="#b4b4b4" stroke-width="0.3" stroke-dasharray="0.8 0.53"/></svg>`
}
