import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { birthdayMailPdfs } from '../../db/print/birthdayMail'
import { htmlToPdf } from '../../db/print/chromium'
import { renderAll } from '../../db/print/pdfJoin'
import { prepareBirthdayBatch } from '../../db/services/birthdays/batches'
import { photosDirOf } from '../../db/services/gifts/photos'
import { createMember } from '../../db/services/members/write'
import { makeTestDb, type TestDb } from '../support/db'

let t: TestDb
beforeEach(() => (t = makeTestDb()))
afterEach(() => t.close())

const NAMES = ['赵一', '钱二', '孙三', '李四', '周五', '吴六', '郑七']

function pdfText(pdf: Buffer, name: string): { text: string; pages: number } {
  const file = join(t.dir, name)
  writeFileSync(file, pdf)
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1])
  return { text: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }), pages }
}

describe('big print runs in several documents', () => {
  it('renders at most two at a time and keeps the order', async () => {
    let running = 0
    let most = 0
    const render = async (html: string) => {
      most = Math.max(most, ++running)
      await new Promise((r) => setTimeout(r, html.length % 7))
      running--
      return Buffer.from(html)
    }
    const out = await renderAll(render, ['a', 'bb', 'ccc', 'dddd', 'eeeee'])
    expect(out.map(String)).toEqual(['a', 'bb', 'ccc', 'dddd', 'eeeee'])
    expect(most).toBe(2)
  })

  it('joins the cards of documents of 2 into one PDF: every member once, in order, labels apart', async () => {
    NAMES.forEach((name, i) =>
      createMember(
        t.db,
        {
          cardNo: `J00${i}`,
          name,
          birthday: `1980-12-0${i + 1}`,
          mailConsent: true,
          province: '浙江省',
          city: '杭州市',
          district: '西湖区',
          address: `文三路 ${i + 1} 号`,
          postalCode: `31001${i}`,
        },
        t.admin,
      ),
    )
    const run = prepareBirthdayBatch(t.db, { month: '2026-12', design: 'postcard', labels: '2x5', labelOffset: 6 })
    let documents = 0
    const progress: { phase: string; done: number }[] = []
    const pdfs = await birthdayMailPdfs(t.db, run, photosDirOf(t.file), (html) => (documents++, htmlToPdf(html)), {
      perDocument: 2,
      onProgress: (p) => progress.push({ phase: p.phase, done: p.done }),
    })
    expect(documents).toBe(1 + 4) // labels + ceil(7 / 2) card documents
    // Cards counted as their documents finish (the labels count none), then the join.
    const rendered = progress.filter((p) => p.phase === 'render').map((p) => p.done)
    expect(rendered[0]).toBe(0)
    expect(rendered.at(-1)).toBe(7)
    expect([...rendered].sort((a, b) => a - b)).toEqual(rendered)
    expect(progress.at(-1)).toEqual({ phase: 'join', done: 7 })
    const cards = pdfText(pdfs.cards, 'cards.pdf')
    expect(cards.pages).toBe(NAMES.length * 2) // greeting side and address side
    const at = NAMES.map((n) => cards.text.indexOf(n))
    expect(at.every((i) => i >= 0)).toBe(true)
    expect([...at].sort((a, b) => a - b)).toEqual(at)
    const labels = pdfText(pdfs.labels!, 'labels.pdf')
    expect(labels.pages).toBe(2) // 6 used + 7 labels on sheets of 10
    for (let i = 0; i < NAMES.length; i++) {
      expect(labels.text).toContain(NAMES[i])
      expect(labels.text.replace(/\s/g, '')).toContain(`31001${i}`)
    }
  }, 60_000)
})
