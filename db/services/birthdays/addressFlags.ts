import type { Db } from '../../handle'
import { isUsableAddress } from '../../rules/mailAddress'
import { statements } from '../../statements'

type Raw = [number, string | null, string | null, string | null, string | null, string | null]

const stmts = statements((s) => ({
  unknown: s
    .prepare(
      `SELECT id, province, city, district, address, postal_code FROM members INDEXED BY members_address_unknown
       WHERE address_ok IS NULL`,
    )
    .raw(),
  set: s.prepare('UPDATE members SET address_ok = ? WHERE id = ?'),
}))

/**
 * Works out members.address_ok where it is null (new members, changed addresses — the trigger in
 * migration 0007 clears it). A derived flag, like a cache: it records no operator. Usually there
 * is nothing to do, and the partial index makes finding that out one lookup.
 */
export function refreshAddressFlags(db: Db): number {
  const st = stmts(db)
  const rows = st.unknown.all() as Raw[]
  if (!rows.length) return 0
  db.sqlite.transaction(() => {
    for (const [id, province, city, district, address, postalCode] of rows) {
      st.set.run(isUsableAddress({ province, city, district, address, postalCode }) ? 1 : 0, id)
    }
  })()
  return rows.length
}
