import type { Db } from '../../handle'
import { statements } from '../../statements'

/** Every single character and every adjacent pair: enough to find any part of a Chinese name. */
export function nameGrams(name: string): string[] {
  const chars = [...name.replace(/\s/g, '').toLowerCase()]
  const grams = new Set<string>(chars)
  for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i]! + chars[i + 1]!)
  return [...grams]
}

const stmts = statements((s) => ({
  del: s.prepare('DELETE FROM member_name_grams WHERE member_id = ?'),
  add: s.prepare('INSERT OR IGNORE INTO member_name_grams (gram, member_id) VALUES (?, ?)'),
}))

export function writeNameGrams(db: Db, memberId: number, name: string, replace: boolean): void {
  const st = stmts(db)
  if (replace) st.del.run(memberId)
  for (const g of nameGrams(name)) st.add.run(g, memberId)
}
