import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { addStaffRow, buy, holdRow, member } from '../support/care'
import { makeTestDb, type TestDb } from '../support/db'
import { dispatcherFor, testShell } from '../support/dispatcher'
import { chromiumPrinter } from '../support/printer'

// 月度评比 and its report through the dispatcher as the renderer calls them, with a real PDF.
let t: TestDb
let saveTo: string | null
let asked: { title: string; defaultName: string }[]
let printer: ReturnType<typeof chromiumPrinter>
const ADMIN = 1
const CLERK = 2
const OCT = { month: '2026-10' }

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
  const s = addStaffRow(t.db, '孙悦')
  const m = member(t.db, t.admin, 'C0001', '1980-11-09')
  holdRow(t.db, s, m, 20260101)
  buy(t.db, t.admin, m, 20261005, 10000)
  buy(t.db, t.admin, m, 20261025, 10000)
})
afterEach(() => t.close())

describe('league calls', () => {
  it('the planners read the league and the report preview; a clerk may not', async () => {
    const d = await app()
    expect(await d.dispatch('care:league', OCT, CLERK)).toMatchObject({ ok: false, error: { kind: 'forbidden' } })
    expect(await d.dispatch('care:league', OCT, ADMIN)).toMatchObject({
      ok: true,
      data: { month: '2026-10', rows: [{ staff: '孙悦', vips: 1, purchases: 2, average: 2, rank: 1, winner: true }] },
    })
    const r = await d.dispatch('care:leagueReport', OCT, ADMIN)
    expect(r).toMatchObject({ ok: true, data: { month: '2026-10', maintainers: 1 } })
    const html = (r as { data: { html: string } }).data.html
    expect(html).toContain('<svg')
    expect(html).not.toContain('<script')
    expect(html).toContain('会员C0001') // a VIP born in November, listed for next month
  })

  it('saves the PDF where the dialog says; a cancelled dialog writes nothing', async () => {
    const d = await app()
    expect(await d.dispatch('care:leagueSave', OCT, ADMIN)).toEqual({ ok: true, data: null })
    saveTo = join(t.dir, '评比.pdf')
    expect(await d.dispatch('care:leagueSave', OCT, ADMIN)).toEqual({
      ok: true,
      data: { file: saveTo, month: '2026-10', maintainers: 1 },
    })
    expect(asked.map((a) => a.defaultName)).toEqual(['月度评比-2026-10.pdf', '月度评比-2026-10.pdf'])
    expect(readFileSync(saveTo).subarray(0, 5).toString()).toBe('%PDF-')
  }, 30_000)

  it('prints the same document; a bad month is refused before any dialog', async () => {
    const d = await app()
    expect(await d.dispatch('care:leaguePrint', OCT, ADMIN)).toEqual({ ok: true, data: { printed: true } })
    expect(printer.printed[0]).toContain('孙悦')
    const bad = await d.dispatch('care:leagueSave', { month: '2026-13' }, ADMIN)
    expect(bad).toMatchObject({ ok: false, error: { kind: 'validation' } })
    expect(asked).toEqual([])
    expect(existsSync(join(t.dir, '评比.pdf'))).toBe(false)
  })

  it('a clerk may read the cake list but not schedule', async () => {
    const d = await app()
    expect(await d.dispatch('care:cakeList', { month: '2026-11' }, CLERK)).toMatchObject({
      ok: true,
      data: { rows: [{ cardNo: 'C0001', birthdayThisYear: '2026-11-09', maintainer: '孙悦' }] },
    })
    const r = await d.dispatch(
      'care:cakeSchedule',
      { memberId: 1, month: '2026-11', scheduledAt: 1, delivererId: 1 },
      CLERK,
    )
    expect(r).toMatchObject({ ok: false, error: { kind: 'forbidden' } })
  })
})
