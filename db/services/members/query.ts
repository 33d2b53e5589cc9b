import { notFound } from '../../errors'
import type { Db } from '../../handle'
import { DEFAULT_TIERS, GENDERS, SOURCES, STATUSES } from '../../rules/members'
import { isMobile } from '../../rules/phone'
import { toHalfWidth } from '../../rules/text'
import { statements } from '../../statements'
import { parseInput, z } from '../../validate'
import { toListItem, type MemberListItem } from './dto'
import { memberRowById, type MemberRowRaw } from './rows'

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

const SORTS = {
  cardNo: 'card_no',
  name: 'name',
  joinDate: 'join_date',
  points: 'points',
  tier: 'tier',
  status: 'status',
  birthday: 'birth_month %o, birth_day',
} as const

const yes = z.boolean().optional()
const listSchema = z.object({
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(500).default(50),
  sort: z.enum(Object.keys(SORTS) as [keyof typeof SORTS]).default('cardNo'),
  order: z.enum(['asc', 'desc']).default('asc'),
  keyword: z.string().max(40).optional(),
  tier: z.string().max(10).optional(),
  status: z.enum(STATUSES).optional(),
  source: z.enum(SOURCES).optional(),
  gender: z.enum(GENDERS).optional(),
  province: z.string().max(20).optional(),
  city: z.string().max(30).optional(),
  birthMonth: z.number().int().min(1).max(12).optional(),
  joinFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  joinTo: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  smsConsent: yes,
  mailConsent: yes,
  hasPhone: yes,
})
export type MemberListQuery = z.input<typeof listSchema>
export const memberTiersFallback = DEFAULT_TIERS

/** WHERE clause and parameters for the member list filters (also used by export). */
export function memberFilterSql(input: MemberListQuery): { where: string; params: unknown[] } {
  const f = parseInput(listSchema, input)
  const where: string[] = []
  const params: unknown[] = []
  const eq = (col: string, v: unknown) => {
    if (v === undefined || v === '') return
    where.push(`${col} = ?`)
    params.push(typeof v === 'boolean' ? (v ? 1 : 0) : v)
  }
  eq('tier', f.tier)
  eq('status', f.status)
  eq('source', f.source)
  eq('gender', f.gender)
  eq('province', f.province)
  eq('city', f.city)
  eq('birth_month', f.birthMonth)
  eq('sms_consent', f.smsConsent)
  eq('mail_consent', f.mailConsent)
  if (f.hasPhone !== undefined) where.push(f.hasPhone ? 'phone IS NOT NULL' : 'phone IS NULL')
  if (f.joinFrom) {
    where.push('join_date >= ?')
    params.push(Number(f.joinFrom.replace(/-/g, '')))
  }
  if (f.joinTo) {
    where.push('join_date <= ?')
    params.push(Number(f.joinTo.replace(/-/g, '')))
  }
  const k = f.keyword ? toHalfWidth(f.keyword).replace(/\s/g, '') : ''
  if (k) {
    if (/^\d{4}$/.test(k)) {
      where.push('(phone_last4 = ? OR id IN (SELECT member_id FROM member_cards WHERE card_no >= ? AND card_no < ?))')
      params.push(k, k, k + HI)
    } else if (/^\d{11}$/.test(k)) {
      where.push('(phone = ? OR card_no = ?)')
      params.push(k, k)
    } else if (/^[A-Za-z0-9-]+$/.test(k)) {
      where.push('id IN (SELECT member_id FROM member_cards WHERE card_no >= ? AND card_no < ?)')
      params.push(k.toUpperCase(), k.toUpperCase() + HI)
    } else {
      const chars = [...k.toLowerCase()]
      where.push('id IN (SELECT member_id FROM member_name_grams WHERE gram = ?) AND name LIKE ?')
      params.push(chars.length === 1 ? chars[0] : chars[0]! + chars[1]!, `%${k.replace(/[%_\\]/g, '')}%`)
    }
  }
  return { where: where.length ? `WHERE ${where.join(' AND ')}` : '', params }
}

export function memberOrderSql(input: MemberListQuery): string {
  const f = parseInput(listSchema, input)
  const dir = f.order === 'desc' ? 'DESC' : 'ASC'
  const cols = SORTS[f.sort].replace('%o', dir)
  return `ORDER BY ${cols} ${dir}, id ${dir}`
}

export function listMembers(db: Db, input: MemberListQuery): { rows: MemberListItem[]; total: number } {
  const f = parseInput(listSchema, input)
  const { where, params } = memberFilterSql(f)
  const order = memberOrderSql(f)
  const rows = db.sqlite
    .prepare(`SELECT * FROM members ${where} ${order} LIMIT ? OFFSET ?`)
    .all(...params, f.pageSize, (f.page - 1) * f.pageSize) as MemberRowRaw[]
  const total = db.sqlite.prepare(`SELECT count(*) FROM members ${where}`).pluck().get(...params) as number
  return { rows: rows.map(toListItem), total }
}

export interface MemberDetail extends MemberListItem {
  address: string | null
  postalCode: string | null
  notes: string
  referrer: { id: number; cardNo: string; name: string } | null
  referrals: { id: number; cardNo: string; name: string }[]
  cards: { cardNo: string; status: 'active' | 'replaced'; issuedAt: number }[]
  replacements: { oldCardNo: string; newCardNo: string; feeFen: number; reason: string; at: number; operator: string | null }[]
  consents: { channel: 'sms' | 'mail'; granted: boolean; at: number; operator: string | null }[]
  createdAt: number
  updatedAt: number
}

export function getMember(db: Db, input: { id: number }): MemberDetail {
  const { id } = parseInput(z.object({ id: z.number().int().positive() }), input)
  const row = memberRowById(db, id)
  if (!row) throw notFound('找不到该会员')
  const s = db.sqlite
  const ref = row.referrer_id
    ? (s.prepare('SELECT id, card_no AS cardNo, name FROM members WHERE id = ?').get(row.referrer_id) as MemberDetail['referrer'])
    : null
  return {
    ...toListItem(row),
    address: (row.address as string | null) ?? null,
    postalCode: (row.postal_code as string | null) ?? null,
    notes: row.notes as string,
    referrer: ref ?? null,
    referrals: s.prepare('SELECT id, card_no AS cardNo, name FROM members WHERE referrer_id = ? ORDER BY id').all(id) as MemberDetail['referrals'],
    cards: s
      .prepare('SELECT card_no AS cardNo, status, issued_at AS issuedAt FROM member_cards WHERE member_id = ? ORDER BY issued_at')
      .all(id) as MemberDetail['cards'],
    replacements: s
      .prepare(
        `SELECT r.old_card_no AS oldCardNo, r.new_card_no AS newCardNo, r.fee_fen AS feeFen, r.reason, r.at, o.name AS operator
         FROM card_replacements r LEFT JOIN operators o ON o.id = r.operator_id WHERE r.member_id = ? ORDER BY r.at`,
      )
      .all(id) as MemberDetail['replacements'],
    consents: (
      s
        .prepare(
          `SELECT e.channel, e.granted, e.at, o.name AS operator FROM consent_events e
           LEFT JOIN operators o ON o.id = e.operator_id WHERE e.member_id = ? ORDER BY e.at, e.id`,
        )
        .all(id) as { channel: 'sms' | 'mail'; granted: number; at: number; operator: string | null }[]
    ).map((c) => ({ ...c, granted: c.granted === 1 })),
    createdAt: row.created_at as number,
    updatedAt: row.updated_at as number,
  }
}
