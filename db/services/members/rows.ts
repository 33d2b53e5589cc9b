import { conflict } from '../../errors'
import type { Db } from '../../handle'
import type { Actor } from '../../actor'
import { isUsableAddress } from '../../rules/mailAddress'
import { statements } from '../../statements'
import type { MemberColumns } from './fields'
import { writeNameGrams } from './grams'
import { BUMP_VERSION } from './version'

/**
 * Low-level member writes shared by the form services and the importer. They assume the caller
 * has validated the values and opened the transaction, and they keep the side tables (card
 * numbers, name grams, consent history) in step with the member row.
 */
const COLS = [
  'card_no',
  'name',
  'gender',
  'phone',
  'phone_last4',
  'birth_year',
  'birth_month',
  'birth_day',
  'birthday_calendar',
  'birthday_leap_month',
  'id_number',
  'province',
  'city',
  'district',
  'address',
  'postal_code',
  'tier',
  'join_date',
  'source',
  'sms_consent',
  'mail_consent',
  'notes',
] as const

const KEYS: Record<(typeof COLS)[number], keyof MemberColumns> = {
  card_no: 'cardNo',
  name: 'name',
  gender: 'gender',
  phone: 'phone',
  phone_last4: 'phoneLast4',
  birth_year: 'birthYear',
  birth_month: 'birthMonth',
  birth_day: 'birthDay',
  birthday_calendar: 'birthdayCalendar',
  birthday_leap_month: 'birthdayLeapMonth',
  id_number: 'idNumber',
  province: 'province',
  city: 'city',
  district: 'district',
  address: 'address',
  postal_code: 'postalCode',
  tier: 'tier',
  join_date: 'joinDate',
  source: 'source',
  sms_consent: 'smsConsent',
  mail_consent: 'mailConsent',
  notes: 'notes',
}

const sqlValue = (v: unknown) => (typeof v === 'boolean' ? (v ? 1 : 0) : (v ?? null))

const stmts = statements((s) => ({
  // address_ok is worked out here so a new row skips the "not yet worked out" index (see members schema).
  insert: s.prepare(
    `INSERT INTO members (${COLS.join(', ')}, address_ok, referrer_id, status, points, created_at, created_by, updated_at, updated_by)
     VALUES (${COLS.map(() => '?').join(', ')}, ?, ?, 'active', 0, ?, ?, ?, ?)`,
  ),
  card: s.prepare(`INSERT INTO member_cards (card_no, member_id, status, issued_at) VALUES (?, ?, 'active', ?)`),
  cardOwner: s.prepare('SELECT member_id FROM member_cards WHERE card_no = ?').pluck(),
  consent: s.prepare(
    'INSERT INTO consent_events (member_id, channel, granted, at, operator_id) VALUES (?, ?, ?, ?, ?)',
  ),
  byId: s.prepare('SELECT * FROM members WHERE id = ?'),
}))

export type MemberRowRaw = Record<string, unknown> & { id: number; card_no: string; name: string }

export function memberRowById(db: Db, id: number): MemberRowRaw | undefined {
  return stmts(db).byId.get(id) as MemberRowRaw | undefined
}

/** The member holding (or having held) a card number. */
export function memberIdByCard(db: Db, cardNo: string): number | undefined {
  return stmts(db).cardOwner.get(cardNo) as number | undefined
}

export function insertMemberRow(db: Db, m: MemberColumns, referrerId: number | null, actor: Actor): number {
  const st = stmts(db)
  if (st.cardOwner.get(m.cardNo) !== undefined) throw conflict(`卡号 ${m.cardNo} 已被使用`)
  const now = db.now().getTime()
  const info = st.insert.run(
    ...COLS.map((c) => sqlValue(m[KEYS[c]])),
    isUsableAddress(m) ? 1 : 0,
    referrerId,
    now,
    actor.id,
    now,
    actor.id,
  )
  const id = Number(info.lastInsertRowid)
  st.card.run(m.cardNo, id, now)
  writeNameGrams(db, id, m.name, false)
  if (m.smsConsent) st.consent.run(id, 'sms', 1, now, actor.id)
  if (m.mailConsent) st.consent.run(id, 'mail', 1, now, actor.id)
  return id
}

/**
 * Applies a patch to a member; returns the labels of the fields that really changed. A new card
 * number is not accepted here (that is a card replacement).
 */
export function updateMemberRow(
  db: Db,
  before: MemberRowRaw,
  patch: Partial<MemberColumns>,
  referrerId: number | null | undefined,
  actor: Actor,
): string[] {
  const changed: (keyof MemberColumns | 'referrer')[] = []
  const sets: string[] = []
  const args: unknown[] = []
  for (const col of COLS) {
    const key = KEYS[col]
    if (!(key in patch) || col === 'card_no') continue
    const v = sqlValue(patch[key])
    if (v === before[col]) continue
    sets.push(`${col} = ?`)
    args.push(v)
    changed.push(key)
  }
  if (referrerId !== undefined && referrerId !== before.referrer_id) {
    sets.push('referrer_id = ?')
    args.push(referrerId)
    changed.push('referrer')
  }
  if (!sets.length) return []
  const now = db.now().getTime()
  db.sqlite
    .prepare(`UPDATE members SET ${sets.join(', ')}, ${BUMP_VERSION} WHERE id = ?`)
    .run(...args, now, actor.id, before.id)
  const st = stmts(db)
  if (changed.includes('name')) writeNameGrams(db, before.id, patch.name!, true)
  if (changed.includes('smsConsent')) st.consent.run(before.id, 'sms', patch.smsConsent ? 1 : 0, now, actor.id)
  if (changed.includes('mailConsent')) st.consent.run(before.id, 'mail', patch.mailConsent ? 1 : 0, now, actor.id)
  return reportedFields(changed)
}

/** Field names as a person thinks of them: one "birthday", no derived columns. */
function reportedFields(changed: (keyof MemberColumns | 'referrer')[]): string[] {
  const out = new Set<string>()
  for (const c of changed) {
    if (c === 'phoneLast4') continue
    out.add(/^birth/.test(c) ? 'birthday' : c === 'referrer' ? 'referrerCardNo' : c)
  }
  return [...out]
}

/** Converts a raw row back into column values (for merging a patch before cross-checks). */
export function columnsOf(row: MemberRowRaw): MemberColumns {
  const out: Record<string, unknown> = {}
  for (const col of COLS) out[KEYS[col]] = row[col]
  out.birthdayLeapMonth = row.birthday_leap_month === 1
  out.smsConsent = row.sms_consent === 1
  out.mailConsent = row.mail_consent === 1
  return out as unknown as MemberColumns
}
