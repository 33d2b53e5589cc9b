import type { Actor } from '../../actor'
import { conflict, notFound } from '../../errors'
import { inTransaction, type Db } from '../../handle'
import { DEPARTMENT_MAX_LENGTH, normaliseDepartment } from '../../rules/storeSales'
import { statements } from '../../statements'
import { parseInput, z } from '../../validate'
import { recordAudit } from '../audit'

/** One department of the master list with its counters, as the settings tab and the selects show it. */
export interface DepartmentRow {
  id: number
  name: string
  active: boolean
  /** Other spellings that mean this department: names before a rename, till variants mapped to it */
  aliases: string[]
  /** `aliases`: the counter's names before a rename and till spellings mapped to it */
  counters: { id: number; name: string; active: boolean; aliases: string[] }[]
}

const st = statements((s) => ({
  departments: s.prepare('SELECT id, name, active FROM departments ORDER BY sort, id'),
  counters: s.prepare('SELECT id, department_id AS departmentId, name, active FROM counters ORDER BY sort, id'),
  aliases: s.prepare('SELECT alias, department_id AS departmentId FROM department_aliases ORDER BY alias'),
  counterAliases: s.prepare('SELECT alias, counter_id AS counterId FROM counter_aliases ORDER BY alias'),
  byName: s.prepare('SELECT id, name, active FROM departments WHERE name = ?'),
  byId: s.prepare('SELECT id, name, active FROM departments WHERE id = ?'),
  resolve: s
    .prepare(
      `SELECT name FROM departments WHERE name = ?
       UNION ALL SELECT d.name FROM department_aliases a JOIN departments d ON d.id = a.department_id WHERE a.alias = ?
       LIMIT 1`,
    )
    .pluck(),
  counterByName: s.prepare('SELECT id, name, active FROM counters WHERE department_id = ? AND name = ?'),
  counterById: s.prepare('SELECT id, department_id AS departmentId, name, active FROM counters WHERE id = ?'),
  counterAlias: s
    .prepare(
      `SELECT c.name FROM counter_aliases a JOIN counters c ON c.id = a.counter_id
       WHERE a.department_id = ? AND a.alias = ?`,
    )
    .pluck(),
  activeByName: s.prepare('SELECT active FROM departments WHERE name = ?').pluck(),
  counterActive: s
    .prepare(
      'SELECT c.active FROM counters c JOIN departments d ON d.id = c.department_id WHERE d.name = ? AND c.name = ?',
    )
    .pluck(),
  hasCounters: s.prepare('SELECT 1 FROM counters WHERE department_id = ? LIMIT 1').pluck(),
  nextSort: s.prepare('SELECT coalesce(max(sort), 0) + 1 FROM departments').pluck(),
  nextCounterSort: s.prepare('SELECT coalesce(max(sort), 0) + 1 FROM counters WHERE department_id = ?').pluck(),
}))

interface Raw {
  id: number
  name: string
  active: number
}

/** The whole list, in the store's order, inactive ones included (flagged). */
export function listDepartments(db: Db): DepartmentRow[] {
  const s = st(db)
  const rows = (s.departments.all() as Raw[]).map((d): DepartmentRow => ({
    id: d.id,
    name: d.name,
    active: d.active === 1,
    aliases: [],
    counters: [],
  }))
  const byId = new Map(rows.map((r) => [r.id, r]))
  const counters = new Map<number, DepartmentRow['counters'][number]>()
  for (const c of s.counters.all() as (Raw & { departmentId: number })[]) {
    const row = { id: c.id, name: c.name, active: c.active === 1, aliases: [] }
    counters.set(c.id, row)
    byId.get(c.departmentId)?.counters.push(row)
  }
  for (const a of s.counterAliases.all() as { alias: string; counterId: number }[])
    counters.get(a.counterId)?.aliases.push(a.alias)
  for (const a of s.aliases.all() as { alias: string; departmentId: number }[])
    byId.get(a.departmentId)?.aliases.push(a.alias)
  return rows
}

/** `departments list --json`: exactly `[{"name","counters":[…],"active"}]`, active counters only. */
export function departmentsJson(db: Db): { name: string; counters: string[]; active: boolean }[] {
  return listDepartments(db).map((d) => ({
    name: d.name,
    counters: d.counters.filter((c) => c.active).map((c) => c.name),
    active: d.active,
  }))
}

/** Names of the active departments, for the staff register and 全店销售's empty rows. */
export const activeDepartmentNames = (db: Db): string[] =>
  (st(db).departments.all() as Raw[]).filter((d) => d.active === 1).map((d) => d.name)

/**
 * The canonical name of a department as typed or printed on a till file (its own name, an old
 * name or a mapped variant), or null when the list does not know it.
 */
export function canonicalDepartment(db: Db, text: string): string | null {
  const name = normaliseDepartment(text)
  if (!name) return null
  return (st(db).resolve.get(name, name) as string | undefined) ?? null
}

/**
 * A counter's canonical name within its (canonical) department, or null when unknown. A department
 * whose counters are not kept on the list (none entered yet) takes any counter as printed: the
 * list starts checking a department's counters once it names them.
 */
export function canonicalCounter(db: Db, department: string, text: string): string | null {
  const d = st(db).byName.get(department) as Raw | undefined
  const name = normaliseDepartment(text)
  if (!d || !name) return null
  const own = st(db).counterByName.get(d.id, name) as Raw | undefined
  if (own) return own.name
  const alias = st(db).counterAlias.get(d.id, name) as string | undefined
  if (alias) return alias
  return st(db).hasCounters.get(d.id) ? null : name
}

/**
 * Why a department (and counter) of the list cannot take a new entry, or null: a deactivated one
 * (停用) keeps its history and still shows in reports, but no new sale, store figure or till line
 * may be booked to it. Takes canonical names (after `canonicalDepartment` / `canonicalCounter`);
 * a counter the list does not name (a department without counters) is not checked.
 */
export function inactiveProblem(
  db: Db,
  department: string,
  counter = '',
): { field: 'department' | 'counter'; message: string } | null {
  if (!department) return null
  if (st(db).activeByName.get(department) === 0) return { field: 'department', message: `课别「${department}」已停用` }
  if (counter && st(db).counterActive.get(department, counter) === 0)
    return { field: 'counter', message: `专柜「${counter}」已停用` }
  return null
}

export const departmentName = (label: string) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? normaliseDepartment(v) : v),
    z.string().min(1, `请填写${label}`).max(DEPARTMENT_MAX_LENGTH, `${label}最多 ${DEPARTMENT_MAX_LENGTH} 个字`),
  )

const addSchema = z.object({
  name: departmentName('课别'),
  counters: z.array(departmentName('专柜')).max(200).default([]),
})
export type AddDepartmentInput = z.input<typeof addSchema>

function requireDepartment(db: Db, id: number): Raw {
  const d = st(db).byId.get(id) as Raw | undefined
  if (!d) throw notFound('找不到该课别')
  return d
}

function checkNewName(db: Db, name: string, selfId: number): void {
  const other = st(db).byName.get(name) as Raw | undefined
  if (other && other.id !== selfId) throw conflict(`已有课别「${name}」`)
  const alias = st(db).resolve.get(name, name) as string | undefined
  if (alias && !other && alias !== requireDepartmentName(db, selfId))
    throw conflict(`「${name}」已是课别「${alias}」的另一种写法`)
}

const requireDepartmentName = (db: Db, id: number) => (id ? requireDepartment(db, id).name : null)

/** Inserts a department (and counters) inside the caller's transaction; returns its id. */
export function insertDepartment(db: Db, name: string, actor: Actor): number {
  const now = db.now().getTime()
  const id = Number(
    db.sqlite
      .prepare('INSERT INTO departments (name, active, sort, updated_at, updated_by) VALUES (?, 1, ?, ?, ?)')
      .run(name, st(db).nextSort.get(), now, actor.id).lastInsertRowid,
  )
  return id
}

export function insertCounter(db: Db, departmentId: number, name: string): number {
  return Number(
    db.sqlite
      .prepare('INSERT INTO counters (department_id, name, active, sort) VALUES (?, ?, 1, ?)')
      .run(departmentId, name, st(db).nextCounterSort.get(departmentId)).lastInsertRowid,
  )
}

/** Adds a department with its counters. */
export function addDepartment(db: Db, input: AddDepartmentInput, actor: Actor): DepartmentRow {
  const v = parseInput(addSchema, input)
  const counters = [...new Set(v.counters)]
  return inTransaction(db, () => {
    checkNewName(db, v.name, 0)
    const id = insertDepartment(db, v.name, actor)
    for (const c of counters) insertCounter(db, id, c)
    recordAudit(db, actor, 'create', 'department', id, `新增课别 ${v.name}（专柜 ${counters.length} 个）`)
    return listDepartments(db).find((d) => d.id === id)!
  })
}
