/**
 * 设置 → 课别与专柜: the one list of departments and counters (handlers/departments.ts), read by
 * every desk's selects and kept by the planners and administrators.
 */
import type {
  AddCounterInput,
  AddDepartmentInput,
  DepartmentActiveInput,
  DepartmentImportResult,
  DepartmentRow,
  RenameDepartmentInput,
  UpdateCounterInput,
} from '../../db/services/departments'
import { ALL_ROLES } from '../../db/rules/roles'
import { call, SHEET_FILES } from './call'

const KEEPERS = ['admin', 'planner'] as const

export const departmentCalls = {
  'departments:list': call<void, DepartmentRow[]>(ALL_ROLES),
  'departments:add': call<AddDepartmentInput, DepartmentRow>(KEEPERS),
  /** The old name stays as an alias; `merge` folds the department into another of that name. */
  'departments:rename': call<RenameDepartmentInput, DepartmentRow>(KEEPERS),
  'departments:setActive': call<DepartmentActiveInput, DepartmentRow>(KEEPERS),
  'departments:addCounter': call<AddCounterInput, DepartmentRow>(KEEPERS),
  'departments:updateCounter': call<UpdateCounterInput, DepartmentRow>(KEEPERS),
  /** File dialog in main, then the import (all rows or none); null when cancelled. */
  'departments:import': call<void, DepartmentImportResult | null>(KEEPERS, { opens: SHEET_FILES }),
  /** Save dialog in main; null when cancelled. */
  'departments:export': call<{ format: 'xlsx' | 'csv' }, { file: string; count: number } | null>(KEEPERS),
}
