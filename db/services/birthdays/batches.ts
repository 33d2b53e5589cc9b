import type { Actor } from '../../actor'
import { conflict, notFound, validationError } from '../../errors'
import { inTransaction, type Db } from '../../handle'
import {
  CARD_DESIGNS,
  LABEL_LAYOUTS,
  labelsPerSheet,
  type BirthdayCardStatus,
  type CardDesign,
  type LabelLayout,
} from '../../rules/birthdayMail'
import { senderWarning } from '../../rules/mailBlock'
import { statements } from '../../statements'
import { getSettings } from '../settings'
import { parseInput, z } from '../../validate'
import { birthdayMonthSchema, birthdaysOfMonth, isMailable, type BirthdayMember } from './month'
import { monthCostEstimate, type CostLine } from './costs'

/**
 * 生日贺卡 print runs. A run is prepared (who, in what order, at what cost — nothing written),
 * printed, and only then recorded, so a cancelled print dialog leaves no batch behind. Recording
 * checks everything again inside its transaction: a card printed by a colleague in between is
 * refused, not printed twice.
 */

export const batchInputSchema = z
  .object({
    month: birthdayMonthSchema.shape.month,
    design: z.enum(CARD_DESIGNS, { error: '请选择贺卡样式' }),
    labels: z.enum(LABEL_LAYOUTS, { error: '请选择信封或标签版式' }).nullable().default(null),
    /** Labels already used on a part-used first sheet */
    labelOffset: z.number().int('起始位置须为整数').min(0, '起始位置不能为负').default(0),
    /** The members chosen; left out: everyone in the month still to be printed */
    memberIds: z.array(z.number().int().positive()).min(1, '请至少选择一位会员').max(50_000).optional(),
    /** Print again members whose card for this birthday was printed before */
    reprint: z.boolean().default(false),
  })
  .refine((b) => b.labels === null || b.labelOffset < labelsPerSheet(b.labels), {
    error: (iss) => {
      const b = iss.input as { labels: LabelLayout }
      return `起始位置应在 0–${labelsPerSheet(b.labels) - 1} 之间（每张 ${labelsPerSheet(b.labels)} 个标签）`
    },
    path: ['labelOffset'],
  })
export type BatchInput = z.input<typeof batchInputSchema>

export interface PreparedBatch {
  month: string
  design: CardDesign
  labels: LabelLayout | null
  labelOffset: number
  reprint: boolean
  /** In print order: the day the birthday falls on, then card number */
  recipients: BirthdayMember[]
  /** How many of them had a card for this birthday already */
  reprinted: number
  cards: CostLine
  /** The month's SMS and gift estimate, kept with the batch */
  sms: CostLine
  gifts: CostLine
  /** Why the sender block would be wrong (no store address for envelopes, labels, postcards), or null */
  senderWarning: string | null
}

const cardList = (rows: BirthdayMember[]) => {
  const shown = rows.slice(0, 5).map((r) => r.cardNo)
  return `${shown.join('、')}${rows.length > 5 ? ` 等 ${rows.length} 位` : ''}`
}

/** Who a run would print and what it costs; throws (in Chinese) when it may not be printed. */
export function prepareBirthdayBatch(db: Db, input: BatchInput): PreparedBatch {
  const b = parseInput(batchInputSchema, input)
  const month = birthdaysOfMonth(db, { month: b.month })
  let recipients: BirthdayMember[]
  if (b.memberIds) {
    const wanted = new Set(b.memberIds)
    recipients = month.rows.filter((r) => wanted.has(r.memberId))
    if (recipients.length < wanted.size) {
      throw validationError(
        `有 ${wanted.size - recipients.length} 位所选会员不是 ${b.month} 生日的有效会员，请刷新名单后重选`,
      )
    }
    const notMailable = recipients.filter((r) => !isMailable(entryOf(r)))
    if (notMailable.length) {
      throw validationError(
        `${cardList(notMailable)} 不能邮寄（未同意邮寄、地址不全或贺卡曾被退回），请取消勾选或先更正会员资料`,
      )
    }
    const printed = recipients.filter((r) => r.card)
    if (printed.length && !b.reprint) {
      throw conflict(`${cardList(printed)} 本次生日的贺卡已打印过。如确需重印，请勾选"重印"后再打印`)
    }
  } else {
    recipients = month.rows.filter((r) => isMailable(entryOf(r)) && (b.reprint || !r.card))
    if (!recipients.length) throw validationError(`${b.month} 没有待打印的贺卡（可寄会员都已打印过）`)
  }
  const estimate = monthCostEstimate(db, b.month, month.counts)
  const cards = {
    count: recipients.length,
    unitFen: estimate.cards.unitFen,
    fen: recipients.length * estimate.cards.unitFen,
  }
  return {
    month: b.month,
    design: b.design,
    labels: b.labels,
    labelOffset: b.labels ? b.labelOffset : 0,
    reprint: b.reprint,
    recipients,
    reprinted: recipients.filter((r) => r.card).length,
    cards,
    sms: estimate.sms,
    gifts: estimate.gifts,
    senderWarning: senderWarning(getSettings(db), b),
  }
}

/** A run as the clerk confirms it: how many cards, reprints, label sheets and the costs. */
export interface BatchPlan {
  month: string
  count: number
  reprinted: number
  cards: CostLine
  sms: CostLine
  gifts: CostLine
  /** Label sheets (or envelopes) it takes */
  sheets: number
  /** Shown before anything is printed: the sender block has no address (db/rules/mailBlock.ts) */
  senderWarning: string | null
}

export const batchPlan = (p: PreparedBatch): BatchPlan => ({
  month: p.month,
  count: p.recipients.length,
  reprinted: p.reprinted,
  cards: p.cards,
  sms: p.sms,
  gifts: p.gifts,
  sheets: p.labels ? Math.ceil((p.recipients.length + p.labelOffset) / labelsPerSheet(p.labels)) : 0,
  senderWarning: p.senderWarning,
})

/** One member's card (and label) to look at; `template` is a greeting not saved yet. */
export interface PreviewInput {
  month: string
  memberId: number
  design: CardDesign
  labels?: LabelLayout | null
  template?: string
}

const entryOf = (r: BirthdayMember) => ({ mail: r.mailConsent, addressOk: r.hasAddress, returned: r.addressReturned })

export interface BatchSummary {
  id: number
  month: string
  design: CardDesign
  labels: LabelLayout | null
  labelOffset: number
  reprint: boolean
  cardCount: number
  cardUnitFen: number
  cardFen: number
  smsFen: number
  giftFen: number
  operatorName: string
  at: number
  mailed: number
  returned: number
}

const stmts = statements((s) => ({
  insertBatch: s.prepare(
    `INSERT INTO birthday_batches (month, design, labels, label_offset, reprint, card_count, card_unit_fen,
       sms_segments, sms_fen, gift_count, gift_fen, operator_id, operator_name, at)
     VALUES (@month, @design, @labels, @labelOffset, @reprint, @cardCount, @cardUnitFen,
       @smsSegments, @smsFen, @giftCount, @giftFen, @operatorId, @operatorName, @at)`,
  ),
  insertCard: s.prepare(
    `INSERT INTO birthday_cards (batch_id, member_id, birthday_date, status, status_at, status_by, status_by_name)
     VALUES (?, ?, ?, 'printed', ?, ?, ?)`,
  ),
  batches: s.prepare(
    `SELECT b.id, b.month, b.design, b.labels, b.label_offset AS labelOffset, b.reprint, b.card_count AS cardCount,
            b.card_unit_fen AS cardUnitFen, b.card_count * b.card_unit_fen AS cardFen, b.sms_fen AS smsFen,
            b.gift_fen AS giftFen, b.operator_name AS operatorName, b.at,
            (SELECT count(*) FROM birthday_cards c WHERE c.batch_id = b.id AND c.status = 'mailed') AS mailed,
            (SELECT count(*) FROM birthday_cards c WHERE c.batch_id = b.id AND c.status = 'returned') AS returned
       FROM birthday_batches b WHERE (? IS NULL OR b.month = ?) ORDER BY b.id DESC`,
  ),
  batch: s.prepare(`SELECT id, month FROM birthday_batches WHERE id = ?`),
  cards: s.prepare(
    `SELECT c.id, c.member_id AS memberId, m.card_no AS cardNo, m.name, c.birthday_date AS birthdayDate, c.status,
            c.status_at AS statusAt, c.status_by_name AS statusByName, m.province, m.city, m.district
       FROM birthday_cards c JOIN members m ON m.id = c.member_id
      WHERE c.batch_id = ? ORDER BY c.id`,
  ),
  card: s.prepare(`SELECT id, member_id AS memberId, status FROM birthday_cards WHERE id = ?`),
  setStatus: s.prepare(
    `UPDATE birthday_cards SET status = ?, status_at = ?, status_by = ?, status_by_name = ? WHERE id = ?`,
  ),
  flagAddress: s.prepare(`UPDATE members SET address_returned_at = ? WHERE id = ?`),
}))

/**
 * Records a printed run: the batch with its costs and one card per member, in one transaction.
 * Everything is checked again here (someone may have printed the same cards meanwhile).
 */
export function recordBirthdayBatch(db: Db, input: BatchInput, actor: Actor): BatchSummary {
  return inTransaction(db, () => {
    const p = prepareBirthdayBatch(db, input)
    const st = stmts(db)
    const at = db.now().getTime()
    const id = Number(
      st.insertBatch.run({
        month: p.month,
        design: p.design,
        labels: p.labels,
        labelOffset: p.labelOffset,
        reprint: p.reprinted > 0 ? 1 : 0,
        cardCount: p.cards.count,
        cardUnitFen: p.cards.unitFen,
        smsSegments: p.sms.count,
        smsFen: p.sms.fen,
        giftCount: p.gifts.count,
        giftFen: p.gifts.fen,
        operatorId: actor.id,
        operatorName: actor.name,
        at,
      }).lastInsertRowid,
    )
    for (const r of p.recipients) st.insertCard.run(id, r.memberId, r.dateThisYear, at, actor.id, actor.name)
    return listBirthdayBatches(db, { month: p.month }).find((b) => b.id === id)!
  })
}

export function listBirthdayBatches(db: Db, input: { month?: string } = {}): BatchSummary[] {
  const month = input.month === undefined ? null : parseInput(birthdayMonthSchema.shape.month, input.month)
  return (stmts(db).batches.all(month, month) as (Omit<BatchSummary, 'reprint'> & { reprint: number })[]).map((b) => ({
    ...b,
    reprint: b.reprint === 1,
  }))
}

const labelsAgainSchema = z
  .object({
    batchId: z.number({ error: '找不到该打印批次' }).int().positive(),
    layout: z.enum(LABEL_LAYOUTS, { error: '请选择信封或标签版式' }),
    offset: z.number().int('起始位置须为整数').min(0, '起始位置不能为负').default(0),
  })
  .refine((b) => b.offset < labelsPerSheet(b.layout), {
    error: (iss) => {
      const b = iss.input as { layout: LabelLayout }
      return `起始位置应在 0–${labelsPerSheet(b.layout) - 1} 之间`
    },
    path: ['offset'],
  })

/** A recorded batch's recipients in print order, for its envelopes or labels again (no new batch). */
export function batchLabelRecipients(
  db: Db,
  input: z.input<typeof labelsAgainSchema>,
): { batch: BatchSummary; layout: LabelLayout; offset: number; recipients: BirthdayMember[] } {
  const q = parseInput(labelsAgainSchema, input)
  const batch = listBirthdayBatches(db).find((b) => b.id === q.batchId)
  if (!batch) throw validationError('找不到该打印批次')
  const ids = new Set(birthdayBatchCards(db, { batchId: batch.id }).map((c) => c.memberId))
  const recipients = birthdaysOfMonth(db, { month: batch.month, status: 'all' }).rows.filter((r) => ids.has(r.memberId))
  return { batch, layout: q.layout, offset: q.offset, recipients }
}

export interface BatchCard {
  id: number
  memberId: number
  cardNo: string
  name: string
  birthdayDate: string
  status: BirthdayCardStatus
  statusAt: number
  statusByName: string
  /** Where it went, to the district (the street stays in the member's record) */
  place: string
}

export function birthdayBatchCards(db: Db, input: { batchId: number }): BatchCard[] {
  const { batchId } = parseInput(z.object({ batchId: z.number().int().positive() }), input)
  if (!stmts(db).batch.get(batchId)) throw notFound('找不到该打印批次')
  type Raw = Omit<BatchCard, 'place'> & { province: string | null; city: string | null; district: string | null }
  return (stmts(db).cards.all(batchId) as Raw[]).map(({ province, city, district, ...c }) => ({
    ...c,
    place: [province, city === province ? null : city, district].filter(Boolean).join(''),
  }))
}

const markSchema = z.object({
  cardIds: z.array(z.number().int().positive()).min(1, '请至少选择一张贺卡').max(50_000),
  status: z.enum(['mailed', 'returned'], { error: '状态只能是已寄出或退回' }),
})

/**
 * Marks cards mailed, or returned undeliverable — which flags the member's address until it is
 * corrected (the address trigger clears the flag). A returned card stays returned.
 */
export function markBirthdayCards(
  db: Db,
  input: z.input<typeof markSchema>,
  actor: Actor,
): { changed: number; flagged: number } {
  const q = parseInput(markSchema, input)
  return inTransaction(db, () => {
    const st = stmts(db)
    const at = db.now().getTime()
    let changed = 0
    let flagged = 0
    for (const id of new Set(q.cardIds)) {
      const card = st.card.get(id) as { id: number; memberId: number; status: BirthdayCardStatus } | undefined
      if (!card) throw notFound('找不到所选的贺卡记录，请刷新后重试')
      if (card.status === q.status) continue
      if (card.status === 'returned') throw conflict('已退回的贺卡不能再标记为已寄出；更正地址后可重印')
      st.setStatus.run(q.status, at, actor.id, actor.name, id)
      changed++
      if (q.status === 'returned') {
        st.flagAddress.run(at, card.memberId)
        flagged++
      }
    }
    return { changed, flagged }
  })
}
