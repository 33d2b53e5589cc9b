import { basename } from 'node:path'
import { storeDayInt } from '../../../db/clock'
import { validationError } from '../../../db/errors'
import { dayString } from '../../../db/rules/dates'
import {
  addCounter,
  addDepartment,
  exportDepartments,
  importDepartments,
  listDepartments,
  renameDepartment,
  setDepartmentActive,
  updateCounter,
} from '../../../db/services/departments'
import { actorOf } from '../context'
import type { Handlers } from '../dispatch'

const SHEETS = [{ name: '表格文件（Excel / CSV）', extensions: ['xlsx', 'csv'] }]
const FILTERS = { xlsx: 'Excel 工作簿', csv: 'CSV（逗号分隔）' } as const

/** 设置 → 课别与专柜. Files are chosen in main; the renderer never names a path. */
export const departmentsHandlers = {
  'departments:list': (_input, ctx) => listDepartments(ctx.state.db),
  'departments:add': (input, ctx) => addDepartment(ctx.state.db, input, actorOf(ctx)),
  'departments:rename': (input, ctx) => renameDepartment(ctx.state.db, input, actorOf(ctx)),
  'departments:setActive': (input, ctx) => setDepartmentActive(ctx.state.db, input, actorOf(ctx)),
  'departments:addCounter': (input, ctx) => addCounter(ctx.state.db, input, actorOf(ctx)),
  'departments:updateCounter': (input, ctx) => updateCounter(ctx.state.db, input, actorOf(ctx)),
  'departments:import': async (_input, ctx) => {
    const file = await ctx.shell.pickOpenFile({ title: '选择课别与专柜表（课别、专柜）', filters: SHEETS })
    return file ? importDepartments(ctx.state.db, file, actorOf(ctx)) : null
  },
  'departments:export': async (input, ctx) => {
    if (input?.format !== 'xlsx' && input?.format !== 'csv') throw validationError('导出格式只能是 Excel 或 CSV')
    const file = await ctx.shell.pickSaveFile({
      title: '导出课别与专柜',
      defaultName: `课别与专柜-${dayString(storeDayInt(ctx.state.db))}.${input.format}`,
      filters: [{ name: FILTERS[input.format], extensions: [input.format] }],
    })
    if (!file) return null
    const format = basename(file).toLowerCase().endsWith('.csv') ? 'csv' : input.format
    return exportDepartments(ctx.state.db, { file, format }, actorOf(ctx))
  },
} satisfies Partial<Handlers>
