import { quickSearch } from '../../../db/services/members'
import type { BenchContext } from '../context'
import type { BenchRow, BenchSection } from '../report'
import { sample } from '../stats'

const LIMIT = 20
const HI = '\uffff'

/** What staff type at the desk, drawn from the members really in the database. */
function queries(ctx: BenchContext, n: number) {
  const s = ctx.db.sqlite
  const rows = s.prepare('SELECT card_no AS card, phone, name FROM members ORDER BY random() LIMIT ?').all(n * 2) as {
    card: string
    phone: string | null
    name: string
  }[]
  const rnd = ctx.rnd
  const last4 = rows
    .filter((r) => r.phone)
    .slice(0, n)
    .map((r) => r.phone!.slice(-4))
  // Card prefixes from 6 digits (a whole block of cards) up to the full number.
  const cards = rows.slice(0, n).map((r) => r.card.slice(0, rnd.int(6, r.card.length)))
  const names = rows.slice(0, n).map((r) => {
    const chars = [...r.name]
    switch (rnd.int(0, 3)) {
      case 0:
        return chars[0]! // the surname alone: thousands of 王
      case 1:
        return chars.slice(0, 2).join('') // surname + first given character, as typed
      case 2:
        return chars.slice(1).join('') // the given name
      default:
        return r.name
    }
  })
  return { last4, cards, names }
}

export const searchSection: BenchSection = {
  name: 'quick search',
  async run(ctx) {
    const { last4, cards, names } = queries(ctx, 500)
    const s = ctx.db.sqlite
    const bare = {
      last4: s.prepare('SELECT * FROM members WHERE phone_last4 = ? LIMIT ?'),
      card: s.prepare(
        `SELECT m.* FROM member_cards c JOIN members m ON m.id = c.member_id
         WHERE c.card_no >= ? AND c.card_no < ? ORDER BY c.card_no LIMIT ?`,
      ),
      name: s.prepare(
        `SELECT m.* FROM member_name_grams g JOIN members m ON m.id = g.member_id
         WHERE g.gram = ? AND m.name LIKE ? LIMIT ?`,
      ),
    }
    const service = (q: string) => quickSearch(ctx.db, { query: q, limit: LIMIT })
    const gram = (q: string) => {
      const c = [...q]
      return c.length === 1 ? c[0]! : c[0]! + c[1]!
    }
    const rows: BenchRow[] = [
      {
        label: 'quick search: phone last 4 (service does last-4 + card)',
        unit: 'ms',
        service: sample(last4, service),
        bare: sample(last4, (q) => bare.last4.all(q, LIMIT)),
        target: 2,
      },
      {
        label: 'quick search: card number prefix',
        unit: 'ms',
        service: sample(cards, service),
        bare: sample(cards, (q) => bare.card.all(q, q + HI, LIMIT)),
        target: 2,
      },
      {
        label: 'quick search: part of the name',
        unit: 'ms',
        service: sample(names, service),
        bare: sample(names, (q) => bare.name.all(gram(q), `%${q}%`, LIMIT)),
        target: 2,
      },
    ]
    return rows
  },
}
