import { randomBytes } from 'node:crypto'
import { rename, rm, writeFile } from 'node:fs/promises'
import ExcelJS from 'exceljs'
import type { Actor } from '../../actor'
import { conflict } from '../../errors'
import { fileError } from '../../fileErrors'
import type { Db } from '../../handle'
import { intToYmd } from '../../rules/dates'
import { maskIdNumber } from '../../rules/idNumber'
import { STATUS_LABELS } from '../../rules/members'
import { maskPhone } from '../../rules/phone'
import { recordAudit } from '../audit'
import { toExportRecord, type MemberExportRecord } from './dto'
import { memberFilterSql, memberOrderSql, type MemberListQuery } from './query'
import { memberRowById, type MemberRowRaw } from './rows'

type Value = string | number | Date | null

interface ExportColumn {
  header: string
  /** Excel column width in characters (a CJK character counts about two). */
  width: number
  value: (rec: MemberExportRecord, row: MemberRowRaw) => Value
}

const yesNo = (v: unknown) => (v === 1 ? '是' : '否')

/**
 * The columns, in order. Headers are ones the importer recognises, so a full export of a list
 * reads back in unchanged (状态 is ignored on import; 积分 is read as an opening balance only for a
 * member with no points history yet, so it adds nothing to members already on file).
 */
function exportColumns(full: boolean): ExportColumn[] {
  return [
    { header: '卡号', width: 14, value: (r) => r.cardNo },
    { header: '姓名', width: 10, value: (r) => r.name },
    { header: '性别', width: 6, value: (r) => r.gender },
    { header: '手机', width: 14, value: (r) => (full ? r.phone : maskPhone(r.phone)) },
    { header: '生日', width: 12, value: (r) => r.birthday },
    {
      header: '历法',
      width: 6,
      value: (r) => (r.birthday ? (r.birthdayCalendar === 'lunar' ? '农历' : '公历') : null),
    },
    { header: '闰月', width: 6, value: (r) => (r.birthday ? (r.birthdayLeapMonth ? '是' : '否') : null) },
    { header: '身份证号', width: 21, value: (r) => (full ? r.idNumber : maskIdNumber(r.idNumber)) },
    { header: '省份', width: 10, value: (r) => r.province },
    { header: '城市', width: 12, value: (r) => r.city },
    { header: '区县', width: 12, value: (r) => r.district },
    { header: '地址', width: 36, value: (r) => r.address },
    { header: '邮编', width: 8, value: (r) => r.postalCode },
    { header: '等级', width: 8, value: (r) => r.tier },
    { header: '状态', width: 8, value: (r) => STATUS_LABELS[r.status] },
    {
      header: '开卡日期',
      width: 12,
      value: (_, row) => {
        const { y, m, d } = intToYmd(row.join_date as number)
        return new Date(Date.UTC(y, m - 1, d))
      },
    },
    { header: '开卡方式', width: 10, value: (_, row) => row.source as string },
    { header: '积分', width: 10, value: (r) => r.points },
    { header: '短信同意', width: 9, value: (_, row) => yesNo(row.sms_consent) },
    { header: '邮寄同意', width: 9, value: (_, row) => yesNo(row.mail_consent) },
  ]
}

/**
 * Text that Excel would run as a formula (= + - @, and tab/CR which some versions also accept
 * in front of one) gets a leading quote, so a name like "=HYPERLINK(…)" stays plain text.
 */
export function escapeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
}

const isoDate = (d: Date) => d.toISOString().slice(0, 10)

/** One CSV field per RFC 4180: quoted when it holds a comma, quote or line break. */
export function csvField(v: Value): string {
  if (v === null) return ''
  const s = v instanceof Date ? isoDate(v) : typeof v === 'number' ? String(v) : escapeFormula(v)
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/** Members fetched and written between two pauses. */
const BATCH = 1000
const pause = () => new Promise<void>((resolve) => setImmediate(resolve))

/**
 * Writes the filtered member list to .xlsx or .csv. The file appears only when complete (it is
 * written beside the target and renamed), and one audit entry records the count and whether
 * phones and ID numbers were exported in full.
 */
export async function exportMembers(
  db: Db,
  input: { file: string; format: 'xlsx' | 'csv'; filter: MemberListQuery; full: boolean },
  actor: Actor,
): Promise<{ file: string; count: number }> {
  const { where, params } = memberFilterSql(input.filter)
  // The list is fixed up front as ids in order; rows are then read a batch at a time, so the
  // connection is never held by an open cursor while the file streams out between batches.
  const ids = db.sqlite
    .prepare(`SELECT id FROM members ${where} ${memberOrderSql(input.filter)}`)
    .pluck()
    .all(...params) as number[]
  const columns = exportColumns(input.full)
  const temp = `${input.file}.${randomBytes(4).toString('hex')}.part`
  let count = 0
  async function* batches(): AsyncGenerator<Value[][]> {
    for (let i = 0; i < ids.length; i += BATCH) {
      const rows = db.sqlite.transaction(() => ids.slice(i, i + BATCH).flatMap((id) => memberRowById(db, id) ?? []))()
      count += rows.length
      yield rows.map((row) => {
        const rec = toExportRecord(row)
        return columns.map((c) => c.value(rec, row))
      })
      await pause()
    }
  }
  try {
    if (input.format === 'csv') await writeCsv(temp, columns, batches())
    else await writeXlsx(temp, columns, batches())
    await rename(temp, input.file)
  } catch (e) {
    await rm(temp, { force: true })
    throw explainFileError(e, input.file)
  }
  const how = input.full ? '含完整手机号和身份证号' : '手机号和身份证号已打码'
  recordAudit(db, actor, 'export', 'member', null, `导出会员名单${count}条（${input.format.toUpperCase()}，${how}）`)
  return { file: input.file, count }
}

/** Windows refuses to replace a file Excel has open; say so in words the user can act on. */
export function explainFileError(e: unknown, file?: string): unknown {
  const code = (e as NodeJS.ErrnoException)?.code
  if (code === 'EBUSY' || code === 'EPERM' || code === 'EACCES') {
    return conflict('无法写入该文件：它可能正在 Excel 中打开，或该位置没有写入权限。请关闭文件或换个位置后重试')
  }
  return fileError(e, file, 'write') ?? e
}

/** UTF-8 with a BOM (without it Excel reads the file as GBK) and CRLF line ends. */
async function writeCsv(file: string, columns: ExportColumn[], batches: AsyncIterable<Value[][]>) {
  const lines = [columns.map((c) => csvField(c.header)).join(',')]
  for await (const rows of batches) for (const values of rows) lines.push(values.map(csvField).join(','))
  await writeFile(file, `\uFEFF${lines.join('\r\n')}\r\n`, 'utf8')
}

/**
 * Every cell gets one of these shared style objects: exceljs caches the style id per object, so
 * a fresh style per cell (its default) would double the time of a large export.
 */
const STYLE = {
  header: { font: { bold: true } },
  date: { numFmt: 'yyyy-mm-dd' },
  plain: {},
} satisfies Record<string, Partial<ExcelJS.Style>>

async function writeXlsx(file: string, columns: ExportColumn[], batches: AsyncIterable<Value[][]>) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false })
  const ws = wb.addWorksheet('会员名单', { views: [{ state: 'frozen', ySplit: 1 }] })
  ws.columns = columns.map((c) => ({ width: c.width }))
  const header = ws.addRow(columns.map((c) => c.header))
  header.eachCell((cell) => (cell.style = STYLE.header))
  header.commit()
  for await (const rows of batches) {
    for (const values of rows) {
      const row = ws.addRow(values.map((v) => (typeof v === 'string' ? escapeFormula(v) : v)))
      row.eachCell((cell) => (cell.style = cell.value instanceof Date ? STYLE.date : STYLE.plain))
      row.commit()
    }
  }
  ws.commit()
  await wb.commit()
}
