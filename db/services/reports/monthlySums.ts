import { storeZone } from '../../clock'
import type { Ymd } from '../../rules/dates'
import { monthKeyInZone } from '../../rules/storeClock'
import { storeDayCache } from '../../rules/storeDayCache'
import type { Db } from '../../handle'
import { statements } from '../../statements'
import { canonicalDepartment } from '../departments/list'

/**
 * The monthly sums the dashboard reads (sales_monthly, points_monthly) are caches of the purchases
 * and the points ledger, kept like members.points: written in the same transaction as the lines,
 * one upsert per line, or — in a batch (a till import, the sample seed) — summed in memory and
 * written by `flush` before the transaction ends. Insert triggers did the same job but made a
 * million-line import about ten seconds slower. Migration 0008 filled them from existing lines.
 */

const stmts = statements((s) => ({
  sale: s.prepare(
    `INSERT INTO sales_monthly (month, department, amount_fen, lines, return_lines) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (month, department) DO UPDATE SET amount_fen = amount_fen + excluded.amount_fen,
       lines = lines + excluded.lines, return_lines = return_lines + excluded.return_lines`,
  ),
  points: s.prepare(
    `INSERT INTO points_monthly (month, kind, department, points, entries) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (month, kind, department) DO UPDATE SET points = points + excluded.points,
       entries = entries + excluded.entries`,
  ),
  department: s.prepare('SELECT department FROM purchases WHERE id = ?').pluck(),
}))

/** yyyymm of a moment by the store's calendar (its time-zone setting), whatever the machine's zone. */
export const storeMonthOf = (db: Db, ms: number): number => monthKeyInZone(ms, storeZone(db))

export interface SaleLine {
  /** yyyymmdd */
  purchaseDate: number
  department: string
  amountFen: number
}

export interface PointsMove {
  at: number
  kind: string
  delta: number
  /** The department of the purchase that earned the points; looked up from purchaseId when absent */
  department?: string
  purchaseId?: number | null
}

/**
 * Sums are kept under a department's canonical name: a line under an old name (a return of a
 * receipt from before a rename) or a mapped variant adds to the department it means.
 */
const canonical = (db: Db, name: string): string => (name ? (canonicalDepartment(db, name) ?? name) : '')

function departmentOf(db: Db, m: PointsMove): string {
  if (m.department !== undefined) return m.department
  if (!m.purchaseId) return ''
  return (stmts(db).department.get(m.purchaseId) as string | undefined) ?? ''
}

export function addSale(db: Db, line: SaleLine): void {
  const { amountFen: a } = line
  stmts(db).sale.run(
    Math.floor(line.purchaseDate / 100),
    canonical(db, line.department),
    a,
    a > 0 ? 1 : 0,
    a < 0 ? 1 : 0,
  )
}

export function addPointsMove(db: Db, m: PointsMove): void {
  stmts(db).points.run(storeMonthOf(db, m.at), m.kind, canonical(db, departmentOf(db, m)), m.delta, 1)
}

/** The same sums for a batch, written once per month and department by `flush`. */
export class MonthlySumsBatch {
  private readonly sales = new Map<string, [number, string, number, number, number]>()
  private readonly moves = new Map<string, [number, string, string, number, number]>()

  /** The store's day of a moment, cached across a batch's mostly same-day moves. */
  private readonly storeDay: (ms: number) => Ymd

  constructor(private readonly db: Db) {
    this.storeDay = storeDayCache(storeZone(db))
  }

  sale(line: SaleLine): void {
    const month = Math.floor(line.purchaseDate / 100)
    const key = `${month}|${line.department}`
    const s = this.sales.get(key) ?? [month, line.department, 0, 0, 0]
    s[2] += line.amountFen
    if (line.amountFen > 0) s[3]++
    if (line.amountFen < 0) s[4]++
    this.sales.set(key, s)
  }

  move(m: PointsMove): void {
    const day = this.storeDay(m.at)
    const month = day.y * 100 + day.m
    const department = departmentOf(this.db, m)
    const key = `${month}|${m.kind}|${department}`
    const p = this.moves.get(key) ?? [month, m.kind, department, 0, 0]
    p[3] += m.delta
    p[4]++
    this.moves.set(key, p)
  }

  flush(): void {
    const st = stmts(this.db)
    const names = new Map<string, string>()
    const name = (d: string) => names.get(d) ?? (names.set(d, canonical(this.db, d)), names.get(d)!)
    for (const [m, d, ...rest] of this.sales.values()) st.sale.run(m, name(d), ...rest)
    for (const [m, k, d, ...rest] of this.moves.values()) st.points.run(m, k, name(d), ...rest)
    this.sales.clear()
    this.moves.clear()
  }
}
