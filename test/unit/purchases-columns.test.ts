import { describe, expect, it } from 'vitest'
import { parseAmountFen, parseTime, parseYesNo } from '../../db/services/purchases/columns'

describe('reading till cells', () => {
  it('reads amounts in 元 as tills print them, into fen', () => {
    expect(parseAmountFen('¥1,280.50')).toBe(128050)
    expect(parseAmountFen('￥-35')).toBe(-3500)
    expect(parseAmountFen('88元')).toBe(8800)
    expect(parseAmountFen(19.9)).toBe(1990)
    expect(parseAmountFen('1.234')).toBeNull()
    expect(parseAmountFen('一百')).toBeNull()
  })

  it('reads till times as the store wall clock, whatever the machine zone', () => {
    // Shanghai is 8 hours ahead of UTC all year: the wall clock minus 8 hours is the instant.
    const sh = (...a: [number, number, number, number?, number?, number?]) =>
      Date.UTC(a[0], a[1] - 1, a[2], (a[3] ?? 0) - 8, a[4] ?? 0, a[5] ?? 0)
    const zone = 'Asia/Shanghai'
    expect(parseTime('2026-11-09 14:30', zone)).toBe(sh(2026, 11, 9, 14, 30))
    expect(parseTime('2026/11/9 14:30:05', zone)).toBe(sh(2026, 11, 9, 14, 30, 5))
    expect(parseTime('2026年11月9日', zone)).toBe(sh(2026, 11, 9))
    // exceljs hands a date cell over as its wall-clock fields in UTC
    expect(parseTime(new Date(Date.UTC(2026, 10, 9, 14, 30)), zone)).toBe(sh(2026, 11, 9, 14, 30))
    // an Excel serial is a wall clock too: 46335.5 is 2026-11-09 12:00
    expect(parseTime(46335.5, zone)).toBe(sh(2026, 11, 9, 12))
    expect(parseTime('2026-02-30 10:00', zone)).toBeNull()
    expect(parseTime('明天', zone)).toBeNull()
  })

  it("reads a till time in another store zone on that zone's clock", () => {
    // 2026-12-01 07:30 in Los Angeles (UTC−8 in winter) is 15:30 UTC
    expect(parseTime('2026-12-01 07:30', 'America/Los_Angeles')).toBe(Date.UTC(2026, 11, 1, 15, 30))
  })

  it('reads the special-price flag', () => {
    expect([parseYesNo('是'), parseYesNo(''), parseYesNo('否'), parseYesNo('也许')]).toEqual([true, false, false, null])
  })
})
