import { storeDayOf } from '../support/storeTime'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { closeDatabase, openDatabase } from '../../db/open'
import { calendarQuarter } from '../../db/rules/gifts'
import { setupAdmin, toActor } from '../../db/services/operators'
import { runCliCaptured } from '../support/cli'
import { makeGift } from '../support/gifts'

let dir: string
let dbFile: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vipdesk-cli-catalogue-'))
  dbFile = join(dir, 'vipdesk.sqlite')
  const db = openDatabase(dbFile)
  const admin = toActor(setupAdmin(db, { name: 'admin', password: 'secret123' }))
  makeGift(db, admin, { code: 'G001', name: '保温杯', pointsPrice: 500 }, 3)
  makeGift(db, admin, { code: 'G002', name: '羊绒围巾', pointsPrice: 6000, availableFrom: 20260401 }, 1)
  closeDatabase(db)
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const cli = (...args: string[]) => runCliCaptured(['--db', dbFile, ...args], { cwd: dir })

describe('gifts catalogue', () => {
  it('writes the PDF for the period and reports it', async () => {
    const r = await cli('gifts', 'catalogue', '--pdf', '礼品册.pdf', '--from', '2026-01-01', '--until', '2026-03-31')
    expect(r.code).toBe(0)
    const file = join(dir, '礼品册.pdf')
    expect(r.stdout).toBe(
      '注意：1 件礼品没有照片（保温杯），礼品册上会印成"图片待补"。请先在「库存」中为它们添加照片，再打印或保存。\n' +
        `礼品册已保存到 ${file}：1 种礼品，1 页，有效期 2026-01-01 至 2026-03-31。\n`,
    )
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-')
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })
    expect(text).toContain('保温杯')
    expect(text).not.toContain('羊绒围巾')
  }, 30_000)

  it('defaults to the current quarter and prints JSON for scripts', async () => {
    const r = await cli('--json', 'gifts', 'catalogue', '--pdf', 'q.pdf')
    expect(r.code).toBe(0)
    const q = calendarQuarter(storeDayOf(Date.now()))
    expect(JSON.parse(r.stdout)).toMatchObject({ file: join(dir, 'q.pdf'), validFrom: q.from, validUntil: q.until })
  }, 30_000)

  it('needs --pdf and dates written YYYY-MM-DD (usage errors, exit 2)', async () => {
    expect(await cli('gifts', 'catalogue')).toMatchObject({ code: 2, stderr: expect.stringContaining('需要 --pdf') })
    const bad = await cli('gifts', 'catalogue', '--pdf', 'x.pdf', '--from', '2026/01/01')
    expect(bad).toMatchObject({ code: 2, stderr: expect.stringContaining('YYYY-MM-DD') })
    expect(await cli('gifts', 'list', '--from', '2026-01-01')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('不接受选项 --from'),
    })
    expect(existsSync(join(dir, 'x.pdf'))).toBe(false)
  })

  it('refuses a reversed or empty period in Chinese (exit 1) and writes nothing', async () => {
    const reversed = await cli('gifts', 'catalogue', '--pdf', 'x.pdf', '--from', '2026-03-31', '--until', '2026-01-01')
    expect(reversed).toMatchObject({ code: 1, stderr: '有效期结束日期不能早于开始日期\n' })
    const none = await cli('gifts', 'catalogue', '--pdf', 'x.pdf', '--from', '2025-01-01', '--until', '2025-01-31')
    expect(none.code).toBe(0)
    rmSync(join(dir, 'x.pdf'))
    const db = openDatabase(dbFile)
    db.sqlite.prepare('UPDATE gifts SET points_price = NULL').run()
    closeDatabase(db)
    const empty = await cli('gifts', 'catalogue', '--pdf', 'x.pdf')
    expect(empty).toMatchObject({ code: 1, stderr: expect.stringContaining('没有可兑换的礼品') })
    expect(existsSync(join(dir, 'x.pdf'))).toBe(false)
  }, 30_000)
})
