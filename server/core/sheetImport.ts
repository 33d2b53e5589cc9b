import { randomUUID } from 'node:crypto'
import { notFound } from '../../db/errors'
import type { ImportResult } from '../../db/services/members/import'
import { actorOf, type HandlerContext } from './context'
import type { SheetKind } from './sheets/kinds'
import type { SheetRequest } from './sheets/run'

/**
 * What the member, till and gift imports share: main shows the file dialog, the file is read and
 * checked where the host runs imports (state.sheets) and kept there under a token for the
 * renderer's preview / remap / commit calls, with progress to the window or desk that asked.
 */
const SHEETS = [{ name: '表格文件（Excel / CSV）', extensions: ['xlsx', 'csv'] }]

/** Progress reporter for one task, sent to the window that asked. */
export const progressTo = (ctx: HandlerContext, task: string) => (p: { phase: string; done: number; total: number }) =>
  ctx.shell.emit(ctx.senderId, 'progress', { task, ...p })

function run(ctx: HandlerContext, req: SheetRequest): Promise<unknown> {
  return ctx.state.sheets.run(req, actorOf(ctx).name, (p) => ctx.shell.emit(ctx.senderId, 'progress', p))
}

/** The token's file, only for the window that picked it. */
function owned(ctx: HandlerContext, token: string, kind: SheetKind): void {
  const pending = ctx.state.imports.get(token)
  if (!pending || pending.senderId !== ctx.senderId || pending.kind !== kind) {
    throw notFound('导入文件已失效，请重新选择文件')
  }
}

/** Asks for a file, reads and checks it; null when the user cancelled the dialog. */
export async function pickSheet<P>(ctx: HandlerContext, kind: SheetKind, title: string): Promise<P | null> {
  const file = await ctx.shell.pickOpenFile({ title, filters: SHEETS })
  if (!file) return null
  const token = randomUUID()
  const preview = await run(ctx, { op: 'open', kind, token, file })
  ctx.state.imports.set(token, { senderId: ctx.senderId, kind })
  return preview as P
}

/** The preview again with the columns the user mapped by hand. */
export async function remapSheet<P>(ctx: HandlerContext, kind: SheetKind, token: string, mapping: unknown): Promise<P> {
  owned(ctx, token, kind)
  return (await run(ctx, { op: 'remap', kind, token, mapping })) as P
}

/** Imports the file; it is forgotten once imported (a failed commit keeps it for another try). */
export async function commitSheet(
  ctx: HandlerContext,
  kind: SheetKind,
  token: string,
  mapping: unknown,
): Promise<ImportResult> {
  owned(ctx, token, kind)
  const result = (await run(ctx, { op: 'commit', kind, token, mapping, actor: actorOf(ctx) })) as ImportResult
  ctx.state.imports.delete(token)
  return result
}

/** Forgets a picked sheet (when the user cancels). */
export async function dropSheet(ctx: HandlerContext, token: string): Promise<null> {
  const pending = ctx.state.imports.get(token)
  if (!pending || pending.senderId !== ctx.senderId) return null
  ctx.state.imports.delete(token)
  await ctx.state.sheets.run({ op: 'drop', token }, '', () => undefined)
  return null
}
