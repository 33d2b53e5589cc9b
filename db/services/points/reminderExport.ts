import type { Actor } from '../../actor'
import type { Db } from '../../handle'
import { recordAudit } from '../audit'
import { writeListFile, type ListColumn } from '../exports/listFile'
import { expiringSoon, type ExpiringMember } from './expiry'

const COLUMNS: ListColumn<ExpiringMember>[] = [
  { header: '卡号', width: 14, value: (m) => m.cardNo },
  { header: '姓名', width: 10, value: (m) => m.name },
  { header: '手机', width: 14, value: (m) => m.phone ?? '', kind: 'phone' },
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
  await writeListFile({ ...input, sheet: '积分到期提醒', columns: COLUMNS, batches: [rows], full: false })
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
