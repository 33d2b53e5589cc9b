import { storeDayInt } from '../../clock'
import type { Actor } from '../../actor'
import { conflict, notFound, validationError } from '../../errors'
import { inTransaction, type Db } from '../../handle'
import { canonicalDepartment, departmentName } from '../departments/list'
import { isEligibleStaff, serviceMonths } from '../../rules/careProposal'
import { normalizePhone } from '../../rules/phone'
import { statements } from '../../statements'
import { parseInput, z } from '../../validate'
import { recordAudit } from '../audit'
import { getSettings } from '../settings'
import { dayInput, showDay, toDay } from './days'

/** One row of the staff register, with what the planner needs to pick a maintainer. */
export interface StaffRow {
  id: number
  name: string
  department: string
  /** YYYY-MM-DD */
  hireDate: string
  phone: string | null
  active: boolean
  leftOn: string | null
  /** Their own capacity, or null for the settings' default */
  ownCapacity: number | null
  capacity: number
  vipCount: number
  serviceMonths: number
  eligible: boolean
  operatorId: number | null
  operatorName: string | null
}

const stmts = statements((s) => ({
  list: s.prepare(
    `SELECT s.id, s.name, s.department, s.hire_date AS hireDate, s.phone, s.active, s.left_on AS leftOn,
            s.capacity, s.operator_id AS operatorId, o.name AS operatorName,
            (SELECT count(*) FROM vip_assignments a WHERE a.staff_id = s.id AND a.until_day IS NULL) AS vipCount
     FROM staff s LEFT JOIN operators o ON o.id = s.operator_id
     ORDER BY s.active DESC, s.department, s.name`,
  ),
  byName: s.prepare('SELECT id FROM staff WHERE name = ?').pluck(),
  byOperator: s.prepare('SELECT name FROM staff WHERE operator_id = ? AND id <> ?').pluck(),
  operator: s.prepare('SELECT name FROM operators WHERE id = ?').pluck(),
}))

interface RawStaff {
  id: number
  name: string
  department: string
  hireDate: number
  phone: string | null
  active: number
  leftOn: number | null
  capacity: number | null
  operatorId: number | null
  operatorName: string | null
  vipCount: number
}

const today = (db: Db) => storeDayInt(db)

/** The register, active staff first; capacity and eligibility as of today. */
export function listStaff(db: Db): StaffRow[] {
  const care = getSettings(db).care
  const day = today(db)
  return (stmts(db).list.all() as RawStaff[]).map((r) => {
    const active = r.active === 1
    return {
      id: r.id,
      name: r.name,
      department: r.department,
      hireDate: showDay(r.hireDate)!,
      phone: r.phone,
      active,
      leftOn: showDay(r.leftOn),
      ownCapacity: r.capacity,
      capacity: r.capacity ?? care.defaultCapacity,
      vipCount: r.vipCount,
      serviceMonths: serviceMonths(r.hireDate, day),
      eligible: isEligibleStaff({ active, hireDate: r.hireDate }, day, care.minServiceMonths),
      operatorId: r.operatorId,
      operatorName: r.operatorName,
    }
  })
}

export function staffById(db: Db, id: number): StaffRow {
  const row = listStaff(db).find((s) => s.id === id)
  if (!row) throw notFound('找不到该维护人')
  return row
}

export function staffByName(db: Db, name: string): StaffRow {
  const row = listStaff(db).find((s) => s.name === name.trim())
  if (!row) throw notFound(`找不到名为"${name.trim()}"的维护人`)
  return row
}

const fields = {
  name: z.string().trim().min(1, '请填写姓名').max(20, '姓名最多 20 个字'),
  department: departmentName('部门'),
  hireDate: dayInput('入职日期'),
  phone: z.string().trim().max(20).nullable().optional(),
  capacity: z.number().int().min(1, '维护名额至少 1 位').max(500, '维护名额最多 500 位').nullable().optional(),
  operatorId: z.number().int().positive().nullable().optional(),
}
const addSchema = z.object(fields)
export type AddStaffInput = z.input<typeof addSchema>
const updateSchema = z.object({ id: z.number().int().positive() }).extend(z.object(fields).partial().shape)
export type UpdateStaffInput = z.input<typeof updateSchema>

function checkPhone(phone: string | null | undefined): string | null | undefined {
  if (phone === undefined || phone === null || phone === '') return phone === '' ? null : phone
  const normal = normalizePhone(phone)
  if (!normal) throw validationError('手机号码无效：请填写 11 位手机号')
  return normal
}

/** A maintainer's department is one of the list's active departments (设置 → 课别与专柜). */
function checkDepartment(db: Db, department: string | undefined): string | undefined {
  if (department === undefined) return undefined
  const known = canonicalDepartment(db, department)
  const active = known && db.sqlite.prepare('SELECT active FROM departments WHERE name = ?').pluck().get(known) === 1
  if (!known || !active)
    throw validationError(`部门「${department}」不在课别列表中或已停用：请从列表中选择（设置 → 课别与专柜）`, [
      { field: 'department', message: '请从列表中选择部门' },
    ])
  return known
}

function checkHireDate(db: Db, day: number | undefined): void {
  if (day !== undefined && day > today(db)) throw validationError('入职日期不能晚于今天')
}

function checkName(db: Db, name: string | undefined, selfId: number): void {
  if (name === undefined) return
  const other = stmts(db).byName.get(name) as number | undefined
  if (other !== undefined && other !== selfId)
    throw conflict(`已有名为"${name}"的维护人，请换一个名字（可加部门或工号区分）`)
}

function checkOperator(db: Db, operatorId: number | null | undefined, selfId: number): void {
  if (operatorId === undefined || operatorId === null) return
  const st = stmts(db)
  const opName = st.operator.get(operatorId) as string | undefined
  if (!opName) throw notFound('找不到该登录账号')
  const holder = st.byOperator.get(operatorId, selfId) as string | undefined
  if (holder) throw conflict(`登录账号"${opName}"已关联维护人"${holder}"`)
}

/** Registers a staff member. */
export function addStaff(db: Db, input: AddStaffInput, actor: Actor): StaffRow {
  const v = parseInput(addSchema, input)
  const hireDate = toDay(v.hireDate)
  const phone = checkPhone(v.phone) ?? null
  return inTransaction(db, () => {
    checkHireDate(db, hireDate)
    const department = checkDepartment(db, v.department)!
    checkName(db, v.name, 0)
    checkOperator(db, v.operatorId, 0)
    const now = db.now().getTime()
    const id = Number(
      db.sqlite
        .prepare(
          `INSERT INTO staff (name, department, hire_date, phone, active, capacity, operator_id, created_at, created_by,
                              updated_at, updated_by) VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          v.name,
          department,
          hireDate,
          phone,
          v.capacity ?? null,
          v.operatorId ?? null,
          now,
          actor.id,
          now,
          actor.id,
        ).lastInsertRowid,
    )
    recordAudit(db, actor, 'create', 'staff', id, `登记维护人 ${v.name}（${department}）`)
    return staffById(db, id)
  })
}

const COLUMNS: Record<string, string> = {
  name: 'name',
  department: 'department',
  hireDate: 'hire_date',
  phone: 'phone',
  capacity: 'capacity',
  operatorId: 'operator_id',
}
const LABELS: Record<string, string> = {
  name: '姓名',
  department: '部门',
  hireDate: '入职日期',
  phone: '手机',
  capacity: '维护名额',
  operatorId: '登录账号',
}

/** Changes some fields of a staff member; fields left out stay as they are. */
export function updateStaff(db: Db, input: UpdateStaffInput, actor: Actor): StaffRow {
  const v = parseInput(updateSchema, input)
  const values: Record<string, unknown> = {
    ...v,
    hireDate: v.hireDate === undefined ? undefined : toDay(v.hireDate),
    phone: checkPhone(v.phone),
  }
  return inTransaction(db, () => {
    const before = staffById(db, v.id)
    checkHireDate(db, values.hireDate as number | undefined)
    if (v.department !== undefined && v.department !== before.department)
      values.department = checkDepartment(db, v.department)
    checkName(db, v.name, v.id)
    checkOperator(db, v.operatorId, v.id)
    const changed = Object.keys(COLUMNS).filter((k) => values[k] !== undefined)
    if (!changed.length) return before
    const sets = changed.map((k) => `${COLUMNS[k]} = ?`).join(', ')
    db.sqlite
      .prepare(`UPDATE staff SET ${sets}, updated_at = ?, updated_by = ? WHERE id = ?`)
      .run(...changed.map((k) => values[k] ?? null), db.now().getTime(), actor.id, v.id)
    recordAudit(
      db,
      actor,
      'update',
      'staff',
      v.id,
      `修改维护人 ${before.name}：${changed.map((k) => LABELS[k]).join('，')}`,
    )
    return staffById(db, v.id)
  })
}

const leaveSchema = z.object({ id: z.number().int().positive(), leftOn: dayInput('离职日期').optional() })
export type LeaveStaffInput = z.input<typeof leaveSchema>

/**
 * Marks a staff member as left. Their assignments stay open on purpose: the high-value list then
 * shows those VIPs as needing a new maintainer until a planner hands them over.
 */
export function leaveStaff(db: Db, input: LeaveStaffInput, actor: Actor): StaffRow {
  const v = parseInput(leaveSchema, input)
  const leftOn = v.leftOn ? toDay(v.leftOn) : today(db)
  return inTransaction(db, () => {
    const s = staffById(db, v.id)
    if (!s.active) throw conflict(`维护人"${s.name}"已于 ${s.leftOn} 离职`)
    if (leftOn < toDay(s.hireDate)) throw validationError('离职日期不能早于入职日期')
    db.sqlite
      .prepare('UPDATE staff SET active = 0, left_on = ?, updated_at = ?, updated_by = ? WHERE id = ?')
      .run(leftOn, db.now().getTime(), actor.id, v.id)
    recordAudit(
      db,
      actor,
      'leave',
      'staff',
      v.id,
      `维护人 ${s.name} 离职（${showDay(leftOn)}），名下 ${s.vipCount} 位VIP待交接`,
    )
    return staffById(db, v.id)
  })
}

/** Takes a staff member back (re-hired or marked as left by mistake). */
export function rejoinStaff(db: Db, input: { id: number }, actor: Actor): StaffRow {
  const v = parseInput(z.object({ id: z.number().int().positive() }), input)
  return inTransaction(db, () => {
    const s = staffById(db, v.id)
    if (s.active) throw conflict(`维护人"${s.name}"在职，无需恢复`)
    db.sqlite
      .prepare('UPDATE staff SET active = 1, left_on = NULL, updated_at = ?, updated_by = ? WHERE id = ?')
      .run(db.now().getTime(), actor.id, v.id)
    recordAudit(db, actor, 'rejoin', 'staff', v.id, `维护人 ${s.name} 恢复在职`)
    return staffById(db, v.id)
  })
}

/** Login accounts a staff member can be linked to (planners may not list operators in full). */
export function operatorChoices(db: Db): { id: number; name: string; staffName: string | null }[] {
  return db.sqlite
    .prepare(
      `SELECT o.id, o.name, s.name AS staffName FROM operators o LEFT JOIN staff s ON s.operator_id = o.id
       WHERE o.active = 1 ORDER BY o.name`,
    )
    .all() as { id: number; name: string; staffName: string | null }[]
}
