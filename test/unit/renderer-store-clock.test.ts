import { afterEach, describe, expect, it } from 'vitest'
import {
  setStoreZone,
  storeDateTime,
  storeDayText,
  storeMonthText,
  storeParts,
  storeToday,
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
    expect(formatDateTime(SH_0730_DEC_1)).toBe('2026/12/01 07:30')
  })

  it('follows the zone main reports, and ignores a name that is not a zone', () => {
    setStoreZone('America/Los_Angeles')
    expect(storeDayText(SH_0730_DEC_1)).toBe('2026-11-30')
    expect(formatDateTime(SH_0730_DEC_1)).toBe('2026/11/30 15:30')
    setStoreZone('Mars/Olympus')
    expect(storeDayText(SH_0730_DEC_1)).toBe('2026-11-30')
  })

  it("today's text is the store's", () => {
    expect(todayText()).toBe(storeDayText(Date.now()))
  })
})
