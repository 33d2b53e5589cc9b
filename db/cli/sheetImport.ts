import { existsSync } from 'node:fs'
import { isAppError } from '../errors'
import { parseSheetIssueField } from '../rules/storeSales'
import type { ImportProgress, ImportResult } from '../services/members/import'
import { readSheetFile, type SheetData } from '../services/members/import'
import type { CliContext } from './context'
import { fileError } from '../fileErrors'
import { emit, progressLine } from './io'

const PHASES: Record<ImportProgress['phase'], string> = { read: '读取', check: '校验', write: '写入' }
/** Rejected rows listed in the readable summary; the rest are counted (the JSON lists them all). */
const SHOWN_REJECTIONS = 50

/**
 * What every `import …` command does: read the sheet with progress on stderr, commit it, print
 * exactly `{"inserted","updated","rejected":[{"row","column","reason"}]}` with --json, otherwise
 * `summary(result)` and the first rejected rows. A workbook's other sheets add `warnings` (only
 * then, so scripts reading the three keys see them unchanged). Resolves to exit code 1 when any
 * row was rejected: a script must not take a partly imported file for a done one.
 */
export async function runSheetImport(
  ctx: CliContext,
  commit: (sheet: SheetData, onProgress: (p: ImportProgress) => void) => Promise<ImportResult>,
  summary: (result: ImportResult, badRows: number) => string,
): Promise<number> {
  if (!existsSync(ctx.file)) throw fileError({ code: 'ENOENT' }, ctx.file, 'read')
  const progress = progressLine(ctx.io.stderr)
  const onProgress = (p: ImportProgress) => progress(PHASES[p.phase] ?? p.phase, p.done, p.total)
  let result: ImportResult
  let warnings: string[]
  try {
    const sheet = await readSheetFile(ctx.file, onProgress)
    warnings = sheet.warnings ?? []
    result = await commit(sheet, onProgress)
  } finally {
    progress.end()
  }
  // Exactly the promised shape, whatever else a service may add later.
  await ctx.result({
    inserted: result.inserted,
    updated: result.updated,
    rejected: result.rejected.map((r) => ({ row: r.row, column: r.column, reason: r.reason })),
    ...(warnings.length ? { warnings } : {}),
  })
  const lines = [summary(result, new Set(result.rejected.map((r) => r.row)).size)]
  for (const w of warnings) lines.push(`注意：${w}`)
  for (const r of result.rejected.slice(0, SHOWN_REJECTIONS)) lines.push(`  第 ${r.row} 行 ${r.column}：${r.reason}`)
  if (result.rejected.length > SHOWN_REJECTIONS) {
    lines.push(`  ……另有 ${result.rejected.length - SHOWN_REJECTIONS} 处问题（用 --json 查看全部）`)
  }
  await ctx.say(lines.join('\n'))
  return result.rejected.length ? 1 : 0
}

/**
 * What an all-rows-or-none `import …` (store sales, departments) does around its service: a
 * missing file is a file error; a file with bad rows, which the service rejects whole with one
 * error naming every bad cell, lists each on stderr (with --json also in the error's `issues`)
 * and exits 1. Any other error goes on to runCli's report.
 */
export async function runAllOrNoneImport(ctx: CliContext, importFile: () => Promise<void>): Promise<number | void> {
  if (!existsSync(ctx.file)) throw fileError({ code: 'ENOENT' }, ctx.file, 'read')
  try {
    await importFile()
  } catch (e) {
    const cells = isAppError(e) ? e.issues.map((i) => ({ at: parseSheetIssueField(i.field), reason: i.message })) : []
    if (!isAppError(e) || !cells.length || cells.some((c) => !c.at)) throw e
    const lines = [e.message, ...cells.map((c) => `  第 ${c.at!.row} 行 ${c.at!.column}：${c.reason}`)]
    await emit(ctx.io.stderr, `${lines.join('\n')}\n`)
    if (ctx.json) {
      const issues = cells.map((c) => ({ row: c.at!.row, column: c.at!.column, reason: c.reason }))
      await emit(ctx.io.stdout, `${JSON.stringify({ error: { kind: e.kind, message: e.message, issues } })}\n`)
    }
    return 1
  }
}
