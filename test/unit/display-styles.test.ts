import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { chineseDate } from '../../db/print/document'
import { formatYuan, formatYuanNumber } from '../../db/rules/money'
import { formatStamp } from '../../db/rules/tableFormat'
import { setStoreZone } from '../../renderer/src/format/storeClock'
import { formatDateTime } from '../../renderer/src/format/time'
import { money } from '../../renderer/src/views/reports/dashboard/kpiFigures'

const root = join(__dirname, '..', '..')
function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((f) => f.isFile() && /\.(ts|vue)$/.test(f.name))
    .map((f) => relative(root, join(f.parentPath, f.name)))
}
/** What people see: the screens, the printed pages, the exports and the CLI's tables. */
const SHOWN = [
  ...sources('renderer/src'),
  ...sources('db/print'),
  ...sources('db/cli'),
  ...sources('db/services').filter((f) => /export|report|sms/i.test(f)),
]

afterEach(() => setStoreZone('Asia/Shanghai'))

describe('one money style and one date style', () => {
  it('writes money as 1,280.00 元', () => {
    expect(formatYuan(128_000)).toBe('1,280.00 元')
    expect(formatYuan(-3_550)).toBe('-35.50 元')
    expect(formatYuanNumber(123_456_789)).toBe('1,234,567.89')
    // A KPI card shortens only above 10 万元, still with 元 after the number.
    expect(money(128_000)).toBe('1,280.00 元')
    expect(money(1_234_567_890)).toBe('1,234.6 万元')
  })

  it('writes dates as 2026-11-23 and times as 2026-11-23 20:10, on screens and on paper', () => {
    const at = Date.UTC(2026, 10, 23, 12, 10) // 20:10 in Shanghai
    expect(formatDateTime(at)).toBe('2026-11-23 20:10')
    expect(formatStamp(at, 'Asia/Shanghai')).toBe('2026-11-23 20:10')
    expect(chineseDate(20261123)).toBe('2026-11-23')
  })

  it('has no ¥ in the sources of what people see', () => {
    const offenders = SHOWN.filter((f) => /[¥￥]/.test(readFileSync(join(root, f), 'utf8')))
    expect(SHOWN.length).toBeGreaterThan(100)
    expect(offenders).toEqual([])
  })

  it('formats no date through the locale (which writes 2026/11/23) in those sources', () => {
    const localeDates = /toLocaleDateString|toLocaleTimeString|DateTimeFormat\(\s*'zh-CN'/
    const offenders = SHOWN.filter((f) => localeDates.test(readFileSync(join(root, f), 'utf8')))
    expect(offenders).toEqual([])
  })
})
