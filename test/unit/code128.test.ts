import { describe, expect, it } from 'vitest'
import { code128Svg, code128Symbols, code128Widths, PATTERNS, START_B, START_C, STOP } from '../../db/print/code128'

/** Reads bar/space widths back to text the way a scanner does: 6 widths a symbol, then the stop. */
function decode(widths: number[]): string {
  const byPattern = new Map(PATTERNS.map((p, v) => [p, v]))
  const symbols: number[] = []
  for (let i = 0; i < widths.length;) {
    const take = widths.length - i === 7 ? 7 : 6
    const v = byPattern.get(widths.slice(i, i + take).join(''))
    if (v === undefined) throw new Error(`unknown symbol at ${i}`)
    symbols.push(v)
    i += take
  }
  const [start, ...rest] = symbols
  expect(rest.pop()).toBe(STOP)
  const check = rest.pop()!
  const sum = [start!, ...rest].reduce((s, v, i) => s + v * Math.max(i, 1), 0)
  expect(check, 'check symbol').toBe(sum % 103)
  if (start === START_C) return rest.map((v) => String(v).padStart(2, '0')).join('')
  return rest.map((v) => String.fromCharCode(v + 32)).join('')
}

describe('Code 128', () => {
  it('has a symbol table with the shape the standard gives every symbol', () => {
    expect(PATTERNS).toHaveLength(107)
    expect(new Set(PATTERNS).size).toBe(107)
    for (const [v, p] of PATTERNS.entries()) {
      const w = [...p].map(Number)
      // 11 modules a symbol (13 for the stop), and the bars of each add up to an even number.
      expect(
        w.reduce((a, b) => a + b),
        `symbol ${v}`,
      ).toBe(v === STOP ? 13 : 11)
      expect((w[0]! + w[2]! + w[4]!) % 2, `symbol ${v} parity`).toBe(0)
    }
    // As printed in the standard's table: Start B, Start C and the stop.
    expect([PATTERNS[START_B], PATTERNS[START_C], PATTERNS[STOP]]).toEqual(['211214', '211232', '2331112'])
  })

  it('computes the check symbol of the published worked example', () => {
    // Wikipedia's example "PJJ123C" in set A has check value 54 (start 103); set B's letters and
    // digits have the same values, so with Start B (104) the weighted sum is one more: 55.
    const s = code128Symbols('PJJ123C')
    expect(s).toEqual([START_B, 48, 42, 42, 17, 18, 19, 35, 55, STOP])
  })

  it('packs a voucher number two digits a symbol (set C) and decodes back to it', () => {
    const no = '100000000009'
    const s = code128Symbols(no)
    expect(s.slice(0, 7)).toEqual([START_C, 10, 0, 0, 0, 0, 9])
    // 105 + 10×1 + 9×6 = 169; 169 mod 103 = 66
    expect(s[7]).toBe(66)
    expect(decode(code128Widths(no))).toBe(no)
    for (const n of ['123456789012', '990000000017', '555566667778']) expect(decode(code128Widths(n))).toBe(n)
    expect(decode(code128Widths('V2026-0101'))).toBe('V2026-0101')
    // Start C + 6 data + check (11 each) + stop (13) = 101 modules.
    expect(code128Widths(no).reduce((a, b) => a + b)).toBe(101)
  })

  it('draws the bars as one crisp SVG path sized in mm with quiet zones', () => {
    const svg = code128Svg('123456789012', { moduleMm: 0.3, heightMm: 10 })
    expect(svg).toContain('viewBox="0 0 121 1"')
    expect(svg).toContain('width="36.30mm"')
    expect(svg).toContain('shape-rendering="crispEdges"')
    // The first bar starts after the 10-module quiet zone and is Start C's 2 modules wide.
    expect(svg).toContain('d="M10 0h2v1h-2z')
    expect(svg.match(/M\d+ 0h/g)).toHaveLength(code128Widths('123456789012').length / 2 + 0.5)
  })

  it('refuses text it cannot encode', () => {
    expect(() => code128Symbols('券123')).toThrow(/条码/)
  })
})
