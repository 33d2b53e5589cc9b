import type { Actor } from '../../../actor'
import { validationError } from '../../../errors'
import { inLongTransaction, isInLongTransaction, type Db } from '../../../handle'
import { statements } from '../../../statements'
import { recordAudit } from '../../audit'
import { assignMissingValidity } from '../../tiers/validity'
import type { MemberColumns } from '../fields'
import { insertMemberRow, memberIdByCard, updateMemberRow } from '../rows'
import { BUMP_VERSION } from '../version'
import { ImportChecker, type CheckOutcome } from './check'
import { missingMessage, planColumns } from './columns'
import { postOpeningBalances } from './opening'
import type { SheetData } from './read'
import type { ColumnMapping, ImportProgress, ImportResult } from './types'

/** Rows handled between two pauses: small enough for smooth progress, large enough to be cheap. */
const BATCH = 2000

const stmts = statements((s) => ({
  setReferrer: s.prepare(`UPDATE members SET referrer_id = ?, ${BUMP_VERSION} WHERE id = ? AND referrer_id IS NOT ?`),
}))

/** True while an import holds its transaction open on this connection. */
export const isImporting = isInLongTransaction

const pause = () => new Promise<void>((resolve) => setImmediate(resolve))

/**
 * Checks and writes the whole sheet in one transaction: new card numbers are inserted, known
 * ones (old replaced cards included) updated with the row's non-empty cells, bad rows listed.
 * Any error rolls everything back, so a failure leaves the database as it was.
 */
export async function commitMemberImport(
  db: Db,
  sheet: SheetData,
  mapping: ColumnMapping,
  actor: Actor,
  onProgress?: (p: ImportProgress) => void,
): Promise<ImportResult> {
  const plan = planColumns(sheet, mapping)
  if (plan.missing.length) throw validationError(missingMessage(plan.missing))
  return inLongTransaction(db, async () => {
    const checked = await checkAll(db, sheet, plan, onProgress)
    const { result, openings } = await writeAll(db, checked, sheet.fileName, actor, onProgress)
    recordAudit(
      db,
      actor,
      'import',
      'member',
      null,
      `导入会员（文件：${sheet.fileName}）：新增${result.inserted}条，更新${result.updated}条，拒绝${checked.rejectedRows}行` +
        (openings ? `，期初积分${openings}条` : ''),
    )
    return result
  })
}

async function checkAll(
  db: Db,
  sheet: SheetData,
  plan: ReturnType<typeof planColumns>,
  onProgress?: (p: ImportProgress) => void,
): Promise<CheckOutcome> {
  const checker = new ImportChecker(db, plan)
  const total = sheet.rows.length
  for (let i = 0; i < total; i++) {
    checker.checkRow(sheet.rows[i]!)
    if ((i + 1) % BATCH === 0) {
      onProgress?.({ phase: 'check', done: i + 1, total })
      await pause()
    }
  }
  onProgress?.({ phase: 'check', done: total, total })
  return checker.finish()
}

async function writeAll(
  db: Db,
  checked: CheckOutcome,
  fileName: string,
  actor: Actor,
  onProgress?: (p: ImportProgress) => void,
): Promise<{ result: ImportResult; openings: number }> {
  const { planned } = checked
  const total = planned.length
  const ids = new Map<number, number>()
  let inserted = 0
  let updated = 0
  for (let i = 0; i < total; i++) {
    const p = planned[i]!
    if (p.before) {
      updateMemberRow(db, p.before, p.values, undefined, actor)
      ids.set(p.row, p.before.id)
      updated++
    } else {
      ids.set(p.row, insertMemberRow(db, p.values as MemberColumns, null, actor))
      inserted++
    }
    if ((i + 1) % BATCH === 0) {
      onProgress?.({ phase: 'write', done: i + 1, total })
      await pause()
    }
  }
  // Referrers last: a row may name a friend who appears further down the file.
  const now = db.now().getTime()
  for (const p of planned) {
    if (!p.referrerCardNo) continue
    const refId = memberIdByCard(db, p.referrerCardNo)
    if (refId === undefined) throw new Error(`推荐人卡号在导入过程中消失：第${p.row}行`)
    stmts(db).setReferrer.run(refId, now, actor.id, ids.get(p.row), refId)
  }
  const openings = postOpeningBalances(db, planned, ids, fileName, actor)
  // New cards are valid for the set months from their join date.
  assignMissingValidity(db)
  onProgress?.({ phase: 'write', done: total, total })
  return { result: { inserted, updated, rejected: checked.rejected }, openings }
}
