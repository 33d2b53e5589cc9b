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

  it('reads till times as the store wall clock', () => {
    expect(parseTime('2026-11-09 14:30')).toBe(new Date(2026, 10, 9, 14, 30).getTime())
    expect(parseTime('2026/11/9 14:30:05')).toBe(new Date(2026, 10, 9, 14, 30, 5).getTime())
    expect(parseTime('2026年11月9日')).toBe(new Date(2026, 10, 9).getTime())
    // exceljs hands a date cell over as its wall-clock fields in UTC
    expect(parseTime(new Date(Date.UTC(2026, 10, 9, 14, 30)))).toBe(new Date(2026, 10, 9, 14, 30).getTime())
    expect(parseTime('2026-02-30 10:00')).toBeNull()
    expect(parseTime('明天')).toBeNull()
  })

  it('reads the special-price flag', () => {
    expect([parseYesNo('是'), parseYesNo(''), parseYesNo('否'), parseYesNo('也许')]).toEqual([true, false, false, null])
  })
})
