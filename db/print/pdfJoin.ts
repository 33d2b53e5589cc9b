import { PDFDocument } from '@cantoo/pdf-lib'
import { dedupeStreams, shareResources } from './pdfShare'

/**
 * Chromium's time to print a document grows faster than its page count (a 4,000-page batch of
 * cards takes four times as long as four batches of 1,000 pages), so big runs are printed as
 * several documents, two at a time (one per core), and joined here into one PDF, pages in order.
 */
export async function renderAll(
  render: (html: string) => Promise<Buffer>,
  docs: string[],
  parallel = 2,
  onDone?: (index: number) => void,
) {
  const out: Buffer[] = new Array(docs.length)
  let next = 0
  const worker = async () => {
    while (next < docs.length) {
      const i = next++
      out[i] = await render(docs[i]!)
      onDone?.(i)
    }
  }
  await Promise.all(Array.from({ length: Math.min(parallel, docs.length) }, worker))
  return out
}

/**
 * One PDF of the parts' pages in order, what the parts hold alike kept once (pdfShare); a single
 * part is returned as it is.
 */
export async function joinPdfs(parts: Buffer[]): Promise<Buffer> {
  if (parts.length === 1) return parts[0]!
  const joined = await PDFDocument.create()
  for (const part of parts) {
    const doc = await PDFDocument.load(part)
    const first = joined.getPageCount()
    for (const page of await joined.copyPages(doc, doc.getPageIndices())) joined.addPage(page)
    shareResources(
      joined,
      doc.getPageIndices().map((i) => first + i),
    )
  }
  dedupeStreams(joined)
  return Buffer.from(await joined.save())
}
