import { writeFile } from 'node:fs/promises'
import { conflict } from '../../db/errors'
import { withFileErrors } from '../../db/fileErrors'
import type { HandlerContext } from './context'

/** Writes a made PDF; a file another program holds open (or a read-only folder) is a conflict in words. */
export async function writePdf(file: string, pdf: Buffer): Promise<void> {
  try {
    await withFileErrors(file, 'write', () => writeFile(file, pdf))
  } catch {
    throw conflict(`无法写入 ${file}：文件可能正被其他程序打开，或该文件夹不可写。`)
  }
}

/**
 * A printed document saved as PDF: the save dialog first, then the PDF is made from the HTML and
 * written. Resolves to the chosen file, or null when the dialog was cancelled (nothing made).
 */
export async function savePdfAs(
  ctx: HandlerContext,
  dialog: { title: string; defaultName: string },
  html: string,
): Promise<string | null> {
  const file = await ctx.shell.pickSaveFile({ ...dialog, filters: [{ name: 'PDF 文件', extensions: ['pdf'] }] })
  if (!file) return null
  await writePdf(file, await ctx.shell.printer.pdf(html))
  return file
}
