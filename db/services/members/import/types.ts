/** Shapes shared by the member importer, the contract and the CLI. */

/** The member fields a spreadsheet column can be mapped to. */
export const IMPORT_FIELDS = {
  cardNo: '卡号',
  name: '姓名',
  gender: '性别',
  phone: '手机',
  birthday: '生日',
  lunar: '农历',
  idNumber: '身份证号',
  address: '地址',
  province: '省份',
  city: '城市',
  district: '区县',
  postalCode: '邮编',
  tier: '等级',
  joinDate: '开卡日期',
  source: '开卡方式',
  referrerCardNo: '推荐人卡号',
  smsConsent: '短信同意',
  mailConsent: '邮寄同意',
  notes: '备注',
} as const
export type ImportField = keyof typeof IMPORT_FIELDS

/** One problem in one cell; `row` is the spreadsheet row number (the header is row 1). */
export interface ImportIssue {
  row: number
  column: string
  reason: string
}

/** For each column of the sheet (by position), the field it feeds, or null to ignore it. */
export type ColumnMapping = (ImportField | null)[]

export interface ImportPreview {
  /** Identifies the parsed file kept in memory between preview and commit. */
  token: string
  fileName: string
  totalRows: number
  headers: string[]
  mapping: ColumnMapping
  /** The first rows as they will be imported, keyed by field. */
  sample: { row: number; values: Partial<Record<ImportField, string>> }[]
  /** Every rejected row's problems (one entry per bad cell). */
  rejected: ImportIssue[]
  valid: number
  willInsert: number
  willUpdate: number
  /** Required fields that no column is mapped to. */
  missing: ImportField[]
}

/** The CLI's `--json` output for every import is exactly this shape. */
export interface ImportResult {
  inserted: number
  updated: number
  rejected: ImportIssue[]
}

export interface ImportProgress {
  phase: 'read' | 'check' | 'write'
  done: number
  total: number
}
