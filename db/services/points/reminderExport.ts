import { randomBytes } from 'node:crypto'
import { rename, rm, writeFile } from 'node:fs/promises'
import ExcelJS from 'exceljs'
import type { Actor } from '../../actor'
import type { Db } from '../../handle'
import { recordAudit } from '../audit'
import { csvField, escapeFormula, explainFileError } from '../members/export'
import { expiringSoon, type ExpiringMember } from './expiry'

const COLUMNS: { header: string; width: number; value: (m: ExpiringMember) => string | number }[] = [
  { header: '卡号', width: 14, value: (m) => m.cardNo },
  { header: '姓名', width: 10, value: (m) => m.name },
  { header: '手机', width: 14, value: (m) => m.phone ?? '' },
  { header: '即将过期积分', width: 14, value: (m) => m.points },
  { header: '过期日期', width: 12, value: (m) => m.expiresOn },
  { header: '当前积分', width: 10, value: (m) => m.balance },
]

/**
 * The reminder list (members whose points lapse within `days` of `asOf`) as .xlsx or .csv, for
 * the calls and SMS before the points go. Phones stay masked: the list leaves the desk, and the
 * card number is enough to look the member up. Written beside the target and renamed when done.
 */
export async function exportExpiring(
  db: Db,
  input: { file: string; format: 'xlsx' | 'csv'; asOf: string; days: number },
  actor: Actor,
): Promise<{ file: string; count: number }> {
  const rows: ExpiringMember[] = []
  for (let page = 1; ; page++) {
    const got = expiringSoon(db, { asOf: input.asOf, days: input.days, page, pageSize: 200 })
    rows.push(...got.rows)
    if (rows.length >= got.total || !got.rows.length) break
  }
  const values = rows.map((m) => COLUMNS.map((c) => c.value(m)))
  const temp = `${input.file}.${randomBytes(4).toString('hex')}.part`
  try {
    if (input.format === 'csv') {
      const lines = [COLUMNS.map((c) => csvField(c.header)), ...values.map((v) => v.map(csvField))]
      await writeFile(temp, `\uFEFF${lines.map((l) => l.join(',')).join('\r\n')}\r\n`, 'utf8')
    } else {
      const wb = new ExcelJS.Workbook()
      const ws = wb.addWorksheet('积分到期提醒', { views: [{ state: 'frozen', ySplit: 1 }] })
      ws.columns = COLUMNS.map((c) => ({ width: c.width }))
      ws.addRow(COLUMNS.map((c) => c.header)).font = { bold: true }
      for (const v of values) ws.addRow(v.map((x) => (typeof x === 'string' ? escapeFormula(x) : x)))
      await wb.xlsx.writeFile(temp)
    }
    await rename(temp, input.file)
  } catch (e) {
    await rm(temp, { force: true })
    throw explainFileError(e, input.file)
  }
  recordAudit(
    db,
    actor,
    'export',
    'points',
    null,
    `导出积分到期提醒名单${rows.length}条（${input.days}天内，${input.format.toUpperCase()}）`,
  )
  return { file: input.file, count: rows.length }
}
