import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Printer } from '../../server/core/context'
import type { CallName, InputOf, OutputOf } from '../../server/contract/contract'
import { createMember } from '../../db/services/members/write'
import { dumpDb, makeTestDb, type TestDb } from '../support/db'
import { dispatcherFor, testShell } from '../support/dispatcher'
import { chromiumPrinter } from '../support/printer'

// 生日关怀 through the dispatcher as the renderer calls it: roles, masking, and batches recorded
// only for what really reached a printer or a PDF file.
let t: TestDb
let printer: Printer
let saveTo: string | null
const ADMIN = 1
const CLERK = 2
const VIPROOM = 3
const DEC = '2026-12'

const app = () =>
  dispatcherFor(
    t,
    testShell({
      pickSaveFile: async () => saveTo,
      // Read at call time, so a test can swap the printer between calls.
      printer: { pdf: (html) => printer.pdf(html), print: (html) => printer.print(html) },
    }),
    { [ADMIN]: 'admin', [CLERK]: { name: '钱进', role: 'clerk' }, [VIPROOM]: { name: '赵敏', role: 'viproom' } },
  )

const ADDRESS = { province: '浙江省', city: '杭州市', district: '上城区', address: '解放路 1 号', postalCode: '310002' }
function add(cardNo: string, name: string, birthday: string, phone: string) {
  return createMember(t.db, { cardNo, name, birthday, phone, ...ADDRESS, mailConsent: true, smsConsent: true }, t.admin)
    .id
}

let ids: number[]
beforeEach(() => {
  t = makeTestDb() // 23 November 2026
  saveTo = null
  printer = chromiumPrinter()
  ids = [add('B001', '林晓', '1980-12-03', '13812345678'), add('B002', '周敏', '1975-12-18', '13987654321')]
})
afterEach(() => t.close())

const run = (over: Partial<InputOf<'birthdays:print'>> = {}): InputOf<'birthdays:print'> => ({
  month: DEC,
  design: 'postcard',
  labels: '3x7',
  labelOffset: 2,
  ...over,
})

describe('birthday calls', () => {
  it('lists the month to a clerk with phones masked', async () => {
    const d = await app()
    const r = await d.dispatch('birthdays:month', { month: DEC }, CLERK)
    if (!r.ok) throw new Error(r.error.message)
    const page = r.data as OutputOf<'birthdays:month'>
    expect(page.counts).toMatchObject({ born: 2, mailable: 2, toPrint: 2 })
    expect(page.rows.map((row) => row.phone)).toEqual(['138****5678', '139****4321'])
    expect(JSON.stringify(page)).not.toContain('13812345678')
  })

  it('refuses the VIP room every call that prints, marks or exports, before anything happens', async () => {
    const d = await app()
    const before = dumpDb(t.db)
    const calls: [CallName, unknown][] = [
      ['birthdays:prepare', run()],
      ['birthdays:preview', { month: DEC, memberId: ids[0], design: 'postcard' }],
      ['birthdays:print', run()],
      ['birthdays:savePdf', run()],
      ['birthdays:printLabels', { batchId: 1, layout: '3x7' }],
      ['birthdays:mark', { cardIds: [1], status: 'mailed' }],
      ['birthdays:smsExport', { month: DEC, format: 'csv' }],
      ['birthdays:settingsUpdate', {}],
    ]
    for (const [name, input] of calls) {
      expect(await d.dispatch(name, input as never, VIPROOM), name).toMatchObject({
        ok: false,
        error: { kind: 'forbidden' },
      })
    }
    expect(dumpDb(t.db)).toEqual(before)
  })

  it('records a batch only when the printer says it printed, then prints the labels too', async () => {
    const d = await app()
    const sent: string[] = []
    printer = {
      pdf: () => Promise.reject(new Error('no PDF here')),
      print: async (html) => {
        sent.push(html)
        return false // the clerk cancelled the print dialog
      },
    }
    expect(await d.dispatch('birthdays:print', run(), CLERK)).toEqual({
      ok: true,
      data: { printed: false, labelsPrinted: false, batch: null },
    })
    expect(sent).toHaveLength(1) // the labels are not sent when the cards were not
    expect(await d.dispatch('birthdays:batches', { month: DEC }, CLERK)).toEqual({ ok: true, data: [] })

    const real = chromiumPrinter()
    printer = real
    const r = await d.dispatch('birthdays:print', run(), CLERK)
    expect(r).toMatchObject({
      ok: true,
      data: {
        printed: true,
        labelsPrinted: true,
        batch: { cardCount: 2, labels: '3x7', labelOffset: 2, operatorName: '钱进' },
      },
    })
    expect(real.printed).toHaveLength(2)
    expect(real.printed[0]).toContain('林晓')
    expect(real.printed[0]).toContain('周敏')
    expect(real.printed[1]).toContain('310002')
    // The same members again without 重印 are refused in Chinese, and nothing is sent.
    const again = await d.dispatch('birthdays:print', run({ memberIds: ids }), CLERK)
    expect(again).toMatchObject({ ok: false, error: { kind: 'conflict', message: expect.stringMatching(/重印/) } })
    expect(real.printed).toHaveLength(2)
  })

  it('saves the cards and labels as real PDFs and records the batch; a cancelled dialog records nothing', async () => {
    const d = await app()
    expect(await d.dispatch('birthdays:savePdf', run(), CLERK)).toEqual({ ok: true, data: null })
    expect(await d.dispatch('birthdays:batches', { month: DEC }, CLERK)).toEqual({ ok: true, data: [] })

    saveTo = join(t.dir, '贺卡.pdf')
    const r = await d.dispatch('birthdays:savePdf', run({ memberIds: [ids[1]!] }), CLERK)
    expect(r).toMatchObject({
      ok: true,
      data: { file: saveTo, labelsFile: join(t.dir, '贺卡-信封标签.pdf'), batch: { cardCount: 1 } },
    })
    for (const file of [saveTo, join(t.dir, '贺卡-信封标签.pdf')]) {
      expect(existsSync(file)).toBe(true)
      expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-')
    }
    const month = await d.dispatch('birthdays:month', { month: DEC }, CLERK)
    expect(month).toMatchObject({ ok: true, data: { counts: { printed: 1, toPrint: 1 } } })

    // The batch's envelopes again, as a PDF: no new batch; an offset past the sheet is refused.
    const batchId = (r as { data: { batch: { id: number } } }).data.batch.id
    const bad = await d.dispatch('birthdays:printLabels', { batchId, layout: '2x5', offset: 10, pdf: true }, CLERK)
    expect(bad).toMatchObject({ ok: false, error: { kind: 'validation', message: expect.stringMatching(/0–9/) } })
    saveTo = join(t.dir, '信封.pdf')
    expect(await d.dispatch('birthdays:printLabels', { batchId, layout: 'envelope', pdf: true }, CLERK)).toEqual({
      ok: true,
      data: { printed: true, file: saveTo },
    })
    expect(readFileSync(saveTo).subarray(0, 5).toString()).toBe('%PDF-')
    const batches = await d.dispatch('birthdays:batches', { month: DEC }, CLERK)
    expect((batches as { data: unknown[] }).data).toHaveLength(1)
  }, 60_000)
})
