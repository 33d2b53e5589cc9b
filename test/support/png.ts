import { png } from '../../db/seed/png'

export { png, type Paint } from '../../db/seed/png'

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
