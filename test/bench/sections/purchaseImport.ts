import { createWriteStream } from 'node:fs'
import { join } from 'node:path'
import { once as eventOnce } from 'node:events'
import { SYSTEM_ACTOR } from '../../../db/actor'
import { departmentPicker, lineAmountFen } from '../../../db/seed/departments'
import { readSheetFile } from '../../../db/services/members/import'
import { guessPurchaseMapping } from '../../../db/services/purchases/columns'
import { commitPurchaseImport, previewPurchaseImport } from '../../../db/services/purchases/import'
import type { BenchContext } from '../context'
import { once, type BenchRow, type BenchSection } from '../report'
import { timeOnce } from '../stats'

const LINES = 1_000_000
const HEADERS = ['小票号', '行号', '销售时间', '会员卡号', '手机号', '实收金额', '课别', '专柜', '特价', '原单号']
const pad = (n: number) => String(n).padStart(2, '0')
const stamp = (ms: number) => {
  const d = new Date(ms)
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
}

/**
 * A till export of the last 30 days: a million lines for existing members (by card, a fifth by
 * phone), multi-line receipts, ~2 % returns of receipts earlier in the file, and ~0.3 % bad lines
 * (unknown card, unreadable amount or time). Written as UTF-8 CSV with a BOM, as Excel saves it.
 * Receipts are numbered `${receiptPrefix}000000001` on: another prefix makes a file whose lines
 * are all new to a database that already holds this section's import.
 */
export async function writeTillCsv(
  ctx: BenchContext,
  file: string,
  lines = LINES,
  receiptPrefix = 'B',
): Promise<{ bad: number }> {
  const rnd = ctx.rnd
  const members = ctx.db.sqlite.prepare('SELECT card_no, phone FROM members').raw().all() as [string, string | null][]
  const depts = departmentPicker()
  const now = ctx.db.now().getTime()
  const out = createWriteStream(file)
  const write = async (text: string) => {
    if (!out.write(text)) await eventOnce(out, 'drain')
  }
  await write(`\ufeff${HEADERS.join(',')}\n`)
  const recent: { receipt: string; card: string; fen: number; at: number; dept: string; counter: string }[] = []
  let serial = 0
  let written = 0
  let bad = 0
  let chunk = ''
  while (written < lines) {
    const at = now - rnd.int(1, 30 * 86_400_000)
    const receipt = `${receiptPrefix}${String(++serial).padStart(9, '0')}`
    if (recent.length > 50 && rnd.chance(0.02)) {
      const o = recent[rnd.int(0, recent.length - 1)]!
      chunk += `${receipt},1,${stamp(o.at + 3_600_000)},${o.card},,${(-o.fen / 100).toFixed(2)},${o.dept},${o.counter},否,${o.receipt}\n`
      written++
    } else {
      const [card, phone] = members[rnd.int(0, members.length - 1)]!
      const byPhone = phone !== null && rnd.chance(0.2)
      const dept = depts.department.pick(rnd)
      const counter = depts.counters.get(dept)!.pick(rnd)
      const items = Math.min(lines - written, 1 + (rnd.chance(0.35) ? rnd.int(1, 3) : 0))
      for (let line = 1; line <= items; line++) {
        const fen = lineAmountFen(rnd, counter)
        let cardCell = byPhone ? '' : card
        let amount = (fen / 100).toFixed(2)
        let time = stamp(at)
        const r = rnd.next()
        if (r < 0.001) cardCell = '8601999999999'
        else if (r < 0.002) amount = '12O.00'
        else if (r < 0.003) time = '2026-13-45 25:61'
        if (r < 0.003) bad++
        const special = rnd.chance(counter.special) ? '是' : '否'
        chunk += `${receipt},${line},${time},${cardCell},${byPhone ? phone : ''},${amount},${dept.name},${counter.name},${special},\n`
        written++
        if (line === 1 && r >= 0.003 && !byPhone && special === '否') {
          if (recent.length >= 1000)
            recent[rnd.int(0, 999)] = { receipt, card, fen, at, dept: dept.name, counter: counter.name }
          else recent.push({ receipt, card, fen, at, dept: dept.name, counter: counter.name })
        }
      }
    }
    if (chunk.length > 1 << 20) {
      await write(chunk)
      chunk = ''
    }
  }
  await write(chunk)
  out.end()
  await eventOnce(out, 'finish')
  return { bad }
}

/** The till import as the app runs it: read the file, preview (runs and rolls back), commit. */
export const purchaseImportSection: BenchSection = {
  name: 'purchase import',
  async run(ctx) {
    const rows: BenchRow[] = []
    const file = join(ctx.dir, 'till.csv')
    ctx.log(`writing a ${LINES.toLocaleString('en-US')}-line till CSV…`)
    const { bad } = await writeTillCsv(ctx, file)
    ctx.log('reading it…')
    const read = await timeOnce(() => readSheetFile(file))
    const sheet = read.value
    const mapping = guessPurchaseMapping(sheet.headers)
    rows.push({ label: `read ${LINES.toLocaleString('en-US')}-line till CSV`, unit: 's', service: once(read.ms) })
    ctx.log('previewing…')
    const preview = await timeOnce(() => previewPurchaseImport(ctx.db, sheet, mapping))
    rows.push({
      label: '  preview (checks every line, writes, rolls back)',
      unit: 's',
      service: once(preview.ms),
      note: `would insert ${preview.value.willInsert}, rejected ${preview.value.rejected.length}`,
    })
    ctx.log('committing…')
    const commit = await timeOnce(() => commitPurchaseImport(ctx.db, sheet, mapping, SYSTEM_ACTOR))
    rows.push({
      label: '  commit (one transaction)',
      unit: 's',
      service: once(commit.ms),
      note: `inserted ${commit.value.inserted}, rejected ${commit.value.rejected.length} (${bad} bad lines written)`,
    })
    rows.push({
      label: `import ${LINES.toLocaleString('en-US')} purchase lines from CSV (read + commit)`,
      unit: 's',
      service: once(read.ms + commit.ms),
      target: 40_000,
      note: `with preview ${((read.ms + preview.ms + commit.ms) / 1000).toFixed(1)} s`,
    })
    return rows
  },
}
