import { storeZone } from '../../clock'
import type { Db } from '../../handle'
import { firstDayOf, lastDayOf, type MonthKey } from '../../rules/months'
import { intToYmd } from '../../rules/dates'
import { endOfDayMs, startOfDayMs } from '../../rules/storeClock'
import { statements } from '../../statements'

/** The programme's voucher liability for a month, in fen; the fields `report kpi` adds. */
export interface VoucherFigures {
  vouchersIssued: number
  vouchersUsed: number
  vouchersExpired: number
  /** Issued by the month's end and neither used, expired nor voided by then */
  vouchersOutstanding: number
}

const stmts = statements((s) => ({
  moved: s.prepare(
    `SELECT e.kind, v.kind AS voucherKind, sum(v.value_fen) AS fen, count(*) AS n
       FROM voucher_events e INDEXED BY voucher_events_kind_at JOIN vouchers v ON v.id = e.voucher_id
      WHERE e.kind = ? AND e.at BETWEEN ? AND ? GROUP BY v.kind`,
  ),
  upTo: s.prepare(
    `SELECT e.kind, v.kind AS voucherKind, sum(v.value_fen) AS fen
       FROM voucher_events e JOIN vouchers v ON v.id = e.voucher_id WHERE e.at <= ? GROUP BY e.kind, v.kind`,
  ),
}))

export interface VoucherKindFigures extends VoucherFigures {
  kind: string
}

/** Per kind, then the total; a kind with no movement and nothing outstanding is left out. */
export function voucherFiguresByKind(db: Db, key: MonthKey): { kinds: VoucherKindFigures[]; total: VoucherFigures } {
  const zone = storeZone(db)
  const from = startOfDayMs(intToYmd(firstDayOf(key)), zone)
  const to = endOfDayMs(intToYmd(lastDayOf(key)), zone)
  const kinds = new Map<string, VoucherKindFigures>()
  const of = (kind: string) => {
    let k = kinds.get(kind)
    if (!k)
      kinds.set(kind, (k = { kind, vouchersIssued: 0, vouchersUsed: 0, vouchersExpired: 0, vouchersOutstanding: 0 }))
    return k
  }
  const st = stmts(db)
  const field = { issued: 'vouchersIssued', used: 'vouchersUsed', expired: 'vouchersExpired' } as const
  for (const e of ['issued', 'used', 'expired'] as const) {
    for (const r of st.moved.all(e, from, to) as { voucherKind: string; fen: number }[])
      of(r.voucherKind)[field[e]] += r.fen
  }
  for (const r of st.upTo.all(to) as { kind: string; voucherKind: string; fen: number }[])
    of(r.voucherKind).vouchersOutstanding += r.kind === 'issued' ? r.fen : -r.fen
  const list = [...kinds.values()]
    .filter((k) => k.vouchersIssued || k.vouchersUsed || k.vouchersExpired || k.vouchersOutstanding)
    .sort((a, b) => a.kind.localeCompare(b.kind, 'zh-CN'))
  const total: VoucherFigures = { vouchersIssued: 0, vouchersUsed: 0, vouchersExpired: 0, vouchersOutstanding: 0 }
  for (const k of list) {
    total.vouchersIssued += k.vouchersIssued
    total.vouchersUsed += k.vouchersUsed
    total.vouchersExpired += k.vouchersExpired
    total.vouchersOutstanding += k.vouchersOutstanding
  }
  return { kinds: list, total }
}

export const voucherFigures = (db: Db, key: MonthKey): VoucherFigures => voucherFiguresByKind(db, key).total
