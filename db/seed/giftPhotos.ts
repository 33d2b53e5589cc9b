import { deflateSync } from 'node:zlib'

/**
 * Stand-in product photos for the sample gifts: a gift box (or a round tin) in the gift's colour
 * on a pale tile, written as PNG bytes with zlib alone, so the sample needs no image library and
 * the same gift always gets the same picture.
 */

type Rgb = readonly [number, number, number]

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(buf: Buffer): number {
  let c = 0xffffffff
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([len, body, crc])
}

/** An 8-bit RGB PNG of `size`×`size` pixels, each the palette colour `paint` names. */
function png(size: number, palette: readonly Rgb[], paint: (x: number, y: number) => number): Buffer {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(size, 0)
  ihdr.writeUInt32BE(size, 4)
  ihdr.set([8, 2, 0, 0, 0], 8)
  const raw = Buffer.alloc((size * 3 + 1) * size)
  for (let y = 0; y < size; y++) {
    let at = y * (size * 3 + 1) + 1
    for (let x = 0; x < size; x++) {
      const c = palette[paint(x, y)]!
      raw[at++] = c[0]
      raw[at++] = c[1]
      raw[at++] = c[2]
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

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
  return png(size, palette, (x, y) => {
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
