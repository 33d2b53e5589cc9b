import { randomInt } from 'node:crypto'
import type { Actor } from '../../actor'
import { conflict, notFound } from '../../errors'
import type { Db } from '../../handle'
import { voucherNoFrom, type VoucherEventKind, type VoucherSource, type VoucherStatus } from '../../rules/vouchers'
import { statements } from '../../statements'

/** A voucher row as the services read it. */
export interface VoucherRow {
  id: number
  voucherNo: string
  kind: string
  valueFen: number
  memberId: number
  source: VoucherSource
  reason: string
  ref: string | null
  pointsUsed: number
  validFrom: number
  validUntil: number
  minSpendFen: number
  departments: string[]
  earnsPoints: boolean
  status: VoucherStatus
  issuedAt: number
  usedReceiptNo: string | null
  usedAt: number | null
}

const COLUMNS = `id, voucher_no AS voucherNo, kind, value_fen AS valueFen, member_id AS memberId, source, reason, ref,
  points_used AS pointsUsed, valid_from AS validFrom, valid_until AS validUntil, min_spend_fen AS minSpendFen,
  departments, earns_points AS earnsPoints, status, issued_at AS issuedAt, used_receipt_no AS usedReceiptNo,
  used_at AS usedAt`

const stmts = statements((s) => ({
  byNo: s.prepare(`SELECT ${COLUMNS} FROM vouchers WHERE voucher_no = ?`),
  byId: s.prepare(`SELECT ${COLUMNS} FROM vouchers WHERE id = ?`),
  exists: s.prepare('SELECT 1 FROM vouchers WHERE voucher_no = ?').pluck(),
  insert: s.prepare(
    `INSERT INTO vouchers (voucher_no, kind, value_fen, member_id, source, reason, ref, points_used, valid_from,
       valid_until, min_spend_fen, departments, earns_points, status, issued_at, issued_by)
     VALUES (@voucherNo, @kind, @valueFen, @memberId, @source, @reason, @ref, @pointsUsed, @validFrom, @validUntil,
       @minSpendFen, @departments, @earnsPoints, 'issued', @issuedAt, @issuedBy)`,
  ),
  event: s.prepare(
    `INSERT INTO voucher_events (voucher_id, kind, at, receipt_no, channel, reason, operator_id, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ),
  status: s.prepare('UPDATE vouchers SET status = ?, used_receipt_no = ?, used_at = ? WHERE id = ? AND status = ?'),
}))

function rowOf(r: Record<string, unknown> | undefined): VoucherRow | undefined {
  if (!r) return undefined
  return { ...r, departments: JSON.parse(r.departments as string), earnsPoints: Boolean(r.earnsPoints) } as VoucherRow
}

export const voucherByNo = (db: Db, no: string): VoucherRow | undefined =>
  rowOf(stmts(db).byNo.get(no) as Record<string, unknown> | undefined)

export function voucherById(db: Db, id: number): VoucherRow {
  const v = rowOf(stmts(db).byId.get(id) as Record<string, unknown> | undefined)
  if (!v) throw notFound('找不到该券')
  return v
}

/**
 * A fresh number: random, so the next voucher's number cannot be guessed from one in hand. The
 * seed passes its own source so the same seed gives the same numbers.
 */
export function newVoucherNo(db: Db, random: () => number = () => randomInt(10_000_000_000)): string {
  for (let i = 0; i < 20; i++) {
    const body = String(1 + (random() % 9)) + String(random() % 10_000_000_000).padStart(10, '0')
    const no = voucherNoFrom(body)
    if (stmts(db).exists.get(no) === undefined) return no
  }
  throw conflict('生成券号失败，请重试')
}

export interface NewVoucher {
  kind: string
  valueFen: number
  memberId: number
  source: VoucherSource
  reason: string
  ref: string | null
  pointsUsed: number
  validFrom: number
  validUntil: number
  minSpendFen: number
  departments: string[]
  earnsPoints: boolean
}

/** Writes the voucher and its 'issued' event; the caller holds the transaction. */
export function insertVoucher(db: Db, v: NewVoucher, actor: Actor, channel: string, no = newVoucherNo(db)): VoucherRow {
  const now = db.now().getTime()
  let info
  try {
    info = stmts(db).insert.run({
      ...v,
      voucherNo: no,
      departments: JSON.stringify(v.departments),
      earnsPoints: v.earnsPoints ? 1 : 0,
      issuedAt: now,
      issuedBy: actor.id,
    })
  } catch (e) {
    if (v.ref && /UNIQUE constraint failed: vouchers\.ref/.test(String(e))) throw conflict('该券已发放过，不能重复发放')
    throw e
  }
  const id = Number(info.lastInsertRowid)
  stmts(db).event.run(id, 'issued', now, null, channel, v.reason, actor.id, now)
  return voucherById(db, id)
}

/** Appends the event that ends a voucher and writes its status; refused when it is not open any more. */
export function closeVoucher(
  db: Db,
  v: VoucherRow,
  e: {
    kind: Exclude<VoucherEventKind, 'issued'>
    at: number
    receiptNo?: string | null
    channel: string
    reason?: string
  },
  actor: Actor,
): void {
  const status: VoucherStatus = e.kind
  const usedReceipt = e.kind === 'used' ? (e.receiptNo ?? '') : null
  const usedAt = e.kind === 'used' ? e.at : null
  const changed = stmts(db).status.run(status, usedReceipt, usedAt, v.id, 'issued').changes
  if (changed !== 1) throw conflict(`券 ${v.voucherNo} 已不是未使用状态`)
  stmts(db).event.run(v.id, e.kind, e.at, e.receiptNo ?? null, e.channel, e.reason ?? '', actor.id, db.now().getTime())
}
