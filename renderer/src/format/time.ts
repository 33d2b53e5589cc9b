import { storeDayText, storeZoneName } from './storeClock'

const formats = new Map<string, Intl.DateTimeFormat>()

/** Timestamps (ms) shown the way staff in mainland China write them, on the store's clock. */
export function formatDateTime(ms: number): string {
  const zone = storeZoneName()
  let f = formats.get(zone)
  if (!f) {
    f = new Intl.DateTimeFormat('zh-CN', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hour12: false,
    })
    formats.set(zone, f)
  }
  return f.format(new Date(ms))
}

/** Today as 'YYYY-MM-DD' on the store's calendar. */
export const todayText = (): string => storeDayText()

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`
  return `${(n / 1024 / 1024).toFixed(1)} MB`
}
