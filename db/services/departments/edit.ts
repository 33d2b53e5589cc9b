import type { Actor } from '../../actor'
import { conflict, notFound, validationError } from '../../errors'
import { inTransaction, type Db } from '../../handle'
import { parseInput, z } from '../../validate'
import { recordAudit } from '../audit'
import { departmentName, insertCounter, listDepartments, type DepartmentRow } from './list'

interface Raw {
  id: number
  name: string
  active: number
}

const one = (db: Db, id: number): Raw => {
  const d = db.sqlite.prepare('SELECT id, name, active FROM departments WHERE id = ?').get(id) as Raw | undefined
  if (!d) throw notFound('找不到该课别')
  return d
}
const byName = (db: Db, name: string) =>
  db.sqlite.prepare('SELECT id, name, active FROM departments WHERE name = ?').get(name) as Raw | undefined
const row = (db: Db, id: number) => listDepartments(db).find((d) => d.id === id)!

/**
 * Moves the figures kept per department name from one name to another, adding where the target
 * already has a figure: the monthly VIP sums, the points sums, the store's own sales and the staff
 * register. Purchases themselves are an append-only ledger and keep the name their receipt had;
 * the alias left behind makes them count under the new name wherever they are read again.
 */
function moveFigures(db: Db, from: string, to: string): void {
  const x = db.sqlite
  x.prepare(
    `INSERT INTO sales_monthly (month, department, amount_fen, lines, return_lines)
     SELECT month, ?, amount_fen, lines, return_lines FROM sales_monthly WHERE department = ? AND true
     ON CONFLICT (month, department) DO UPDATE SET amount_fen = amount_fen + excluded.amount_fen,
       lines = lines + excluded.lines, return_lines = return_lines + excluded.return_lines`,
  ).run(to, from)
  x.prepare('DELETE FROM sales_monthly WHERE department = ?').run(from)
  x.prepare(
    `INSERT INTO points_monthly (month, kind, department, points, entries)
     SELECT month, kind, ?, points, entries FROM points_monthly WHERE department = ? AND true
     ON CONFLICT (month, kind, department) DO UPDATE SET points = points + excluded.points,
       entries = entries + excluded.entries`,
  ).run(to, from)
  x.prepare('DELETE FROM points_monthly WHERE department = ?').run(from)
  x.prepare(
    `INSERT INTO store_sales (month, department, amount_fen, source, updated_at, updated_by)
     SELECT month, ?, amount_fen, source, updated_at, updated_by FROM store_sales WHERE department = ? AND true
     ON CONFLICT (month, department) DO UPDATE SET amount_fen = amount_fen + excluded.amount_fen`,
  ).run(to, from)
  x.prepare('DELETE FROM store_sales WHERE department = ?').run(from)
  x.prepare('UPDATE staff SET department = ? WHERE department = ?').run(to, from)
}

const renameSchema = z.object({
  id: z.number().int().positive(),
  name: departmentName('课别'),
  /** When the new name is another department's: fold this one into it */
  merge: z.boolean().default(false),
})
export type RenameDepartmentInput = z.input<typeof renameSchema>

/**
 * Renames a department. The old name stays as an alias, so old purchases, till files and reports
 * still find it; the monthly figures move to the new name. Renaming onto another department's name
 * with `merge` folds this one into it (counters, aliases and figures), the way 营业1课 becomes
 * 营业一课.
 */
export function renameDepartment(db: Db, input: RenameDepartmentInput, actor: Actor): DepartmentRow {
  const v = parseInput(renameSchema, input)
  return inTransaction(db, () => {
    const d = one(db, v.id)
    if (d.name === v.name) return row(db, d.id)
    const target = byName(db, v.name)
    const x = db.sqlite
    if (target) {
      if (!v.merge) throw conflict(`已有课别「${v.name}」。如两者是同一个课别，请选择"合并"`)
      for (const c of x.prepare('SELECT id, name FROM counters WHERE department_id = ?').all(d.id) as Raw[]) {
        const same = x
          .prepare('SELECT id FROM counters WHERE department_id = ? AND name = ?')
          .pluck()
          .get(target.id, c.name)
        if (same === undefined) x.prepare('UPDATE counters SET department_id = ? WHERE id = ?').run(target.id, c.id)
        else {
          x.prepare('UPDATE counter_aliases SET counter_id = ? WHERE counter_id = ?').run(same, c.id)
          x.prepare('DELETE FROM counters WHERE id = ?').run(c.id)
        }
      }
      x.prepare('UPDATE OR IGNORE counter_aliases SET department_id = ? WHERE department_id = ?').run(target.id, d.id)
      x.prepare('DELETE FROM counter_aliases WHERE department_id = ?').run(d.id)
      x.prepare('UPDATE department_aliases SET department_id = ? WHERE department_id = ?').run(target.id, d.id)
      x.prepare('DELETE FROM departments WHERE id = ?').run(d.id)
    } else {
      const aliasOf = x.prepare('SELECT department_id FROM department_aliases WHERE alias = ?').pluck().get(v.name) as
        number | undefined
      if (aliasOf !== undefined && aliasOf !== d.id)
        throw conflict(`「${v.name}」已是另一个课别的旧名或别名，不能再用作新名`)
      x.prepare('DELETE FROM department_aliases WHERE alias = ?').run(v.name)
      x.prepare('UPDATE departments SET name = ?, updated_at = ?, updated_by = ? WHERE id = ?').run(
        v.name,
        db.now().getTime(),
        actor.id,
        d.id,
      )
    }
    const into = target?.id ?? d.id
    x.prepare('INSERT OR REPLACE INTO department_aliases (alias, department_id, created_at) VALUES (?, ?, ?)').run(
      d.name,
      into,
      db.now().getTime(),
    )
    moveFigures(db, d.name, v.name)
    recordAudit(
      db,
      actor,
      'update',
      'department',
      into,
      target ? `课别 ${d.name} 合并到 ${v.name}` : `课别 ${d.name} 改名为 ${v.name}（旧名保留为别名）`,
    )
    return row(db, into)
  })
}

const activeSchema = z.object({ id: z.number().int().positive(), active: z.boolean() })
export type DepartmentActiveInput = z.input<typeof activeSchema>

/** Deactivates (or reactivates) a department: it leaves the pick lists, its history stays. */
export function setDepartmentActive(db: Db, input: DepartmentActiveInput, actor: Actor): DepartmentRow {
  const v = parseInput(activeSchema, input)
  return inTransaction(db, () => {
    const d = one(db, v.id)
    if ((d.active === 1) === v.active) return row(db, d.id)
    db.sqlite
      .prepare('UPDATE departments SET active = ?, updated_at = ?, updated_by = ? WHERE id = ?')
      .run(v.active ? 1 : 0, db.now().getTime(), actor.id, d.id)
    recordAudit(db, actor, 'update', 'department', d.id, `${v.active ? '启用' : '停用'}课别 ${d.name}`)
    return row(db, d.id)
  })
}

const counterSchema = z.object({ departmentId: z.number().int().positive(), name: departmentName('专柜') })
export type AddCounterInput = z.input<typeof counterSchema>

/** Adds a counter to a department. */
export function addCounter(db: Db, input: AddCounterInput, actor: Actor): DepartmentRow {
  const v = parseInput(counterSchema, input)
  return inTransaction(db, () => {
    const d = one(db, v.departmentId)
    const exists = db.sqlite.prepare('SELECT 1 FROM counters WHERE department_id = ? AND name = ?').get(d.id, v.name)
    if (exists) throw conflict(`课别「${d.name}」已有专柜「${v.name}」`)
    const id = insertCounter(db, d.id, v.name)
    recordAudit(db, actor, 'create', 'counter', id, `课别 ${d.name} 新增专柜 ${v.name}`)
    return row(db, d.id)
  })
}

const counterEditSchema = z.object({
  id: z.number().int().positive(),
  name: departmentName('专柜').optional(),
  active: z.boolean().optional(),
})
export type UpdateCounterInput = z.input<typeof counterEditSchema>

/** Renames a counter (the old name becomes its alias) or deactivates / reactivates it. */
export function updateCounter(db: Db, input: UpdateCounterInput, actor: Actor): DepartmentRow {
  const v = parseInput(counterEditSchema, input)
  return inTransaction(db, () => {
    const x = db.sqlite
    const c = x
      .prepare('SELECT id, department_id AS departmentId, name, active FROM counters WHERE id = ?')
      .get(v.id) as (Raw & { departmentId: number }) | undefined
    if (!c) throw notFound('找不到该专柜')
    const changes: string[] = []
    if (v.name !== undefined && v.name !== c.name) {
      if (x.prepare('SELECT 1 FROM counters WHERE department_id = ? AND name = ?').get(c.departmentId, v.name))
        throw conflict(`该课别已有专柜「${v.name}」`)
      const aliasOf = x
        .prepare('SELECT counter_id FROM counter_aliases WHERE department_id = ? AND alias = ?')
        .pluck()
        .get(c.departmentId, v.name) as number | undefined
      // Taking over another counter's old name would silently move its old lines to this one.
      if (aliasOf !== undefined && aliasOf !== c.id)
        throw conflict(`「${v.name}」已是该课别另一个专柜的旧名或别名，不能再用作新名`)
      x.prepare('UPDATE counters SET name = ? WHERE id = ?').run(v.name, c.id)
      x.prepare('DELETE FROM counter_aliases WHERE department_id = ? AND alias = ?').run(c.departmentId, v.name)
      x.prepare('INSERT OR REPLACE INTO counter_aliases (department_id, alias, counter_id) VALUES (?, ?, ?)').run(
        c.departmentId,
        c.name,
        c.id,
      )
      changes.push(`改名为 ${v.name}（旧名保留为别名）`)
    }
    if (v.active !== undefined && v.active !== (c.active === 1)) {
      x.prepare('UPDATE counters SET active = ? WHERE id = ?').run(v.active ? 1 : 0, c.id)
      changes.push(v.active ? '启用' : '停用')
    }
    if (!changes.length && v.name === undefined && v.active === undefined) throw validationError('没有要修改的内容')
    if (changes.length) recordAudit(db, actor, 'update', 'counter', c.id, `专柜 ${c.name} ${changes.join('，')}`)
    return row(db, c.departmentId)
  })
}

/**
 * Remembers a till file's spelling of a department (or of a counter within one) as the known one
 * the planner picked in the import wizard, so the next file is recognised.
 */
export function addDepartmentAlias(
  db: Db,
  input: { alias: string; department: string; counterAlias?: string; counter?: string },
  actor: Actor,
): void {
  const x = db.sqlite
  const d = byName(db, input.department)
  if (!d) throw notFound(`找不到课别「${input.department}」`)
  // The wizard offers active ones only; a file mapped to a deactivated one would be refused anyway.
  if (d.active !== 1) throw validationError(`课别「${d.name}」已停用，不能把文件里的写法对应到它`)
  if (input.alias !== input.department) {
    if (byName(db, input.alias)) throw conflict(`「${input.alias}」本身就是一个课别`)
    x.prepare('INSERT OR REPLACE INTO department_aliases (alias, department_id, created_at) VALUES (?, ?, ?)').run(
      input.alias,
      d.id,
      db.now().getTime(),
    )
    recordAudit(db, actor, 'create', 'department_alias', d.id, `导入时把「${input.alias}」对应为课别 ${d.name}`)
  }
  if (input.counterAlias && input.counter) {
    const found = x
      .prepare('SELECT id, active FROM counters WHERE department_id = ? AND name = ?')
      .get(d.id, input.counter) as { id: number; active: number } | undefined
    if (!found) throw notFound(`课别「${d.name}」没有专柜「${input.counter}」`)
    if (found.active !== 1) throw validationError(`专柜「${input.counter}」已停用，不能把文件里的写法对应到它`)
    const c = found.id
    x.prepare('INSERT OR REPLACE INTO counter_aliases (department_id, alias, counter_id) VALUES (?, ?, ?)').run(
      d.id,
      input.counterAlias,
      c,
    )
    recordAudit(
      db,
      actor,
      'create',
      'counter_alias',
      d.id,
      `导入时把「${input.counterAlias}」对应为专柜 ${input.counter}`,
    )
  }
}

const spellingsSchema = z.object({
  departments: z
    .array(z.object({ alias: departmentName('课别'), department: departmentName('课别') }))
    .max(500)
    .default([]),
  counters: z
    .array(
      z.object({ department: departmentName('课别'), alias: departmentName('专柜'), counter: departmentName('专柜') }),
    )
    .max(2000)
    .default([]),
})
export type TillSpellingsInput = z.input<typeof spellingsSchema>

/**
 * The till import wizard's "对应到已有课别 / 专柜": each unknown spelling is remembered as the known
 * one the planner picked, all in one transaction, so this file and the next are read with them.
 */
export function mapTillSpellings(db: Db, input: TillSpellingsInput, actor: Actor): { mapped: number } {
  const v = parseInput(spellingsSchema, input)
  return inTransaction(db, () => {
    for (const d of v.departments) addDepartmentAlias(db, d, actor)
    for (const c of v.counters)
      addDepartmentAlias(
        db,
        { alias: c.department, department: c.department, counterAlias: c.alias, counter: c.counter },
        actor,
      )
    return { mapped: v.departments.length + v.counters.length }
  })
}
