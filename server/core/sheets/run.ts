import type { Actor } from '../../../db/actor'
import { notFound } from '../../../db/errors'
import type { Db } from '../../../db/handle'
import { readSheetFile, type SheetData } from '../../../db/services/members/import'
import { SHEET_KINDS, type SheetKind, type TaskProgress } from './kinds'

/** One step of an import, as a desk asks for it; plain data, so it can cross to a worker thread. */
export type SheetRequest =
  | { op: 'open'; kind: SheetKind; token: string; file: string }
  | { op: 'remap'; kind: SheetKind; token: string; mapping: unknown }
  | { op: 'commit'; kind: SheetKind; token: string; mapping: unknown; actor: Actor }
  | { op: 'drop'; token: string }

/** The task a request starts as, before its first progress report names a finer one. */
export function firstTask(req: SheetRequest): string {
  if (req.op === 'open') return '读取文件'
  if (req.op === 'remap') return SHEET_KINDS[req.kind].checking
  if (req.op === 'commit') return SHEET_KINDS[req.kind].importing
  return ''
}

/**
 * Runs one import step over `db`, keeping the files read so far in `sheets` by token. The same
 * code runs in the desktop's main process and in the store server's import worker.
 */
export async function runSheetRequest(
  db: Db,
  sheets: Map<string, SheetData>,
  req: SheetRequest,
  progress: TaskProgress,
): Promise<unknown> {
  if (req.op === 'drop') {
    sheets.delete(req.token)
    return null
  }
  const ops = SHEET_KINDS[req.kind]
  if (req.op === 'open') {
    const sheet = await readSheetFile(req.file, progress('读取文件'))
    sheets.set(req.token, sheet)
    try {
      return { token: req.token, ...(await ops.preview(db, sheet, undefined, progress)) }
    } catch (e) {
      sheets.delete(req.token)
      throw e
    }
  }
  const sheet = sheets.get(req.token)
  if (!sheet) throw notFound('导入文件已失效，请重新选择文件')
  if (req.op === 'remap') return { token: req.token, ...(await ops.preview(db, sheet, req.mapping, progress)) }
  const result = await ops.commit(db, sheet, req.mapping, req.actor, progress)
  sheets.delete(req.token)
  return result
}
