import type { Actor } from '../../db/actor'
import type { Db } from '../../db/handle'
import { addStaff, type AddStaffInput } from '../../db/services/care'
import { createMember } from '../../db/services/members'
import { recordPurchase } from '../../db/services/purchases'
import { storeDate } from './storeTime'

/** A staff member hired long enough ago to maintain VIPs, for tests. */
export const makeStaff = (db: Db, actor: Actor, name: string, over: Partial<AddStaffInput> = {}) =>
  addStaff(db, { name, department: '营业一课', hireDate: '2024-01-02', ...over }, actor)

let receipt = 0
/** A member with purchases (yuan, department) a month before the test clock's day; negative: a return. */
export function makeBuyer(
  db: Db,
  actor: Actor,
  cardNo: string,
  buys: [yuan: number, department?: string][] = [],
  when = storeDate(2026, 9, 20, 14).getTime(),
): number {
  const id = createMember(db, { cardNo, name: `会员${cardNo}`, phone: '13912345678' }, actor).id
  let last = ''
  for (const [yuan, department] of buys) {
    // A negative amount returns the member's previous receipt.
    const originalReceiptNo = yuan < 0 ? last : undefined
    last = `R${++receipt}`
    recordPurchase(
      db,
      { memberId: id, receiptNo: last, amountFen: yuan * 100, purchasedAt: when, department, originalReceiptNo },
      actor,
    )
  }
  return id
}

/** Every vip_assignments row, for "nothing changed" checks. */
export const assignmentRows = (db: Db) => db.sqlite.prepare('SELECT * FROM vip_assignments ORDER BY id').all()
