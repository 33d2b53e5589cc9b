import { birthdayInMonth, type Birthday } from '../../../db/rules/birthday'
import { birthdayMonthPage, birthdaysOfMonth, lunarPiecesOf } from '../../../db/services/birthdays/month'
import { birthdaySmsList } from '../../../db/services/birthdays/sms'
import type { BenchSection } from '../report'
import { sample } from '../stats'

const MONTHS = Array.from({ length: 12 }, (_, i) => `2027-${String(i + 1).padStart(2, '0')}`)

/**
 * 生日关怀: the month's list with its counts as the screen asks for it (counts, order, one page
 * of rows; every month of a year in turn), next to the same index reads as bare statements, the
 * whole list with every row read (printing, the CLI), and the naive way (every member through
 * the rule in JS).
 */
export const birthdaysSection: BenchSection = {
  name: 'birthdays',
  async run(ctx) {
    const db = ctx.db.sqlite
    const solar = db.prepare(
      `SELECT id, card_no, birth_day, tier, address_ok, sms_consent, mail_consent
         FROM members WHERE birth_month = ? AND birth_day IS NOT NULL AND birthday_calendar = 'solar' AND status = 'active'`,
    )
    const lunar = db.prepare(
      `SELECT id, card_no, birth_day, tier, address_ok, sms_consent, mail_consent
         FROM members WHERE birth_month = ? AND birth_day BETWEEN ? AND ? AND birthday_calendar = 'lunar'
          AND birthday_leap_month IN (0, 1) AND status = 'active'`,
    )
    const bare = (month: string) => {
      const [y, m] = month.split('-').map(Number) as [number, number]
      const rows = solar.all(m)
      for (const p of lunarPiecesOf(y, m))
        rows.push(...lunar.all(p.month, p.fromDay, p.toDay === p.length ? 30 : p.toDay))
      return rows.length
    }
    // The naive way: every member read and run through the rule.
    const everyone = db.prepare(
      `SELECT birth_year AS year, birth_month AS month, birth_day AS day, birthday_calendar AS calendar,
              birthday_leap_month AS leap FROM members WHERE birth_day IS NOT NULL AND status = 'active'`,
    )
    type Row = Omit<Birthday, 'leapMonth' | 'year'> & { year: number | null; leap: number }
    const naive = (month: string) => {
      const [y, m] = month.split('-').map(Number) as [number, number]
      let n = 0
      for (const r of everyone.all() as Row[]) {
        if (birthdayInMonth({ ...r, year: r.year ?? 2000, leapMonth: r.leap === 1 }, y, m)) n++
      }
      return n
    }
    // The first list after the seed: anything left for it to work out (address flags) shows here.
    let t = performance.now()
    birthdayMonthPage(ctx.db, { month: MONTHS[0]! })
    const firstMs = performance.now() - t
    t = performance.now()
    const one = birthdaysOfMonth(ctx.db, { month: MONTHS[11]! })
    const wholeMs = performance.now() - t
    const lunarShare = one.rows.filter((r) => r.calendar === 'lunar').length
    const sms = birthdaySmsList(ctx.db, { month: MONTHS[11]! })
    return [
      {
        label: "month's birthday list with counts (screen: first page)",
        unit: 'ms',
        service: sample(MONTHS, (month) => birthdayMonthPage(ctx.db, { month }), 120, 12),
        bare: sample(MONTHS, bare, 120, 12),
        target: 50,
        note: `${MONTHS[11]}: ${one.counts.born} born (${lunarShare} lunar), ${one.counts.withAddress} with address, ${one.counts.sms} SMS; first call after the seed ${firstMs.toFixed(0)} ms`,
      },
      {
        label: 'the whole list, every row read (printing, CLI)',
        unit: 'ms',
        service: sample(MONTHS, (month) => birthdaysOfMonth(ctx.db, { month }), 36, 4),
        note: `first ${wholeMs.toFixed(0)} ms`,
      },
      {
        label: 'the same list, every member through the rule in JS',
        unit: 'ms',
        service: sample(MONTHS, naive, 6, 1),
        note: 'why the birth month/day index is used',
      },
      {
        label: "month's SMS list (messages, segments, cost)",
        unit: 'ms',
        service: sample([MONTHS[11]!], (month) => birthdaySmsList(ctx.db, { month }), 30, 3),
        note: `${sms.rows.length} messages, ${sms.segments} segments, ${(sms.costFen / 100).toFixed(2)} 元`,
      },
    ]
  },
}
