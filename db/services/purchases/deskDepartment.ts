import { validationError } from '../../errors'
import type { Db } from '../../handle'
import { statements } from '../../statements'
import { canonicalCounter, canonicalDepartment, inactiveProblem } from '../departments/list'

const st = statements((s) => ({
  originalLines: s.prepare(
    `SELECT department, counter FROM purchases
     WHERE receipt_no = ? AND member_id = ? AND amount_fen > 0 ORDER BY line_no`,
  ),
  active: s.prepare('SELECT active FROM departments WHERE name = ?').pluck(),
}))

/**
 * The 课别 and 专柜 of a desk purchase, from the master list (设置 → 课别与专柜). A return takes
 * them from its original receipt (the line of the chosen 课别 when the receipt had several), so a
 * department's sales are netted where they were made, whatever the desk picked. A sale's 课别 must
 * be an active department of the list (an old name or a mapped variant is read as the department
 * it means) and its 专柜 one of that department's active counters; both may be left empty.
 */
export function deskDepartment(
  db: Db,
  v: { memberId: number; amountFen: number; originalReceiptNo?: string; department: string; counter: string },
): { department: string; counter: string } {
  if (v.amountFen < 0 && v.originalReceiptNo) {
    const lines = st(db).originalLines.all(v.originalReceiptNo, v.memberId) as { department: string; counter: string }[]
    if (lines.length) {
      const wanted = v.department ? canonicalDepartment(db, v.department) : null
      const pick =
        lines.find(
          (l) =>
            wanted &&
            (canonicalDepartment(db, l.department) ?? l.department) === wanted &&
            (!v.counter || l.counter === v.counter),
        ) ??
        lines.find((l) => wanted && (canonicalDepartment(db, l.department) ?? l.department) === wanted) ??
        lines[0]!
      return { department: pick.department, counter: pick.counter }
    }
  }
  if (!v.department) {
    if (v.counter) throw validationError('请先选择课别，再选专柜', [{ field: 'department', message: '请选择课别' }])
    return { department: '', counter: '' }
  }
  const department = canonicalDepartment(db, v.department)
  if (!department) {
    const message = `课别「${v.department}」不在课别列表中：请从列表中选择，或请管理员在 设置 → 课别与专柜 中添加`
    throw validationError(message, [{ field: 'department', message }])
  }
  if (st(db).active.get(department) !== 1) {
    const message = `课别「${department}」已停用，请选择其他课别`
    throw validationError(message, [{ field: 'department', message }])
  }
  if (!v.counter) return { department, counter: '' }
  const counter = canonicalCounter(db, department, v.counter)
  if (!counter) {
    const message = `专柜「${v.counter}」不属于课别「${department}」：请从列表中选择`
    throw validationError(message, [{ field: 'counter', message }])
  }
  const stopped = inactiveProblem(db, department, counter)
  if (stopped) {
    const message = `${stopped.message}，请选择其他专柜`
    throw validationError(message, [{ field: stopped.field, message }])
  }
  return { department, counter }
}
