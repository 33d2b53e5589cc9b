import { createHash } from 'node:crypto'
import { PDFArray, PDFDict, PDFName, PDFRawStream, PDFRef, type PDFDocument, type PDFObject } from '@cantoo/pdf-lib'

/**
 * Sharing what a joined PDF holds many times over. Each printed part brings its own copy of the
 * same pictures and colour profile, and pdf-lib's copyPages gives every page its own resource
 * dictionary (about 250 bytes on each of 4,000 pages, and page objects are never compressed):
 * together a fifth of 2,082 postcards. The pages' look and text are untouched.
 */

const RESOURCES = PDFName.of('Resources')
const PROC_SET = PDFName.of('ProcSet')

/**
 * One resource dictionary for all the pages of one part. Chromium names a resource after its
 * object, so within a part a name means the same thing on every page; if it ever did not, the
 * part keeps its pages' own dictionaries. ProcSet is obsolete since PDF 1.4 and left out.
 */
export function shareResources(doc: PDFDocument, pageIndices: number[]) {
  const merged = new Map<PDFName, Map<PDFName, PDFObject>>()
  for (const i of pageIndices) {
    const resources = doc.getPage(i).node.Resources()
    if (!resources) return
    for (const [kind, entries] of resources.entries()) {
      if (kind === PROC_SET) continue
      if (!(entries instanceof PDFDict)) return
      const names = merged.get(kind) ?? new Map<PDFName, PDFObject>()
      merged.set(kind, names)
      for (const [name, value] of entries.entries()) {
        const seen = names.get(name)
        if (seen && seen !== value) return
        names.set(name, value)
      }
    }
  }
  const shared = doc.context.obj({})
  for (const [kind, names] of merged) {
    const dict = doc.context.obj({})
    for (const [name, value] of names) dict.set(name, value)
    shared.set(kind, dict)
  }
  const ref = doc.context.register(shared)
  for (const i of pageIndices) doc.getPage(i).node.set(RESOURCES, ref)
}

/** A stream's dictionary and bytes, with references read through `alias` (dedupeStreams). */
function streamKey(stream: PDFRawStream, alias: Map<PDFRef, PDFRef>): string {
  const text = (o: PDFObject): string => {
    if (o instanceof PDFRef) return (alias.get(o) ?? o).toString()
    if (o instanceof PDFDict)
      return `<<${o
        .entries()
        .map(([k, v]) => `${k.toString()} ${text(v)}`)
        .join(' ')}>>`
    if (o instanceof PDFArray) return `[${o.asArray().map(text).join(' ')}]`
    return o.toString()
  }
  return createHash('sha256').update(text(stream.dict)).update(stream.getContents()).digest('base64')
}

function replaceRefs(o: PDFObject, alias: Map<PDFRef, PDFRef>) {
  const swap = (v: PDFObject) => (v instanceof PDFRef ? alias.get(v) : undefined)
  if (o instanceof PDFDict)
    for (const [k, v] of o.entries()) {
      const to = swap(v)
      if (to) o.set(k, to)
      else replaceRefs(v, alias)
    }
  else if (o instanceof PDFArray)
    o.asArray().forEach((v, i) => {
      const to = swap(v)
      if (to) o.set(i, to)
      else replaceRefs(v, alias)
    })
  else if (o instanceof PDFRawStream) replaceRefs(o.dict, alias)
}

/**
 * Byte-identical streams kept once: the parts' pictures (and their soft masks and ICC profiles,
 * which a picture refers to, hence the passes until nothing more is found). Returns how many
 * were dropped.
 */
export function dedupeStreams(doc: PDFDocument): number {
  const alias = new Map<PDFRef, PDFRef>()
  for (let found = true; found;) {
    found = false
    const first = new Map<string, PDFRef>()
    for (const [ref, o] of doc.context.enumerateIndirectObjects()) {
      if (!(o instanceof PDFRawStream) || alias.has(ref)) continue
      const key = streamKey(o, alias)
      const same = first.get(key)
      if (same) {
        alias.set(ref, same)
        found = true
      } else first.set(key, ref)
    }
  }
  if (!alias.size) return 0
  for (const ref of alias.keys()) doc.context.delete(ref)
  for (const [, o] of doc.context.enumerateIndirectObjects()) replaceRefs(o, alias)
  return alias.size
}
