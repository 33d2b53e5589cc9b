import { png } from './png'

/**
 * Stand-in product photos for the sample gifts: a gift box (or a round tin) in the gift's colour
 * on a pale tile, written as PNG bytes with zlib alone, so the sample needs no image library and
 * the same gift always gets the same picture.
 */

type Rgb = readonly [number, number, number]

/** An 8-bit RGB PNG of `size`×`size` pixels, each the palette colour `paint` names. */
const paletted = (size: number, palette: readonly Rgb[], paint: (x: number, y: number) => number): Buffer =>
  png(size, size, (x, y) => [...palette[paint(x, y)]!] as [number, number, number])

const mix = (a: Rgb, b: Rgb, t: number): Rgb => [
  Math.round(a[0] + (b[0] - a[0]) * t),
  Math.round(a[1] + (b[1] - a[1]) * t),
  Math.round(a[2] + (b[2] - a[2]) * t),
]
const WHITE: Rgb = [255, 255, 255]
const BLACK: Rgb = [0, 0, 0]
const GOLD: Rgb = [226, 186, 92]

export type PhotoShape = 'box' | 'tin'

/** Shades of the body, light to dark (palette entries SHADE0 onwards). */
const SHADES = 12
const [BACK, FLOOR, RIBBON, BOW, LID, SHADE0] = [0, 1, 2, 3, 4, 5]

/** A 160-pixel product tile: a box with a ribbon and bow, or a round tin with a band. */
export function giftPhotoPng(colour: Rgb, shape: PhotoShape, size = 160): Buffer {
  const back = mix(colour, WHITE, 0.86)
  const shade = mix(colour, BLACK, 0.22)
  const ribbon = shape === 'box' ? GOLD : WHITE
  const palette: Rgb[] = [back, mix(back, BLACK, 0.12), ribbon, mix(ribbon, BLACK, 0.08), shade]
  for (let i = 0; i < SHADES; i++) palette.push(mix(colour, shade, i / (SHADES - 1)))
  const tone = (t: number) => SHADE0 + Math.round(Math.max(0, Math.min(1, t)) * (SHADES - 1))
  const c = size / 2
  return paletted(size, palette, (x, y) => {
    const u = x / size
    const v = y / size
    // A soft floor shadow under the object.
    const floor = ((u - 0.5) / 0.36) ** 2 + ((v - 0.86) / 0.05) ** 2 < 1 ? FLOOR : BACK
    if (shape === 'tin') {
      const dx = (x - c) / (size * 0.33)
      const dy = (y - c * 1.02) / (size * 0.33)
      if (dx * dx + dy * dy >= 1) return floor
      // Light from the top left.
      return Math.abs(dy) < 0.12 ? RIBBON : tone((dx + dy + 1) / 2.4)
    }
    const inLid = u > 0.14 && u < 0.86 && v > 0.3 && v < 0.42
    const inBox = u > 0.2 && u < 0.8 && v > 0.42 && v < 0.84
    // The bow: two loops above the lid.
    const loop = (cx: number) => ((u - cx) / 0.11) ** 2 + ((v - 0.24) / 0.07) ** 2 < 1
    if (loop(0.41) || loop(0.59)) return BOW
    if (!inLid && !inBox) return floor
    if (Math.abs(u - 0.5) < 0.045 || (inBox && Math.abs(v - 0.63) < 0.035)) return RIBBON
    return inLid ? LID : tone((v - 0.42) / 0.6)
  })
}
