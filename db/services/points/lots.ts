import type { Db } from '../../handle'
import { storeZone } from '../../clock'
import { expiryCache, type ExpiryRules } from '../../rules/expiry'
import { statements } from '../../statements'

/** What is left of one grant (a positive movement) after the deductions that followed it. */
export interface Lot {
  at: number
  /** Local midnight (ms) of the day the grant lapses */
  expires: number
  left: number
}

const stmts = statements((s) => ({
  // points_ledger_member (member_id, id) gives this order without a sort.
  all: s.prepare('SELECT member_id, at, kind, delta FROM points_ledger ORDER BY member_id, id').raw(),
  member: s.prepare('SELECT at, kind, delta FROM points_ledger WHERE member_id = ? ORDER BY id').raw(),
}))

/**
 * Spends a member's ledger first-in first-out: every positive movement is a grant, every negative
 * one consumes the oldest grants still open. An 'expire' entry takes the grants that had lapsed by
 * its date first, so a second run of the expiry finds them spent whatever order the ids are in.
 */
export class LotBook {
  lots: Lot[] = []
  private head = 0

  constructor(private readonly expiryOf: (at: number) => number) {}

  apply(at: number, kind: string, delta: number): void {
    if (delta > 0) {
      this.lots.push({ at, expires: this.expiryOf(at), left: delta })
      return
    }
    let need = -delta
    if (kind === 'expire') need = this.take(need, (l) => l.expires <= at)
    this.take(need, () => true)
    while (this.head < this.lots.length && this.lots[this.head]!.left === 0) this.head++
  }

  private take(need: number, which: (l: Lot) => boolean): number {
    for (let i = this.head; need > 0 && i < this.lots.length; i++) {
      const l = this.lots[i]!
      if (l.left === 0 || !which(l)) continue
      const n = Math.min(l.left, need)
      l.left -= n
      need -= n
    }
    return need
  }

  /** The grants with something left, oldest first. */
  open(): Lot[] {
    return this.lots.slice(this.head).filter((l) => l.left > 0)
  }
}

/**
 * One pass over the whole ledger, member by member, calling `visit` with each member's open grants.
 * The statement is iterated (not loaded), so millions of entries cost no memory; `visit` must not
 * write to the database while the pass is running.
 */
export function walkLots(db: Db, rules: ExpiryRules, visit: (memberId: number, lots: Lot[]) => void): void {
  const expiryOf = expiryCache(rules, storeZone(db))
  let member = -1
  let book = new LotBook(expiryOf)
  for (const row of stmts(db).all.iterate() as IterableIterator<[number, number, string, number]>) {
    const [memberId, at, kind, delta] = row
    if (memberId !== member) {
      if (member !== -1) visit(member, book.open())
      member = memberId
      book = new LotBook(expiryOf)
    }
    book.apply(at, kind, delta)
  }
  if (member !== -1) visit(member, book.open())
}

/** One member's open grants, oldest first (a desk, a redemption: one member's ledger, by index). */
export function memberLots(db: Db, rules: ExpiryRules, memberId: number): Lot[] {
  const book = new LotBook(expiryCache(rules, storeZone(db)))
  for (const [at, kind, delta] of stmts(db).member.all(memberId) as [number, string, number][])
    book.apply(at, kind, delta)
  return book.open()
}
