import { storeZone } from '../../clock'
import { conflict } from '../../errors'
import type { Db } from '../../handle'
import { FIELD_LABELS } from '../../rules/fieldLabels'
import { formatZoned, zonedParts } from '../../rules/storeClock'
import { statements } from '../../statements'
import { labelOf } from '../../validate'
import type { MemberRowRaw } from './rows'

/**
 * A member's version, for the edit form's optimistic check: a desk that opened a member and saves
 * after someone else changed it is refused, instead of writing over what it never saw.
 *
 * The version is the row's `updated_at`, which only the changes a desk at the form cares about
 * write: the form's own fields (the form, a member sheet import, its referrer pass), the status
 * (close, report lost, reactivate), the card (replacement) and the tier (an upgrade at a purchase,
 * the yearly review — the form shows and edits the tier, so a stale form could put it back).
 * Points and debt, the last purchase time, card validity and the address flags are not changes of
 * this kind: the till import writes them for thousands of members a minute, none is on the form,
 * and a desk should not have to reload a member because the member bought something. Their
 * statements leave `updated_at` alone, so the import pays nothing for this check.
 *
 * Every counted write sets `updated_at` with BUMP_VERSION: the time of the change, but always
 * above the previous value, so two changes in one millisecond, or after the clock was set back,
 * still give two versions. In normal running it is simply the time of the change.
 */
export const BUMP_VERSION = 'updated_at = max(?, updated_at + 1), updated_by = ?'

/** The version a member's row is at. */
export const versionOf = (row: MemberRowRaw): number => row.updated_at as number

/**
 * The form's save. The audit entry's summary is built here, beside the code that reads the field
 * labels back out of it for the conflict message, so that the two cannot drift apart.
 */
export const updateSummary = (cardNo: string, labels: string[]) => `修改会员 卡号${cardNo}：${labels.join('、')}`

const KNOWN_LABELS = new Set(Object.values(FIELD_LABELS))

/** Field labels only — whatever else a summary holds (a card number, a reason) stays out. */
function labelsOf(action: string, summary: string): string[] {
  if (action === 'status') return [labelOf('status')]
  if (action === 'replace-card') return [labelOf('cardNo')]
  const list = summary.slice(summary.lastIndexOf('：') + 1)
  return list.split('、').filter((l) => KNOWN_LABELS.has(l))
}

/** The audit actions that change a member's version and name the member. */
const COUNTED = ['update', 'status', 'replace-card']

const stmts = statements((s) => ({
  since: s.prepare(
    `SELECT at, operator_name AS name, action, summary FROM audit_log
     WHERE entity = 'member' AND entity_id = ? AND action IN (${COUNTED.map(() => '?').join(', ')}) AND at > ?
     ORDER BY id`,
  ),
  operator: s.prepare('SELECT name FROM operators WHERE id = ?').pluck(),
}))

interface Change {
  at: number
  name: string
  labels: string[]
}

/**
 * Refuses a save made against an older version, saying who changed the member, what and when, from
 * the member's audit entries since that version. A change without a per-member entry (a sheet
 * import, a tier upgrade at a purchase) still has its author and time on the row itself. Field
 * labels only, never values: the message is shown on a desk and may be logged.
 */
export function checkVersion(db: Db, row: MemberRowRaw, expected: number | undefined): void {
  if (expected === undefined || expected === versionOf(row)) return
  throw conflict(conflictMessage(db, row, expected))
}

function conflictMessage(db: Db, row: MemberRowRaw, expected: number): string {
  const st = stmts(db)
  const entries = st.since.all(String(row.id), ...COUNTED, expected) as {
    at: number
    name: string
    action: string
    summary: string
  }[]
  const changes: Change[] = entries.map((e) => ({ at: e.at, name: e.name, labels: labelsOf(e.action, e.summary) }))
  const last = changes.at(-1)?.at ?? expected
  if (versionOf(row) > last + 1 || !changes.length) {
    const by = row.updated_by == null ? null : (st.operator.get(row.updated_by) as string | undefined)
    changes.push({ at: Math.min(versionOf(row), db.now().getTime()), name: by ?? '系统', labels: [] })
  }
  const names = [...new Set(changes.map((c) => c.name))]
  const labels = [...new Set(changes.flatMap((c) => c.labels))]
  const when = shortTime(db, Math.max(...changes.map((c) => c.at)))
  const what = labels.length ? `（${labels.join('、')}）` : ''
  const who =
    names.length === 1 ? `${names[0]} 于 ${when} 修改${what}` : `${names.join('、')} 修改${what}，最近一次在 ${when}`
  return `该会员资料已被 ${who}，请重新载入后再改`
}

/** 'MM-DD HH:mm' in the store's zone; the year too when it is not this year. */
function shortTime(db: Db, ms: number): string {
  const zone = storeZone(db)
  const text = formatZoned(ms, zone)
  return zonedParts(ms, zone).y === zonedParts(db.now().getTime(), zone).y ? text.slice(5) : text
}
