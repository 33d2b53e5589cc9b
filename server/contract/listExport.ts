/** What every list export takes and answers, shared by the domains' contract files. */
export type ExportFormat = 'xlsx' | 'csv'
/** A list export: the format, and phones in full (only roles that may reveal them). */
export interface ListExportInput {
  format: ExportFormat
  full?: boolean
}
export interface ListExportResult {
  file: string
  count: number
}
