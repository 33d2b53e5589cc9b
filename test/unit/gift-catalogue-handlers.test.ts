import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeTestDb, type TestDb } from '../support/db'
import { dispatcherFor, testShell } from '../support/dispatcher'
import { makeGift } from '../support/gifts'
import { chromiumPrinter } from '../support/printer'

// 礼品册 through the dispatcher as the renderer calls it, with a real PDF from headless Chromium.
let t: TestDb
let saveTo: string | null
let asked: { title: string; defaultName: string }[]
let printer: ReturnType<typeof chromiumPrinter>
const ADMIN = 1
const CLERK = 2
const Q1 = { validFrom: 20260101, validUntil: 20260331 }

const app = () =>
  dispatcherFor(
    t,
    testShell({
      pickSaveFile: async (o) => {
        asked.push(o)
        return saveTo
      },
      printer,
    }),
    { [ADMIN]: 'admin', [CLERK]: { name: '钱进', role: 'clerk' } },
  )

beforeEach(() => {
  t = makeTestDb()
  saveTo = null
  asked = []
  printer = chromiumPrinter()
  makeGift(t.db, t.admin, { code: 'G01', name: '保温杯', pointsPrice: 800 }, 3)
})
afterEach(() => t.close())

describe('gift catalogue calls', () => {
  it('previews for any role: the HTML, the count and the pages', async () => {
    const d = await app()
    const r = await d.dispatch('gifts:catalogue', Q1, CLERK)
    expect(r).toMatchObject({ ok: true, data: { count: 1, pages: 1, html: expect.stringContaining('保温杯') } })
  })

  it('saves a PDF where the dialog says, named for the period', async () => {
    const d = await app()
    saveTo = join(t.dir, '礼品册.pdf')
    const r = await d.dispatch('gifts:catalogueSave', Q1, ADMIN)
    expect(r).toEqual({ ok: true, data: { file: saveTo, count: 1, pages: 1 } })
    expect(asked).toMatchObject([{ defaultName: '礼品册-20260101.pdf' }])
    expect(readFileSync(saveTo).subarray(0, 5).toString()).toBe('%PDF-')
  }, 30_000)

  it('writes nothing when the dialog is cancelled', async () => {
    const d = await app()
    expect(await d.dispatch('gifts:catalogueSave', Q1, ADMIN)).toEqual({ ok: true, data: null })
    expect(existsSync(join(t.dir, '礼品册.pdf'))).toBe(false)
  })

  it('sends the same document to the printer', async () => {
    const d = await app()
    expect(await d.dispatch('gifts:cataloguePrint', Q1, ADMIN)).toEqual({ ok: true, data: { printed: true } })
    expect(printer.printed).toHaveLength(1)
    expect(printer.printed[0]).toContain('保温杯')
  })

  it('refuses a reversed period or an empty catalogue before any dialog opens', async () => {
    const d = await app()
    const reversed = await d.dispatch('gifts:catalogueSave', { validFrom: 20260331, validUntil: 20260101 }, ADMIN)
    expect(reversed).toMatchObject({
      ok: false,
      error: { kind: 'validation', message: '有效期结束日期不能早于开始日期' },
    })
    const none = await d.dispatch('gifts:cataloguePrint', { validFrom: 20300101, validUntil: 20300101 }, ADMIN)
    expect(none).toMatchObject({ ok: true })
    t.db.sqlite.prepare('UPDATE gifts SET active = 0').run()
    const empty = await d.dispatch('gifts:cataloguePrint', Q1, ADMIN)
    expect(empty).toMatchObject({ ok: false, error: { kind: 'not_found' } })
    expect(asked).toEqual([])
    expect(printer.printed).toHaveLength(1)
  })
})
