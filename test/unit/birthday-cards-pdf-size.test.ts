import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cardsPdf } from '../../db/print/birthdayMail'
import { openPdfRenderer } from '../../db/print/chromium'
import { DEFAULT_CARD_TEMPLATE } from '../../db/rules/birthdayMail'
import { SAMPLE_SENDER, sampleRecipients } from '../support/sampleCards'

// Issue 16: 2,082 cards within 3 × LibreOffice's merge of them (2.4 MB), text still selectable.
// At a unit test's scale: 200 sample members in two documents of 100, joined as a run's are, and
// the first 100 alone. A document's pictures and fonts are a fixed cost that 200 cards cannot
// spread as 2,082 do, so the size for 2,082 is projected from the second hundred's cost, which
// carries a whole second set of font subsets (a run's documents hold 500): an overestimate.
// test/bench/cardPdfSize.ts prints the full 2,082.
const BOUND = 7_200_000
const ISSUE_CARDS = 2082
const CARDS = 200
const recipients = sampleRecipients(CARDS)
const greeting = { template: DEFAULT_CARD_TEMPLATE, giftText: '生日礼品一份', collectDays: 30 }

const has = (family: string) => execFileSync('fc-list', [`:family=${family}`], { encoding: 'utf8' }).trim() !== ''
const fontsPresent = has('WenQuanYi Micro Hei') && has('AR PL UMing CN')

let dir: string
const pdfs: Record<string, { file: string; bytes: number; firstHundred: number }> = {}
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vipdesk-size-'))
  const renderer = await openPdfRenderer()
  try {
    for (const design of ['folded-a5', 'postcard'] as const) {
      const render = (h: string) => renderer.pdf(h)
      const pdf = await cardsPdf({ design, recipients, sender: SAMPLE_SENDER, greeting }, render, 100)
      const first = await cardsPdf(
        { design, recipients: recipients.slice(0, 100), sender: SAMPLE_SENDER, greeting },
        render,
      )
      const file = join(dir, `${design}.pdf`)
      writeFileSync(file, pdf)
      pdfs[design] = { file, bytes: pdf.length, firstHundred: first.length }
    }
  } finally {
    await renderer.close()
  }
}, 300_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe.each(['folded-a5', 'postcard'])('%s: 200 cards joined from two documents', (design) => {
  it('every name is still text: pdftotext finds all of them, and every page is there', () => {
    const text = execFileSync('pdftotext', [pdfs[design]!.file, '-'], { encoding: 'utf8' })
    for (const r of recipients) expect(text, r.name).toContain(r.name)
    const info = execFileSync('pdfinfo', [pdfs[design]!.file], { encoding: 'utf8' })
    expect(info).toMatch(new RegExp(`Pages:\\s+${CARDS * 2}\\b`))
  })

  it("holds each picture once: the second document's pages use the first's pictures", () => {
    const rows = execFileSync('pdfimages', ['-list', pdfs[design]!.file], { encoding: 'utf8' }).split('\n').slice(2)
    const used = (from: number, to: number) =>
      new Set(
        rows
          .map((l) => l.trim().split(/\s+/))
          .filter((c) => +c[0]! >= from && +c[0]! <= to)
          .map((c) => c[10]),
      )
    const first = used(1, CARDS)
    expect(first.size).toBeGreaterThan(0)
    expect([...used(CARDS + 1, CARDS * 2)].filter((o) => !first.has(o))).toEqual([])
  })

  it.runIf(fontsPresent)('2,082 cards would stay within 7.2 MB', () => {
    const { bytes, firstHundred } = pdfs[design]!
    const projected = firstHundred + ((bytes - firstHundred) / 100) * (ISSUE_CARDS - 100)
    expect(projected).toBeLessThan(BOUND)
  })
})
