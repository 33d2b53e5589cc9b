import type { Actor } from '../../actor'
import { validationError } from '../../errors'
import type { Db } from '../../handle'

/** One month's sales of one department, as the planners entered or imported it. */
export interface StoreSalesRow {
  /** YYYY-MM */
  month: string
  department: string
  amountFen: number
  source: 'import' | 'manual'
  updatedAt: number
  /** Operator name */
  updatedBy: string | null
}

export interface StoreSalesQuery {
  /** YYYY-MM; default: the last 12 months */
  from?: string
  to?: string
}

export interface SaveStoreSalesInput {
  month: string
  department: string
  amountFen: number
}

export interface StoreSalesImportResult {
  file: string
  rows: number
  added: number
  replaced: number
}

const TODO = () => validationError('全店销售功能尚未完成')

export function listStoreSales(db: Db, input: StoreSalesQuery): StoreSalesRow[] {
  void db
  void input
  throw TODO()
}

export function saveStoreSales(db: Db, input: SaveStoreSalesInput, actor: Actor): StoreSalesRow {
  void db
  void input
  void actor
  throw TODO()
}

export function deleteStoreSales(
  db: Db,
  input: { month: string; department: string },
  actor: Actor,
): { deleted: boolean } {
  void db
  void input
  void actor
  throw TODO()
}
