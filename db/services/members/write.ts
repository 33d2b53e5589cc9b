import type { Actor } from '../../actor'
import { conflict, notFound, validationError, type FieldIssue } from '../../errors'
import { inTransaction, type Db } from '../../handle'
import { storeDayInt } from '../../clock'
import { STATUS_LABELS } from '../../rules/members'
import { formatYuan } from '../../rules/money'
import { tierNames } from '../../rules/tiers'
import { labelOf, parseInput, z } from '../../validate'
import { recordAudit } from '../audit'
import { postDueExpiry } from '../points/lapse'
import { postPoints } from '../points/ledger'
import { getSettings } from '../settings'
import { assignMissingValidity } from '../tiers/validity'
import {
  EMPTY_MEMBER_FIELDS,
  crossCheckMember,
  memberFieldsSchema,
  normalizeCardNo,
  resolveMemberFields,
  type MemberColumns,
} from './fields'
import { columnsOf, insertMemberRow, memberIdByCard, memberRowById, updateMemberRow } from './rows'
import { BUMP_VERSION, checkVersion, updateSummary } from './version'

export const todayInt = (db: Db) => storeDayInt(db)

function fail(issues: FieldIssue[]): never {
  throw validationError(issues.map((i) => `${labelOf(i.field)}：${i.message}`).join('；'), issues)
}

/** Resolves a referrer card number and enforces the referral limit. */
export function resolveReferrer(
  db: Db,
  cardNo: string | null | undefined,
  selfId: number | null,
  max: number,
): { id: number | null; issue?: FieldIssue } {
  if (!cardNo || !cardNo.trim()) return { id: null }
  const id = memberIdByCard(db, normalizeCardNo(cardNo))
  if (id === undefined) return { id: null, issue: { field: 'referrerCardNo', message: '找不到该推荐人卡号' } }
  if (id === selfId) return { id: null, issue: { field: 'referrerCardNo', message: '会员不能推荐自己' } }
  const count = db.sqlite
    .prepare('SELECT count(*) FROM members WHERE referrer_id = ? AND id IS NOT ?')
    .pluck()
    .get(id, selfId) as number
  if (count >= max)
    return { id: null, issue: { field: 'referrerCardNo', message: `该推荐人已推荐${count}人，达到上限${max}人` } }
  return { id }
}

const createSchema = memberFieldsSchema.extend({
  cardNo: memberFieldsSchema.shape.cardNo,
  name: memberFieldsSchema.shape.name,
})
export type CreateMemberInput = z.input<typeof createSchema>

export function createMember(db: Db, input: CreateMemberInput, actor: Actor): { id: number; cardNo: string } {
  const raw = parseInput(createSchema, input)
  const settings = getSettings(db)
  const withDefaults = {
    ...EMPTY_MEMBER_FIELDS,
    tier: tierNames(settings)[0],
    source: '服务台' as const,
    ...raw,
    joinDate: raw.joinDate ?? `${todayInt(db)}`,
  }
  const { values, issues } = resolveMemberFields(withDefaults, settings)
  issues.push(...crossCheckMember(values, todayInt(db)))
  return inTransaction(db, () => {
    const ref = resolveReferrer(db, raw.referrerCardNo, null, settings.maxReferrals)
    if (ref.issue) issues.push(ref.issue)
    if (values.cardNo && memberIdByCard(db, values.cardNo) !== undefined) {
      issues.push({ field: 'cardNo', message: `卡号 ${values.cardNo} 已被使用` })
    }
    if (issues.length) fail(issues)
    const id = insertMemberRow(db, values as MemberColumns, ref.id, actor)
    assignMissingValidity(db)
    recordAudit(db, actor, 'create', 'member', id, `新建会员 卡号${values.cardNo}`)
    return { id, cardNo: values.cardNo! }
  })
}

const updateSchema = memberFieldsSchema.partial().extend({
  id: z.number({ error: '缺少会员编号' }).int().positive(),
  /**
   * The version (MemberDetail.version) the form was opened with. The form always sends it; a
   * caller without it (a script) writes over whatever is there, as before.
   */
  expectedVersion: z.number().int().optional(),
})
export type UpdateMemberInput = z.input<typeof updateSchema>

/**
 * Saves the form's patch. When the member has changed since the form read it (another desk, an
 * import, a tier upgrade — see version.ts), the save is refused and nothing is written.
 */
export function updateMember(db: Db, input: UpdateMemberInput, actor: Actor): { id: number; changed: string[] } {
  const { id, referrerCardNo, cardNo, expectedVersion, ...rest } = parseInput(updateSchema, input)
  const settings = getSettings(db)
  return inTransaction(db, () => {
    const before = memberRowById(db, id)
    if (!before) throw notFound('找不到该会员')
    checkVersion(db, before, expectedVersion)
    if (cardNo !== undefined && normalizeCardNo(cardNo) !== before.card_no) {
      throw validationError('卡号不能直接修改，请使用"补卡/换卡"')
    }
    const { values, issues } = resolveMemberFields(rest, settings)
    issues.push(...crossCheckMember({ ...columnsOf(before), ...values }, todayInt(db)))
    let referrerId: number | null | undefined
    if (referrerCardNo !== undefined) {
      const ref = resolveReferrer(db, referrerCardNo, id, settings.maxReferrals)
      if (ref.issue) issues.push(ref.issue)
      referrerId = ref.id
    }
    if (issues.length) fail(issues)
    const changed = updateMemberRow(db, before, values, referrerId, actor)
    if (changed.length) {
      recordAudit(db, actor, 'update', 'member', id, updateSummary(before.card_no, changed.map(labelOf)))
    }
    return { id, changed: changed.map(labelOf) }
  })
}

const statusSchema = z.object({
  id: z.number().int().positive(),
  reason: z.string({ error: '请填写原因' }).trim().min(1, '请填写原因').max(200),
})

function setStatus(
  db: Db,
  input: z.input<typeof statusSchema>,
  actor: Actor,
  to: 'closed' | 'lost' | 'active',
  allowedFrom: string[],
) {
  const v = parseInput(statusSchema, input)
  return inTransaction(db, () => {
    const before = memberRowById(db, v.id)
    if (!before) throw notFound('找不到该会员')
    const from = before.status as keyof typeof STATUS_LABELS
    if (!allowedFrom.includes(from)) {
      throw conflict(`会员当前状态为"${STATUS_LABELS[from]}"，不能改为"${STATUS_LABELS[to]}"`)
    }
    db.sqlite
      .prepare(`UPDATE members SET status = ?, ${BUMP_VERSION} WHERE id = ?`)
      .run(to, db.now().getTime(), actor.id, v.id)
    recordAudit(
      db,
      actor,
      'status',
      'member',
      v.id,
      `卡号${before.card_no} ${STATUS_LABELS[from]}→${STATUS_LABELS[to]}：${v.reason}`,
    )
    return { id: v.id, status: to }
  })
}

export const closeMember = (db: Db, input: z.input<typeof statusSchema>, actor: Actor) =>
  setStatus(db, input, actor, 'closed', ['active', 'lost', 'expired'])
export const reportLost = (db: Db, input: z.input<typeof statusSchema>, actor: Actor) =>
  setStatus(db, input, actor, 'lost', ['active'])
export const reactivateMember = (db: Db, input: z.input<typeof statusSchema>, actor: Actor) =>
  setStatus(db, input, actor, 'active', ['lost', 'closed', 'expired'])

const replaceSchema = z.object({
  id: z.number().int().positive(),
  newCardNo: z.string({ error: '请填写新卡号' }).min(1, '请填写新卡号').max(30),
  feeFen: z.number({ error: '补卡费应为数字' }).int('补卡费须以分为单位的整数').min(0, '补卡费不能为负').optional(),
  reason: z.string().trim().max(200).default('遗失补卡'),
})
export type ReplaceCardInput = z.input<typeof replaceSchema>

/**
 * Lost-card replacement: a new number, the same member (points, history and expiry stay), the
 * fee recorded. The old number keeps pointing at the member.
 */
export function replaceCard(db: Db, input: ReplaceCardInput, actor: Actor) {
  const v = parseInput(replaceSchema, input)
  const settings = getSettings(db)
  const { values, issues } = resolveMemberFields({ cardNo: v.newCardNo }, settings)
  if (issues.length) fail(issues.map((i) => ({ ...i, field: 'newCardNo' })))
  const newCardNo = values.cardNo!
  const fee = v.feeFen ?? settings.replacementFeeFen
  return inTransaction(db, () => {
    const before = memberRowById(db, v.id)
    if (!before) throw notFound('找不到该会员')
    if (before.status === 'closed') throw conflict('已注销的会员不能补卡')
    if (memberIdByCard(db, newCardNo) !== undefined) {
      fail([{ field: 'newCardNo', message: `卡号 ${newCardNo} 已被使用` }])
    }
    // The new card carries what is still valid: points lapsed since midnight are posted first.
    const lapsed = postDueExpiry(db, v.id)
    const now = db.now().getTime()
    db.sqlite.prepare(`UPDATE member_cards SET status = 'replaced' WHERE card_no = ?`).run(before.card_no)
    db.sqlite
      .prepare(`INSERT INTO member_cards (card_no, member_id, status, issued_at) VALUES (?, ?, 'active', ?)`)
      .run(newCardNo, v.id, now)
    db.sqlite
      .prepare(`UPDATE members SET card_no = ?, status = 'active', ${BUMP_VERSION} WHERE id = ?`)
      .run(newCardNo, now, actor.id, v.id)
    db.sqlite
      .prepare(
        'INSERT INTO card_replacements (member_id, old_card_no, new_card_no, fee_fen, reason, at, operator_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(v.id, before.card_no, newCardNo, fee, v.reason, now, actor.id)
    // Points stay with the member, so the balance does not move; the ledger still tells the card's
    // story, so that a statement printed later explains why the points now sit on another number.
    postPoints(
      db,
      {
        memberId: v.id,
        kind: 'transfer',
        points: 0,
        ref: newCardNo,
        reason: `补卡：原卡 ${before.card_no} 的 ${(Number(before.points) - lapsed).toLocaleString('en-US')} 积分转入新卡 ${newCardNo}`,
      },
      actor,
    )
    recordAudit(
      db,
      actor,
      'replace-card',
      'member',
      v.id,
      `补卡 ${before.card_no}→${newCardNo}，收费 ${formatYuan(fee)}：${v.reason}`,
    )
    return { id: v.id, oldCardNo: before.card_no, newCardNo, feeFen: fee }
  })
}

const revealSchema = z.object({ id: z.number().int().positive(), field: z.enum(['phone', 'idNumber']) })

/** Shows one personal field in full; every look is in the audit log. */
export function revealMember(db: Db, input: z.input<typeof revealSchema>, actor: Actor): { value: string | null } {
  const v = parseInput(revealSchema, input)
  return inTransaction(db, () => {
    const row = memberRowById(db, v.id)
    if (!row) throw notFound('找不到该会员')
    recordAudit(db, actor, 'reveal', 'member', v.id, `查看完整${labelOf(v.field)} 卡号${row.card_no}`)
    return { value: (v.field === 'phone' ? row.phone : row.id_number) as string | null }
  })
}
