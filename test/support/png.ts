import { deflateSync } from 'node:zlib'

/** Real PNG files for tests and the bench, without an image library: RGB, no interlace. */

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

export type Paint = (x: number, y: number) => [number, number, number]

export function png(width: number, height: number, paint: Paint): Buffer {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr.set([8, 2, 0, 0, 0], 8) // 8-bit RGB, deflate, no filter method extras, no interlace
  const raw = Buffer.alloc((width * 3 + 1) * height)
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1)
    for (let x = 0; x < width; x++) raw.set(paint(x, y), row + 1 + x * 3)
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

/**
 * A product-photo stand-in: a coloured disc on a pale backdrop. `grain` (0–255) adds noise the
 * way camera pictures have it, which is what makes real photos large.
 */
export function giftPhoto(hue: [number, number, number], size = 160, grain = 0, seed = 1): Buffer {
  let s = seed >>> 0 || 1
  const noise = () => {
    s ^= s << 13
    s ^= s >>> 17
    s ^= s << 5
    return grain ? ((s >>> 0) % (grain + 1)) - grain / 2 : 0
  }
  const r = size * 0.34
  const c = size / 2
  const clamp = (v: number) => Math.max(0, Math.min(255, Math.round(v)))
  return png(size, size, (x, y) => {
    const inside = (x - c) ** 2 + (y - c * 1.05) ** 2 < r * r
    const base = inside ? hue : ([246, 243, 236] as const)
    const n = noise()
    return [clamp(base[0] + n), clamp(base[1] + n), clamp(base[2] + n)]
  })
}
