import { storeZone } from '../../clock'
import { SYSTEM_ACTOR, type Actor } from '../../actor'
import { validationError } from '../../errors'
import { inLongTransaction, isInLongTransaction, type Db } from '../../handle'
import { storeDayInt } from '../../clock'
import { lengthProblem, lineAmountProblem, purchaseDayProblem } from '../../rules/limits'
import { parseWholeNumber } from '../../rules/money'
import { recordAudit } from '../audit'
import { canonicalCounter, canonicalDepartment, inactiveProblem } from '../departments/list'
import { getSettings } from '../settings'
import { cellText } from '../members/import/cells'
import { previewHead } from '../members/import/previewHead'
import type { SheetData } from '../members/import/read'
import type { ImportIssue, ImportProgress, ImportResult } from '../members/import/types'
import { useVoucherIn } from '../vouchers/use'
import { PurchaseBook, RETURN_BEFORE_SALE } from './book'
import { checkTillVouchers, type TillVoucherLine } from './importVouchers'
import {
  dayOfTillTime,
  guessPurchaseMapping,
  parseAmountFen,
  parseTime,
  parseYesNo,
  PURCHASE_FIELD_LABELS,
  REQUIRED_PURCHASE_FIELDS,
  type PurchaseField,
  type PurchaseMapping,
} from './columns'

/** Rows between two progress reports (and pauses that let the UI breathe). */
const BATCH = 2000
const pause = () => new Promise<void>((resolve) => setImmediate(resolve))

/** A till file's spelling of a 课别 the list does not know, with the number of lines printed so. */
export interface UnknownDepartment {
  department: string
  lines: number
}
/** A 专柜 not among its (known) department's counters, with its number of lines. */
export interface UnknownCounter {
  department: string
  counter: string
  lines: number
}

export interface PurchaseImportPreview {
  fileName: string
  totalRows: number
  headers: string[]
  mapping: PurchaseMapping
  /** Required fields no column is mapped to (labels) */
  missing: string[]
  willInsert: number
  /** Lines already imported (same receipt and line): they are skipped */
  alreadyThere: number
  rejected: ImportIssue[]
  /** What the reader noticed but did not refuse (a workbook's other sheets) */
  warnings: string[]
  /** 课别 and 专柜 of the file that the list (设置 → 课别与专柜) does not know: the wizard maps them */
  unknownDepartments: UnknownDepartment[]
  unknownCounters: UnknownCounter[]
}

interface Outcome {
  result: ImportResult
  alreadyThere: number
  vouchersUsed: number
  unknownDepartments: UnknownDepartment[]
  unknownCounters: UnknownCounter[]
}

function missingOf(mapping: PurchaseMapping): string[] {
  const has = new Set(mapping.filter(Boolean))
  const missing = REQUIRED_PURCHASE_FIELDS.filter((f) => !has.has(f)).map((f) => PURCHASE_FIELD_LABELS[f])
  if (!has.has('cardNo') && !has.has('phone')) missing.push('卡号或手机号')
  return missing
}

/**
 * Reads, checks and writes every line; the caller holds the transaction. Each member's lines are
 * written in time order (stable for equal times) so that a return can name a receipt earlier in
 * the file.
 */
async function importLines(
  db: Db,
  sheet: SheetData,
  mapping: PurchaseMapping,
  actor: Actor,
  onProgress?: (p: ImportProgress) => void,
): Promise<Outcome> {
  const col = new Map<PurchaseField, number>()
  mapping.forEach((f, i) => f && !col.has(f) && col.set(f, i))
  const book = new PurchaseBook(db, true)
  const rejected: ImportIssue[] = []
  const reject = (row: number, field: PurchaseField, reason: string) =>
    rejected.push({ row, column: sheet.headers[col.get(field) ?? -1] ?? PURCHASE_FIELD_LABELS[field], reason })
  let lines: TillVoucherLine[] = []
  const { limits } = getSettings(db)
  const today = storeDayInt(db)
  /**
   * Per receipt, the row of each line number so far (index lineNo - 1): numbers the lines of a
   * file without a 行号 column in file order (stable when the same file comes again), and finds
   * a second line with the same number, which would otherwise vanish as "already there".
   */
  const receiptRows = new Map<string, number[]>()
  // The file's spellings of 课别 and 专柜 resolved once each against the list: a canonical name, or
  // null for one it does not know (the row is rejected and the wizard offers to map it).
  const departments = new Map<string, string | null>()
  const counters = new Map<string, string | null>()
  const unknownDepartments = new Map<string, UnknownDepartment>()
  const unknownCounters = new Map<string, UnknownCounter>()
  const stopped = new Map<string, ReturnType<typeof inactiveProblem>>()
  const departmentOf = (t: string) => {
    if (!departments.has(t)) departments.set(t, canonicalDepartment(db, t))
    return departments.get(t)!
  }
  const counterOf = (d: string, t: string) => {
    const k = `${d}\u0000${t}`
    if (!counters.has(k)) counters.set(k, canonicalCounter(db, d, t))
    return counters.get(k)!
  }
  const total = sheet.rows.length
  const zone = storeZone(db)
  // Column positions once, not per cell: a till file has a million rows.
  const at = (f: PurchaseField) => col.get(f) ?? -1
  const pos = {
    receiptNo: at('receiptNo'),
    lineNo: at('lineNo'),
    department: at('department'),
    counter: at('counter'),
    originalReceiptNo: at('originalReceiptNo'),
    specialPrice: at('specialPrice'),
    cardNo: at('cardNo'),
    phone: at('phone'),
    voucherNos: at('voucherNos'),
  }
  let row = 0
  let cells: SheetData['rows'][number]['cells'] = []
  const text = (i: number) => (i < 0 ? '' : cellText(cells[i]))
  const tooLong = (f: 'receiptNo' | 'department' | 'counter' | 'originalReceiptNo', value: string, max: number) => {
    const problem = lengthProblem(PURCHASE_FIELD_LABELS[f], value, max)
    if (problem) reject(row, f, problem)
    return problem !== null
  }
  for (let i = 0; i < total; i++) {
    ;({ row, cells } = sheet.rows[i]!)
    const receiptNo = text(pos.receiptNo)
    if (!receiptNo) {
      reject(row, 'receiptNo', '没有单号')
      continue
    }
    if (tooLong('receiptNo', receiptNo, limits.receiptNoLength)) continue
    let seen = receiptRows.get(receiptNo)
    let lineNo = (seen?.length ?? 0) + 1
    if (pos.lineNo >= 0) {
      const n = parseWholeNumber(text(pos.lineNo))
      if (n === null || n < 1 || n > 9999) {
        reject(row, 'lineNo', '行号须为 1–9999 的整数')
        continue
      }
      lineNo = n
    }
    const first = seen?.[lineNo - 1]
    if (first !== undefined) {
      reject(row, pos.lineNo >= 0 ? 'lineNo' : 'receiptNo', `与第 ${first} 行的单号和行号重复`)
      continue
    }
    if (!seen) receiptRows.set(receiptNo, (seen = []))
    seen[lineNo - 1] = row
    const purchasedAt = parseTime(cells[col.get('purchasedAt')!], zone)
    if (purchasedAt === null) {
      reject(row, 'purchasedAt', '无法识别的交易时间（例：2026-11-09 14:30）')
      continue
    }
    const day = dayOfTillTime(purchasedAt, zone)
    const badDay = purchaseDayProblem(limits, day, today)
    if (badDay) {
      reject(row, 'purchasedAt', badDay)
      continue
    }
    const amountFen = parseAmountFen(cells[col.get('amount')!])
    if (amountFen === null) {
      reject(row, 'amount', '金额不是有效数字（单位：元，最多两位小数）')
      continue
    }
    const tooMuch = lineAmountProblem(limits, amountFen)
    if (tooMuch) {
      reject(row, 'amount', tooMuch)
      continue
    }
    const department = text(pos.department)
    const counter = text(pos.counter)
    const originalReceiptNo = text(pos.originalReceiptNo)
    if (tooLong('department', department, limits.departmentLength)) continue
    if (tooLong('counter', counter, limits.counterLength)) continue
    if (tooLong('originalReceiptNo', originalReceiptNo, limits.receiptNoLength)) continue
    const knownDepartment = department ? departmentOf(department) : ''
    if (knownDepartment === null) {
      const u = unknownDepartments.get(department) ?? { department, lines: 0 }
      unknownDepartments.set(department, { ...u, lines: u.lines + 1 })
      reject(row, 'department', `课别「${department}」不在课别列表中（设置 → 课别与专柜）`)
      continue
    }
    const knownCounter = counter && knownDepartment ? counterOf(knownDepartment, counter) : counter
    if (knownCounter === null) {
      const k = `${knownDepartment}\u0000${counter}`
      const u = unknownCounters.get(k) ?? { department: knownDepartment, counter, lines: 0 }
      unknownCounters.set(k, { ...u, lines: u.lines + 1 })
      reject(row, 'counter', `专柜「${counter}」不在课别「${knownDepartment}」的专柜列表中`)
      continue
    }
    // A sale may not be booked to a deactivated 课别 or 专柜; a return still nets where its sale was.
    if (amountFen >= 0 && knownDepartment) {
      const k = `${knownDepartment}\u0000${knownCounter}`
      if (!stopped.has(k)) stopped.set(k, inactiveProblem(db, knownDepartment, knownCounter))
      const problem = stopped.get(k)
      if (problem) {
        reject(row, problem.field, problem.message)
        continue
      }
    }
    const special = parseYesNo(text(pos.specialPrice))
    if (special === null) {
      reject(row, 'specialPrice', '特价须填"是"或"否"')
      continue
    }
    const found = book.findMember(text(pos.cardNo), text(pos.phone))
    if (!found.ok) {
      reject(
        row,
        found.field === 'phone' && col.has('phone') ? 'phone' : col.has('cardNo') ? 'cardNo' : 'phone',
        found.reason,
      )
      continue
    }
    lines.push({
      row,
      day,
      voucherCell: text(pos.voucherNos),
      line: {
        receiptNo,
        lineNo,
        memberId: found.memberId,
        memberRef: found.ref,
        purchasedAt,
        amountFen,
        department: knownDepartment,
        counter: knownCounter,
        noPoints: special,
        originalReceiptNo: originalReceiptNo || null,
        source: 'import',
      },
    })
    if ((i + 1) % BATCH === 0) {
      onProgress?.({ phase: 'check', done: i + 1, total })
      await pause()
    }
  }
  onProgress?.({ phase: 'check', done: total, total })
  // The 券号 column, in file order (the second use of a number is the one refused).
  if (pos.voucherNos >= 0) {
    const refused = checkTillVouchers(db, lines)
    for (const r of refused) reject(r.row, 'voucherNos', r.reason)
    const bad = new Set(refused.map((r) => r.row))
    if (bad.size) lines = lines.filter((l) => !bad.has(l.row))
  }
  // Member by member, each in time order (stable for equal times): a return finds its original,
  // which must be the same member's, and each member's rows and index pages are written together
  // instead of being revisited once per line across a big file.
  lines.sort((a, b) => a.line.memberId - b.line.memberId || a.line.purchasedAt - b.line.purchasedAt)
  // A return dated before a sale further down the file would otherwise read as "no original";
  // the file's sales are indexed only when a return fails, which is rare.
  let fileSales: Map<string, number> | null = null
  const firstSaleInFile = (memberId: number, receiptNo: string) => {
    if (!fileSales) {
      fileSales = new Map()
      for (const { line: l } of lines) {
        if (l.amountFen <= 0) continue
        const k = `${l.memberId}\u0000${l.receiptNo}`
        fileSales.set(k, Math.min(fileSales.get(k) ?? Infinity, l.purchasedAt))
      }
    }
    return fileSales.get(`${memberId}\u0000${receiptNo}`)
  }
  let inserted = 0
  let alreadyThere = 0
  let vouchersUsed = 0
  for (let i = 0; i < lines.length; i++) {
    const { row, line, day, vouchers } = lines[i]!
    // A return's points depend on what is written, so it asks first; a sale's do not, and its
    // insert finds out itself whether the line is there (a file imported before).
    if (line.amountFen < 0 && book.exists(line.receiptNo, line.lineNo)) {
      alreadyThere++
    } else {
      const p = book.points(line)
      if (p.ok) {
        if (book.writeIfNew(line, p, actor)) {
          inserted++
          // Used on this receipt at the time of the purchase, in the import's transaction.
          for (const v of vouchers ?? []) {
            useVoucherIn(db, v, { receiptNo: line.receiptNo, channel: 'import', at: line.purchasedAt }, actor, day)
            vouchersUsed++
          }
        } else alreadyThere++
      } else {
        const sale = line.originalReceiptNo && firstSaleInFile(line.memberId, line.originalReceiptNo)
        reject(row, 'originalReceiptNo', sale && sale > line.purchasedAt ? RETURN_BEFORE_SALE : p.reason)
      }
    }
    if ((i + 1) % BATCH === 0) {
      onProgress?.({ phase: 'write', done: i + 1, total: lines.length })
      await pause()
    }
  }
  book.flush()
  onProgress?.({ phase: 'write', done: lines.length, total: lines.length })
  rejected.sort((a, b) => a.row - b.row)
  // An identical re-import reports its lines as neither inserted nor updated: nothing changed.
  return {
    result: { inserted, updated: 0, rejected },
    alreadyThere,
    vouchersUsed,
    unknownDepartments: [...unknownDepartments.values()],
    unknownCounters: [...unknownCounters.values()],
  }
}

/** Connections with a purchase import transaction open. */
/** True while a purchase import (or its preview) holds its transaction open. */
export const isPurchaseImporting = isInLongTransaction

/**
 * What the import would do, exactly: it runs the import and rolls it back, because a return may
 * refer to a receipt earlier in the same file and only writing shows whether its points resolve.
 */
export async function previewPurchaseImport(
  db: Db,
  sheet: SheetData,
  mapping: PurchaseMapping = guessPurchaseMapping(sheet.headers),
  onProgress?: (p: ImportProgress) => void,
): Promise<PurchaseImportPreview> {
  const missing = missingOf(mapping)
  const base = previewHead(sheet, mapping, missing)
  if (missing.length)
    return { ...base, willInsert: 0, alreadyThere: 0, rejected: [], unknownDepartments: [], unknownCounters: [] }
  const o = await inLongTransaction(db, () => importLines(db, sheet, mapping, SYSTEM_ACTOR, onProgress), false)
  return {
    ...base,
    willInsert: o.result.inserted,
    alreadyThere: o.alreadyThere,
    rejected: o.result.rejected,
    unknownDepartments: o.unknownDepartments,
    unknownCounters: o.unknownCounters,
  }
}

/**
 * Imports a till file in one transaction: good lines go in with their points, bad ones are
 * listed by row and column, lines already imported are skipped. Any error rolls it all back.
 */
export async function commitPurchaseImport(
  db: Db,
  sheet: SheetData,
  mapping: PurchaseMapping,
  actor: Actor,
  onProgress?: (p: ImportProgress) => void,
): Promise<ImportResult> {
  const missing = missingOf(mapping)
  if (missing.length) throw validationError(`缺少必需的列：${missing.join('、')}`)
  const o = await inLongTransaction(db, async () => {
    const out = await importLines(db, sheet, mapping, actor, onProgress)
    const r = out.result
    recordAudit(
      db,
      actor,
      'import',
      'purchase',
      null,
      `导入消费（文件：${sheet.fileName}）：新增${r.inserted}行，已存在${out.alreadyThere}行，拒绝${new Set(r.rejected.map((x) => x.row)).size}行${out.vouchersUsed ? `，核销券${out.vouchersUsed}张` : ''}`,
    )
    return out
  })
  return o.result
}
