import { afterEach, describe, expect, it } from 'vitest'
import {
  isAfterStoreToday,
  isBeforeDay,
  pickerDay,
  setStoreZone,
  shiftMonthText,
  storeDateTime,
  storeDayText,
  storeMonthText,
  storeParts,
  storeToday,
  wallTextMs,
} from '../../renderer/src/format/storeClock'
import { formatDateTime, todayText } from '../../renderer/src/format/time'

/** The screens' today, this month and times: the store's (Asia/Shanghai), whatever the desk's zone. */
const SH_0730_DEC_1 = Date.UTC(2026, 10, 30, 23, 30) // 2026-12-01 07:30 in Shanghai

afterEach(() => setStoreZone('Asia/Shanghai'))

describe("the renderer's store clock", () => {
  it("gives the store's day and month before 08:00 in China", () => {
    expect(storeDayText(SH_0730_DEC_1)).toBe('2026-12-01')
    expect(storeToday(SH_0730_DEC_1)).toEqual({ y: 2026, m: 12, d: 1 })
    expect(storeMonthText(0, SH_0730_DEC_1)).toBe('2026-12')
    expect(storeMonthText(-1, SH_0730_DEC_1)).toBe('2026-11')
    expect(storeMonthText(1, SH_0730_DEC_1)).toBe('2027-01')
    expect(storeDateTime(SH_0730_DEC_1)).toBe('2026-12-01 07:30')
    expect(storeParts(SH_0730_DEC_1)).toMatchObject({ h: 7, mi: 30 })
    expect(formatDateTime(SH_0730_DEC_1)).toBe('2026-12-01 07:30')
  })

  it('follows the zone main reports, and ignores a name that is not a zone', () => {
    setStoreZone('America/Los_Angeles')
    expect(storeDayText(SH_0730_DEC_1)).toBe('2026-11-30')
    expect(formatDateTime(SH_0730_DEC_1)).toBe('2026-11-30 15:30')
    setStoreZone('Mars/Olympus')
    expect(storeDayText(SH_0730_DEC_1)).toBe('2026-11-30')
  })

  it("today's text is the store's", () => {
    expect(todayText()).toBe(storeDayText(Date.now()))
  })
})

describe("the date pickers' values on the store's clock", () => {
  it("reads a datetime picker's text as the store's wall clock, whatever this machine's zone", () => {
    // 15:00 on the birthday is 07:00 UTC in Shanghai: process.env.TZ (UTC or Los Angeles in CI) plays no part.
    expect(wallTextMs('2026-12-01 15:00')).toBe(Date.UTC(2026, 11, 1, 7, 0))
    expect(storeDateTime(wallTextMs('2026-12-01 07:30')!)).toBe('2026-12-01 07:30')
    setStoreZone('America/Los_Angeles')
    expect(wallTextMs('2026-12-01 15:00')).toBe(Date.UTC(2026, 11, 1, 23, 0))
    expect(wallTextMs('')).toBeNull()
    expect(wallTextMs('2026-12-01')).toBeNull()
    expect(wallTextMs(null)).toBeNull()
  })

  it("reads a picker's day through the machine's calendar, as the picker built it", () => {
    // Naive UI hands `is-date-disabled` the local midnight of each cell's day.
    const cell = new Date(2026, 11, 2).getTime()
    expect(pickerDay(cell)).toBe('2026-12-02')
    expect(isBeforeDay(cell, '2026-12-03')).toBe(true)
    expect(isBeforeDay(cell, '2026-12-02')).toBe(false)
  })

  it("disables the days after the store's today, not the machine's", () => {
    const today = storeToday()
    const cellOf = (offset: number) => new Date(today.y, today.m - 1, today.d + offset).getTime()
    expect(isAfterStoreToday(cellOf(0))).toBe(false)
    expect(isAfterStoreToday(cellOf(-1))).toBe(false)
    expect(isAfterStoreToday(cellOf(1))).toBe(true)
  })

  it('steps months as calendar text, across years', () => {
    expect(shiftMonthText('2026-12', 1)).toBe('2027-01')
    expect(shiftMonthText('2026-01', -1)).toBe('2025-12')
    expect(shiftMonthText('2026-03', -14)).toBe('2025-01')
    expect(shiftMonthText('2026-03', 0)).toBe('2026-03')
  })
})
