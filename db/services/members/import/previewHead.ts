import type { SheetData } from './read'

/**
 * What every import preview (members, purchases, gifts) begins with: the file, its size and
 * headers, the mapping in use and the columns it still lacks, and the sheet's warnings.
 */
export function previewHead<M, F>(sheet: SheetData, mapping: M, missing: F[]) {
  return {
    fileName: sheet.fileName,
    totalRows: sheet.rows.length,
    headers: sheet.headers,
    mapping,
    missing,
    warnings: sheet.warnings ?? [],
  }
}
