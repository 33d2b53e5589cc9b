import type { Actor } from '../../actor'
import type { Db } from '../../handle'
import { intToYmd } from '../../rules/dates'
import { STATUS_LABELS } from '../../rules/members'
import { exportListFile, type ExportFormat, type ListColumn } from '../exports/listFile'
import { toExportRecord, type MemberExportRecord } from './dto'
import { memberFilterSql, memberOrderSql, type MemberListQuery } from './query'
import { memberRowById, type MemberRowRaw } from './rows'

// Kept here for the exports that imported them from this file before the shared writer existed.
export { csvField, escapeFormula, explainFileError } from '../exports/listFile'

interface Pair {
  rec: MemberExportRecord
  row: MemberRowRaw
}

const yesNo = (v: unknown) => (v === 1 ? '是' : '否')

/**
 * The columns, in order. Headers are ones the importer recognises, so a full export of a list
 * reads back in unchanged (状态 is ignored on import; 积分 is read as an opening balance only for a
 * member with no points history yet, so it adds nothing to members already on file).
 */
function exportColumns(): ListColumn<Pair>[] {
  return [
    { header: '卡号', width: 14, value: ({ rec: r }) => r.cardNo },
    { header: '姓名', width: 10, value: ({ rec: r }) => r.name },
    { header: '性别', width: 6, value: ({ rec: r }) => r.gender },
    { header: '手机', width: 14, value: ({ rec: r }) => r.phone, kind: 'phone' },
    { header: '生日', width: 12, value: ({ rec: r }) => r.birthday },
    {
      header: '历法',
      width: 6,
      value: ({ rec: r }) => (r.birthday ? (r.birthdayCalendar === 'lunar' ? '农历' : '公历') : null),
    },
    { header: '闰月', width: 6, value: ({ rec: r }) => (r.birthday ? (r.birthdayLeapMonth ? '是' : '否') : null) },
    { header: '身份证号', width: 21, value: ({ rec: r }) => r.idNumber, kind: 'idNumber' },
    { header: '省份', width: 10, value: ({ rec: r }) => r.province },
    { header: '城市', width: 12, value: ({ rec: r }) => r.city },
    { header: '区县', width: 12, value: ({ rec: r }) => r.district },
    { header: '地址', width: 36, value: ({ rec: r }) => r.address },
    { header: '邮编', width: 8, value: ({ rec: r }) => r.postalCode },
    { header: '等级', width: 8, value: ({ rec: r }) => r.tier },
    { header: '状态', width: 8, value: ({ rec: r }) => STATUS_LABELS[r.status] },
    {
      header: '开卡日期',
      width: 12,
      value: ({ row }) => {
        const { y, m, d } = intToYmd(row.join_date as number)
        return new Date(Date.UTC(y, m - 1, d))
      },
    },
    { header: '开卡方式', width: 10, value: ({ row }) => row.source as string },
    { header: '积分', width: 10, value: ({ rec: r }) => r.points },
    { header: '短信同意', width: 9, value: ({ row }) => yesNo(row.sms_consent) },
    { header: '邮寄同意', width: 9, value: ({ row }) => yesNo(row.mail_consent) },
  ]
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
  input: { file: string; format: ExportFormat; filter: MemberListQuery; full: boolean },
  actor: Actor,
): Promise<{ file: string; count: number }> {
  const { where, params } = memberFilterSql(db, input.filter)
  // The list is fixed up front as ids in order; rows are then read a batch at a time, so the
  // connection is never held by an open cursor while the file streams out between batches.
  const ids = db.sqlite
    .prepare(`SELECT id FROM members ${where} ${memberOrderSql(input.filter)}`)
    .pluck()
    .all(...params) as number[]
  async function* batches(): AsyncGenerator<Pair[]> {
    for (let i = 0; i < ids.length; i += BATCH) {
      const rows = db.sqlite.transaction(() => ids.slice(i, i + BATCH).flatMap((id) => memberRowById(db, id) ?? []))()
      yield rows.map((row) => ({ rec: toExportRecord(row), row }))
      await pause()
    }
  }
  return exportListFile(
    db,
    { ...input, sheet: '会员名单', columns: exportColumns(), batches: batches(), what: '会员名单', entity: 'member' },
    actor,
  )
}
