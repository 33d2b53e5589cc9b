import type { Ymd } from './dates'

/**
 * The store's clock. Days, months, member days, reward weeks and report buckets are the store's,
 * whatever zone the machine (or a CI runner) is set to, so nothing here reads the machine's zone:
 * every conversion names the store's IANA zone. Pure (Intl only): safe for the renderer too.
 */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai'

export interface ZonedParts extends Ymd {
  h: number
  mi: number
  s: number
  /** 0 = Sunday … 6 = Saturday, in the store's calendar */
  weekday: number
}

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatterFor(zone: string): Intl.DateTimeFormat {
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
      weekday: 'short',
    })
    formatters.set(zone, f)
  }
  return f
}

export function isValidTimeZone(zone: string): boolean {
  if (!zone) return false
  try {
    formatterFor(zone)
    return true
  } catch {
    return false
  }
}

const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 }

const QUARTER_HOUR = 15 * 60_000
const MEMO_LIMIT = 200_000
/** Per zone: quarter hour of instants → offset (NaN: ask Intl), and quarter hour of wall clock → offset. */
const instantOffsets = new Map<string, Map<number, number>>()
const wallOffsets = new Map<string, Map<number, number>>()
function memoFor(memos: Map<string, Map<number, number>>, zone: string): Map<number, number> {
  let m = memos.get(zone)
  if (!m) memos.set(zone, (m = new Map()))
  return m
}

/** The wall-clock reading of an instant in the store's zone. */
export function zonedParts(ms: number, zone: string): ZonedParts {
  // An import reads a million instants: Intl is slow per call, so each quarter hour of instants
  // asks it once for the zone's offset (zones change offset only between quarter hours; a slot
  // where the two ends disagree, like an old local-mean-time change, asks Intl every time).
  const memo = memoFor(instantOffsets, zone)
  const slot = Math.floor(ms / QUARTER_HOUR)
  let offset = memo.get(slot)
  if (offset === undefined) {
    const start = slot * QUARTER_HOUR
    const a = intlOffsetMs(start, zone)
    offset = a === intlOffsetMs(start + QUARTER_HOUR - 1, zone) ? a : Number.NaN
    if (memo.size > MEMO_LIMIT) memo.clear()
    memo.set(slot, offset)
  }
  if (Number.isNaN(offset)) return intlParts(ms, zone)
  const wall = new Date(ms + offset)
  return {
    y: wall.getUTCFullYear(),
    m: wall.getUTCMonth() + 1,
    d: wall.getUTCDate(),
    h: wall.getUTCHours(),
    mi: wall.getUTCMinutes(),
    s: wall.getUTCSeconds(),
    weekday: wall.getUTCDay(),
  }
}

function intlParts(ms: number, zone: string): ZonedParts {
  const out: Record<string, string> = {}
  for (const p of formatterFor(zone).formatToParts(new Date(ms))) out[p.type] = p.value
  return {
    y: Number(out.year),
    m: Number(out.month),
    d: Number(out.day),
    h: Number(out.hour),
    mi: Number(out.minute),
    s: Number(out.second),
    weekday: WEEKDAYS[out.weekday!] ?? 0,
  }
}

function intlOffsetMs(ms: number, zone: string): number {
  const p = intlParts(ms, zone)
  return Date.UTC(p.y, p.m - 1, p.d, p.h, p.mi, p.s) - (ms - (((ms % 1000) + 1000) % 1000))
}

/** The store's calendar day of an instant. */
export function ymdInZone(ms: number, zone: string): Ymd {
  const { y, m, d } = zonedParts(ms, zone)
  return { y, m, d }
}

/** yyyymmdd of an instant in the store's zone (the form purchase_date and friends use). */
export function dayIntInZone(ms: number, zone: string): number {
  const { y, m, d } = zonedParts(ms, zone)
  return y * 10000 + m * 100 + d
}

/** yyyymm of an instant in the store's zone. */
export function monthKeyInZone(ms: number, zone: string): number {
  const { y, m } = zonedParts(ms, zone)
  return y * 100 + m
}

/** Milliseconds the zone is ahead of UTC at an instant. */
export function zoneOffsetMs(ms: number, zone: string): number {
  const p = zonedParts(ms, zone)
  const asUtc = Date.UTC(p.y, p.m - 1, p.d, p.h, p.mi, p.s)
  return asUtc - (ms - (((ms % 1000) + 1000) % 1000))
}

export interface WallClock extends Ymd {
  h?: number
  mi?: number
  s?: number
  ms?: number
}

/**
 * The instant a wall-clock time in the store's zone names. A time that a daylight-saving jump
 * skips resolves to the instant after the jump; a repeated hour takes its first occurrence.
 */
export function zonedToMs(t: WallClock, zone: string): number {
  const wall = Date.UTC(t.y, t.m - 1, t.d, t.h ?? 0, t.mi ?? 0, t.s ?? 0, t.ms ?? 0)
  // A till import converts a million wall-clock times: zones change their offset only on quarter
  // hours, so one conversion per quarter hour of wall clock answers the rest.
  const memo = memoFor(wallOffsets, zone)
  const slot = Math.floor(wall / QUARTER_HOUR)
  const known = memo.get(slot)
  if (known !== undefined) return wall - known
  const ms = convert(wall, zone)
  if (memo.size > MEMO_LIMIT) memo.clear()
  memo.set(slot, wall - ms)
  return ms
}

function convert(wall: number, zone: string): number {
  const first = wall - zoneOffsetMs(wall, zone)
  const second = wall - zoneOffsetMs(first, zone)
  if (first === second) return first
  // Two candidates: keep the earlier one that reads back as the wall clock asked for.
  const [a, b] = first < second ? [first, second] : [second, first]
  const reads = (ms: number) => Date.UTC(...wallOf(ms, zone)) === wall
  return reads(a) ? a : reads(b) ? b : Math.max(a, b)
}

function wallOf(ms: number, zone: string): [number, number, number, number, number, number, number] {
  const p = zonedParts(ms, zone)
  return [p.y, p.m - 1, p.d, p.h, p.mi, p.s, ((ms % 1000) + 1000) % 1000]
}

/** The first instant of a store day. */
export const startOfDayMs = (day: Ymd, zone: string): number => zonedToMs({ ...day }, zone)

/** The first instant of the store day after `day` (so a day is [startOfDayMs, endOfDayMs)). */
export function endOfDayMs(day: Ymd, zone: string): number {
  const next = new Date(Date.UTC(day.y, day.m - 1, day.d + 1))
  return zonedToMs({ y: next.getUTCFullYear(), m: next.getUTCMonth() + 1, d: next.getUTCDate() }, zone)
}

/** 'YYYY-MM-DD HH:mm' of an instant in the store's zone (for messages, files and print). */
export function formatZoned(ms: number, zone: string, withSeconds = false): string {
  const p = zonedParts(ms, zone)
  const two = (n: number) => String(n).padStart(2, '0')
  const time = `${two(p.h)}:${two(p.mi)}${withSeconds ? `:${two(p.s)}` : ''}`
  return `${p.y}-${two(p.m)}-${two(p.d)} ${time}`
}
