import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { storeDayInt, storeMonthKey, storeZone } from '../../db/clock'
import { updateSettings } from '../../db/services/settings'
import {
  dayIntInZone,
  endOfDayMs,
  formatZoned,
  isValidTimeZone,
  startOfDayMs,
  zonedParts,
  zonedToMs,
} from '../../db/rules/storeClock'
import { makeTestDb, type TestDb } from '../support/db'

describe('the store clock ignores the machine zone', () => {
  it('reads 07:30 in Shanghai as that day, not the UTC day before', () => {
    const ms = Date.UTC(2026, 10, 22, 23, 30) // 2026-11-23 07:30 +08:00
    expect(dayIntInZone(ms, 'Asia/Shanghai')).toBe(20261123)
    expect(dayIntInZone(ms, 'UTC')).toBe(20261122)
    expect(zonedParts(ms, 'Asia/Shanghai')).toMatchObject({ h: 7, mi: 30, weekday: 1 })
  })

  it('turns a store wall clock into the instant, both ways', () => {
    const ms = zonedToMs({ y: 2027, m: 1, d: 1, h: 0, mi: 0 }, 'Asia/Shanghai')
    expect(ms).toBe(Date.UTC(2026, 11, 31, 16, 0))
    expect(formatZoned(ms, 'Asia/Shanghai')).toBe('2027-01-01 00:00')
    expect(startOfDayMs({ y: 2027, m: 1, d: 1 }, 'Asia/Shanghai')).toBe(ms)
    expect(endOfDayMs({ y: 2026, m: 12, d: 31 }, 'Asia/Shanghai')).toBe(ms)
  })

  it('handles a daylight-saving zone: the skipped hour and a 23-hour day', () => {
    const zone = 'America/Los_Angeles'
    // 2026-03-08 02:30 does not exist there; it resolves after the jump.
    const skipped = zonedToMs({ y: 2026, m: 3, d: 8, h: 2, mi: 30 }, zone)
    expect(formatZoned(skipped, zone)).toBe('2026-03-08 03:30')
    const day = { y: 2026, m: 3, d: 8 }
    expect(endOfDayMs(day, zone) - startOfDayMs(day, zone)).toBe(23 * 3600_000)
    // The repeated hour in November takes its first occurrence (PDT, -07:00).
    expect(zonedToMs({ y: 2026, m: 11, d: 1, h: 1, mi: 30 }, zone)).toBe(Date.UTC(2026, 10, 1, 8, 30))
  })

  it('knows a zone name from a typo', () => {
    expect(isValidTimeZone('Asia/Shanghai')).toBe(true)
    expect(isValidTimeZone('Asia/Shanghia')).toBe(false)
    expect(isValidTimeZone('')).toBe(false)
  })
})

describe('the fast wall-clock reading agrees with Intl', () => {
  const ZONES = [
    'Asia/Shanghai',
    'America/Los_Angeles',
    'Europe/London',
    'Asia/Kathmandu',
    'Australia/Lord_Howe',
    'Pacific/Chatham',
    'America/St_Johns',
    'Asia/Tehran',
  ]
  const formatters = new Map<string, Intl.DateTimeFormat>()
  const byIntl = (ms: number, zone: string) => {
    let f = formatters.get(zone)
    if (!f) {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      })
      formatters.set(zone, f)
    }
    const o: Record<string, number> = {}
    for (const p of f.formatToParts(new Date(ms))) o[p.type] = Number(p.value)
    return { y: o.year!, m: o.month!, d: o.day!, h: o.hour!, mi: o.minute!, s: o.second! }
  }
  const offsetByIntl = (ms: number, zone: string) => {
    const w = byIntl(ms, zone)
    return Date.UTC(w.y, w.m - 1, w.d, w.h, w.mi, w.s) - (ms - (ms % 1000))
  }

  it('for any instant from 1900 to 2100 in zones with odd offsets and half-hour daylight saving', () => {
    const instant = fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 0, 1) })
    fc.assert(
      fc.property(instant, fc.constantFrom(...ZONES), (ms, zone) => {
        const { weekday, ...wall } = zonedParts(ms, zone)
        expect(wall).toEqual(byIntl(ms, zone))
        expect(weekday).toBe(new Date(Date.UTC(wall.y, wall.m - 1, wall.d)).getUTCDay())
      }),
      { numRuns: 4000 },
    )
  })

  it('on both sides of every change of offset in 2026', () => {
    let changes = 0
    for (const zone of ZONES) {
      for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 3_600_000) {
        if (offsetByIntl(ms, zone) === offsetByIntl(ms + 3_600_000, zone)) continue
        changes++
        for (const edge of [ms, ms + 1_799_999, ms + 1_800_000, ms + 3_599_999]) {
          expect(zonedParts(edge, zone)).toMatchObject(byIntl(edge, zone))
        }
      }
    }
    // London, Los Angeles, Lord Howe, Chatham and St John's change twice a year (Tehran no longer does).
    expect(changes).toBe(10)
  })

  it("in Shanghai's 1901 change from local mean time, off the quarter hour", () => {
    const change = Date.UTC(1900, 11, 31, 15, 54, 17)
    for (const ms of [change - 1000, change, change + 1000]) {
      expect(zonedParts(ms, 'Asia/Shanghai')).toMatchObject(byIntl(ms, 'Asia/Shanghai'))
    }
  })
})

describe('the store zone setting', () => {
  let t: TestDb
  afterEach(() => t.close())

  it('defaults to Asia/Shanghai and moves today with the setting', () => {
    t = makeTestDb(new Date('2026-12-31T20:00:00Z')) // 2027-01-01 04:00 in Shanghai
    expect(storeZone(t.db)).toBe('Asia/Shanghai')
    expect(storeDayInt(t.db)).toBe(20270101)
    expect(storeMonthKey(t.db)).toBe(202701)
    updateSettings(t.db, { timeZone: 'America/Los_Angeles' }, t.admin)
    expect(storeDayInt(t.db)).toBe(20261231)
  })

  it('refuses an unknown zone in Chinese and keeps the old one', () => {
    t = makeTestDb()
    expect(() => updateSettings(t.db, { timeZone: 'Mars/Base' }, t.admin)).toThrow(/时区无效/)
    expect(storeZone(t.db)).toBe('Asia/Shanghai')
  })
})
