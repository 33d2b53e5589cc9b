import { loadavg } from 'node:os'
import { addressLabelsHtml } from '../../../db/print/addressLabels'
import { birthdayCardsHtml, CARD_PAGES, type CardDesign, type CardRecipient } from '../../../db/print/birthdayCards'
import { birthdayMailPdfs, CARDS_PER_DOCUMENT } from '../../../db/print/birthdayMail'
import { openPdfRenderer, type PdfRenderer } from '../../../db/print/chromium'
import { joinPdfs, renderAll } from '../../../db/print/pdfJoin'
import { printDocument } from '../../../db/print/document'
import { DEFAULT_CARD_TEMPLATE } from '../../../db/rules/birthdayMail'
import type { BenchContext } from '../context'
import { once, type BenchRow, type BenchSection } from '../report'

const CARDS = 2000

/**
 * 2,000 members with an address from the bench database, as the month's batch would print them
 * (the seed gives most members a full address; the month's list itself is timed in `birthdays`).
 */
function recipients(ctx: BenchContext): CardRecipient[] {
  type Row = Omit<CardRecipient, 'dateThisYear'> & { birthDay: number | null }
  const rows = ctx.db.sqlite
    .prepare(
      `SELECT id AS memberId, card_no AS cardNo, name, gender, province, city, district, address,
              postal_code AS postalCode, birth_day AS birthDay
         FROM members WHERE address IS NOT NULL AND postal_code IS NOT NULL ORDER BY id LIMIT ?`,
    )
    .all(CARDS) as Row[]
  if (rows.length < CARDS)
    throw new Error(`birthdayPrint needs ${CARDS} members with an address: use --members 5000 or more`)
  return rows.map(({ birthDay, ...r }) => ({ ...r, dateThisYear: `2027-12-${String(birthDay ?? 1).padStart(2, '0')}` }))
}

const SENDER = {
  storeName: '和平百货',
  storeAddress: '浙江省杭州市上城区解放路 1 号',
  storePostalCode: '310002',
  storePhone: '0571-8888 6666',
  logo: null,
}

const pagesOf = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length

async function timed<T>(fn: () => Promise<T> | T): Promise<[T, number]> {
  const t = performance.now()
  const value = await fn()
  return [value, performance.now() - t]
}

/**
 * 2,000 birthday cards and their address labels (issue 6: ≤ 20 s), step by step next to bare
 * headless Chromium printing 2,000 trivial A5 pages, so the cost of our HTML shows.
 */
export const birthdayPrintSection: BenchSection = {
  name: 'birthdayPrint',
  async run(ctx) {
    const list = recipients(ctx)
    const load = () => loadavg()[0]!.toFixed(1)
    const rows: BenchRow[] = []
    const bareHtml = (pages: number) =>
      printDocument({
        title: 'bare',
        css: '',
        page: { size: 'A5', margin: '10mm' },
        body: Array.from({ length: pages }, (_, i) => `<div style="page-break-after:always">${i + 1}</div>`).join(''),
      })
    let renderer: PdfRenderer | undefined
    try {
      const [, launch] = await timed(async () => (renderer = await openPdfRenderer()))
      // Chromium's own cost grows faster than the page count: the cards' 4,000 pages are the fair floor.
      for (const pages of [CARDS, CARDS * 2]) {
        const [barePdf, bare] = await timed(() => renderer!.pdf(bareHtml(pages)))
        rows.push({
          label: `bare Chromium: ${pages} trivial A5 pages to PDF`,
          unit: 's',
          bare: once(bare),
          note: `${pagesOf(barePdf)} pages; load ${load()}`,
        })
      }
      for (const design of ['folded-a5', 'postcard'] as CardDesign[]) {
        const greeting = { template: DEFAULT_CARD_TEMPLATE, giftText: '生日礼品一份', collectDays: 30 }
        // The layers one by one: our HTML, Chromium on it (one document, then in documents of
        // CARDS_PER_DOCUMENT two at a time), the join; then the whole as the app and CLI run it.
        const [html, build] = await timed(() => ({
          cards: birthdayCardsHtml({ design, recipients: list, sender: SENDER, greeting }),
          labels: addressLabelsHtml({ layout: '3x7', recipients: list, sender: SENDER }),
        }))
        const [cards, cardsMs] = await timed(() => renderer!.pdf(html.cards))
        const [labels, labelsMs] = await timed(() => renderer!.pdf(html.labels))
        const parts: string[] = []
        for (let i = 0; i < list.length; i += CARDS_PER_DOCUMENT)
          parts.push(
            birthdayCardsHtml({ design, recipients: list.slice(i, i + CARDS_PER_DOCUMENT), sender: SENDER, greeting }),
          )
        const [pdfParts, partsMs] = await timed(() => renderAll((h) => renderer!.pdf(h), parts))
        const [joined, joinMs] = await timed(() => joinPdfs(pdfParts))
        const run = { design, labels: '3x7' as const, labelOffset: 0, recipients: list }
        const [whole, wholeMs] = await timed(async () => {
          const r = await openPdfRenderer()
          try {
            return await birthdayMailPdfs(ctx.db, run, ctx.dir, (h) => r.pdf(h))
          } finally {
            await r.close()
          }
        })
        const mb = (b: Buffer | string) => `${(b.length / 1024 / 1024).toFixed(1)} MB`
        rows.push(
          {
            label: `${design}: build HTML (${CARDS} cards + 3×7 labels)`,
            unit: 's',
            service: once(build),
            note: `cards ${mb(html.cards)}, labels ${mb(html.labels)}`,
          },
          { label: `${design}: launch Chromium`, unit: 's', service: once(launch) },
          {
            label: `${design}: render the cards as one document`,
            unit: 's',
            bare: once(cardsMs),
            note: `${pagesOf(cards)} pages (${CARD_PAGES[design]} a card), ${mb(cards)}; load ${load()}`,
          },
          {
            label: `${design}: render the cards as ${parts.length} documents, 2 at a time`,
            unit: 's',
            bare: once(partsMs),
            note: `${CARDS_PER_DOCUMENT} cards each; load ${load()}`,
          },
          {
            label: `${design}: join them into one PDF`,
            unit: 's',
            bare: once(joinMs),
            note: `${mb(joined)}`,
          },
          {
            label: `${design}: render the labels`,
            unit: 's',
            bare: once(labelsMs),
            note: `${pagesOf(labels)} sheets, ${mb(labels)}`,
          },
          {
            label: `${design}: ${CARDS} cards + labels to PDF, as the app does it`,
            unit: 's',
            service: once(wholeMs),
            target: 20_000,
            note: `launch, HTML, labels beside the cards, join: ${mb(whole.cards)} + ${mb(whole.labels!)}; load ${load()}`,
          },
        )
      }
    } finally {
      await renderer?.close()
    }
    return rows
  },
}
