import { notFound } from '../../errors'
import type { Db } from '../../handle'
import { formatYmd, intToYmd } from '../../rules/dates'
import { isMobile } from '../../rules/phone'
import { toHalfWidth } from '../../rules/text'
import { statements } from '../../statements'
import { parseInput, z } from '../../validate'
import { balanceNow } from '../points/lapse'
import { toListItem, type MemberListItem } from './dto'
import { memberRowById, type MemberRowRaw } from './rows'
import { versionOf } from './version'

export type MatchKind = 'card' | 'oldCard' | 'phone' | 'phoneLast4' | 'name'
export interface QuickHit extends MemberListItem {
  matchedBy: MatchKind
  matchedCardNo?: string
}

const HI = '\uffff'

const stmts = statements((s) => ({
  phone: s.prepare('SELECT * FROM members WHERE phone = ? LIMIT ?'),
  last4: s.prepare('SELECT * FROM members WHERE phone_last4 = ? LIMIT ?'),
  card: s.prepare(
    `SELECT m.*, c.card_no AS matched_card, c.status AS matched_status FROM member_cards c
     JOIN members m ON m.id = c.member_id WHERE c.card_no >= ? AND c.card_no < ? ORDER BY c.card_no LIMIT ?`,
  ),
  nameExact: s.prepare('SELECT * FROM members WHERE name = ? LIMIT ?'),
  nameGram: s.prepare(
    `SELECT m.* FROM member_name_grams g JOIN members m ON m.id = g.member_id
     WHERE g.gram = ? AND m.name LIKE ? LIMIT ?`,
  ),
}))

const quickSchema = z.object({
  query: z.string({ error: '请输入搜索内容' }).max(40, '搜索内容太长'),
  limit: z.number().int().min(1).max(100).default(20),
})

/**
 * As-you-type lookup at the desk: a full phone, the last four digits of a phone, a card number
 * prefix (old replaced cards too) or any part of the name.
 */
export function quickSearch(db: Db, input: z.input<typeof quickSchema>): QuickHit[] {
  const { query, limit } = parseInput(quickSchema, input)
  const q = toHalfWidth(query).replace(/\s/g, '').toUpperCase()
  if (!q) return []
  const st = stmts(db)
  const hits = new Map<number, QuickHit>()
  const add = (rows: unknown[], kind: MatchKind) => {
    for (const r of rows as (MemberRowRaw & { matched_card?: string; matched_status?: string })[]) {
      if (hits.size >= limit || hits.has(r.id)) continue
      const old = kind === 'card' && r.matched_status === 'replaced'
      hits.set(r.id, {
        ...toListItem(r),
        matchedBy: old ? 'oldCard' : kind,
        ...(old ? { matchedCardNo: r.matched_card } : {}),
      })
    }
  }
  if (/^\d+$/.test(q)) {
    if (q.length === 11 && isMobile(q)) add(st.phone.all(q, limit), 'phone')
    if (q.length === 4) add(st.last4.all(q, limit), 'phoneLast4')
    add(st.card.all(q, q + HI, limit), 'card')
  } else if (/^[A-Z0-9-]+$/.test(q)) {
    add(st.card.all(q, q + HI, limit), 'card')
  } else {
    const name = query.replace(/\s/g, '')
    add(st.nameExact.all(name, limit), 'name')
    const chars = [...name.toLowerCase()]
    const gram = chars.length === 1 ? chars[0]! : chars[0]! + chars[1]!
    const like = `%${name.replace(/[%_\\]/g, '')}%`
    add(st.nameGram.all(gram, like, limit), 'name')
  }
  return [...hits.values()]
}

// The member list (filters, sorts, paging) lives in list.ts; re-exported for existing importers.
export { listMembers, memberFilterSql, memberOrderSql, memberTiersFallback, type MemberListQuery } from './list'

export interface MemberDetail extends MemberListItem {
  address: string | null
  postalCode: string | null
  /** A birthday card came back undeliverable (ms): the address wants correcting; null otherwise */
  addressReturnedAt: number | null
  notes: string
  /** Points a return could not take back; the next earnings settle them first */
  pointsDebt: number
  /** YYYY-MM-DD: the card's last valid day (null until the validity rule applied) */
  validUntil: string | null
  referrer: { id: number; cardNo: string; name: string } | null
  referrals: { id: number; cardNo: string; name: string }[]
  cards: { cardNo: string; status: 'active' | 'replaced'; issuedAt: number }[]
  replacements: {
    oldCardNo: string
    newCardNo: string
    feeFen: number
    reason: string
    at: number
    operator: string | null
  }[]
  consents: { channel: 'sms' | 'mail'; granted: boolean; at: number; operator: string | null }[]
  createdAt: number
  updatedAt: number
  /** What the edit form sends back as `expectedVersion`, so a save over someone else's change is refused (version.ts) */
  version: number
}

// The drawer opens a member at every desk all day: its statements are prepared once per connection.
const detailStatements = statements((s) => ({
  referrer: s.prepare('SELECT id, card_no AS cardNo, name FROM members WHERE id = ?'),
  referrals: s.prepare('SELECT id, card_no AS cardNo, name FROM members WHERE referrer_id = ? ORDER BY id'),
  cards: s.prepare(
    'SELECT card_no AS cardNo, status, issued_at AS issuedAt FROM member_cards WHERE member_id = ? ORDER BY issued_at',
  ),
  replacements: s.prepare(
    `SELECT r.old_card_no AS oldCardNo, r.new_card_no AS newCardNo, r.fee_fen AS feeFen, r.reason, r.at, o.name AS operator
     FROM card_replacements r LEFT JOIN operators o ON o.id = r.operator_id WHERE r.member_id = ? ORDER BY r.at`,
  ),
  consents: s.prepare(
    `SELECT e.channel, e.granted, e.at, o.name AS operator FROM consent_events e
     LEFT JOIN operators o ON o.id = e.operator_id WHERE e.member_id = ? ORDER BY e.at, e.id`,
  ),
}))

/** Built once: a zod schema costs more to make than to check. */
const memberIdInput = z.object({ id: z.number().int().positive() })

export function getMember(db: Db, input: { id: number }): MemberDetail {
  const { id } = parseInput(memberIdInput, input)
  const row = memberRowById(db, id)
  if (!row) throw notFound('找不到该会员')
  const s = detailStatements(db)
  const ref = row.referrer_id ? (s.referrer.get(row.referrer_id) as MemberDetail['referrer']) : null
  return {
    ...toListItem(row),
    // The drawer shows what the member can spend now, even before the daily expiry has run.
    points: balanceNow(db, id, row.points as number),
    address: (row.address as string | null) ?? null,
    postalCode: (row.postal_code as string | null) ?? null,
    addressReturnedAt: (row.address_returned_at as number | null) ?? null,
    notes: row.notes as string,
    pointsDebt: row.points_debt as number,
    validUntil: row.valid_until == null ? null : formatYmd(intToYmd(row.valid_until as number)),
    referrer: ref ?? null,
    referrals: s.referrals.all(id) as MemberDetail['referrals'],
    cards: s.cards.all(id) as MemberDetail['cards'],
    replacements: s.replacements.all(id) as MemberDetail['replacements'],
    consents: (
      s.consents.all(id) as { channel: 'sms' | 'mail'; granted: number; at: number; operator: string | null }[]
    ).map((c) => ({ ...c, granted: c.granted === 1 })),
    createdAt: row.created_at as number,
    updatedAt: row.updated_at as number,
    version: versionOf(row),
  }
}
