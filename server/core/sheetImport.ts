import { randomUUID } from 'node:crypto'
import { notFound } from '../../db/errors'
import { readSheetFile, type SheetData } from '../../db/services/members/import'
import type { HandlerContext } from './context'

/**
 * What the member import and the till import share: main shows the file dialog and reads the
 * sheet, keeps it under a token for the renderer's preview / remap / commit calls, and pushes
 * progress events while a long file is read or written.
 */
const SHEETS = [{ name: '表格文件（Excel / CSV）', extensions: ['xlsx', 'csv'] }]

/** Progress reporter for one task, sent to the window that asked. */
export const progressTo = (ctx: HandlerContext, task: string) => (p: { phase: string; done: number; total: number }) =>
  ctx.shell.emit(ctx.senderId, 'progress', { task, ...p })

/** Asks for a file and reads it; null when the user cancelled the dialog. */
export async function pickSheet(
  ctx: HandlerContext,
  title: string,
): Promise<{ token: string; sheet: SheetData } | null> {
  const file = await ctx.shell.pickOpenFile({ title, filters: SHEETS })
  if (!file) return null
  const sheet = await readSheetFile(file, progressTo(ctx, '读取文件'))
  const token = randomUUID()
  ctx.state.imports.set(token, { sheet, senderId: ctx.senderId })
  return { token, sheet }
}

/** The sheet kept under `token`, only for the window that picked it. */
export function pendingSheet(ctx: HandlerContext, token: string): SheetData {
  const pending = ctx.state.imports.get(token)
  if (!pending || pending.senderId !== ctx.senderId) throw notFound('导入文件已失效，请重新选择文件')
  return pending.sheet
}

/** Forgets a picked sheet (after the import, or when the user cancels). */
export function dropSheet(ctx: HandlerContext, token: string): null {
  ctx.state.imports.delete(token)
  return null
}
