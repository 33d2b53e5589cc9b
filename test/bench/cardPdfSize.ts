import { writeFileSync } from 'node:fs'
import type { CardDesign } from '../../db/print/birthdayCards'
import { cardsPdf } from '../../db/print/birthdayMail'
import { openPdfRenderer } from '../../db/print/chromium'
import { DEFAULT_CARD_TEMPLATE } from '../../db/rules/birthdayMail'
import { SAMPLE_SENDER, sampleRecipients } from '../support/sampleCards'

/**
 * The printed cards' size at the scale, without a database: `npx tsx
 * test/bench/cardPdfSize.ts [cards] [design…] [--out DIR]`. Sample members as the demo seed makes
 * them (names and addresses vary the way the font subsets do), printed in documents of
 * CARDS_PER_DOCUMENT and joined as the app does. Issue 16's bound: ≤ 3 × LibreOffice's 2.4 MB for
 * 2,082 cards.
 */

async function main() {
  const args = process.argv.slice(2)
  const outAt = args.indexOf('--out')
  const out = outAt >= 0 ? args.splice(outAt, 2)[1] : undefined
  const count = Number(args.find((a) => /^\d+$/.test(a)) ?? 2082)
  const designs = args.filter((a) => !/^\d+$/.test(a)) as CardDesign[]
  const recipients = sampleRecipients(count)
  const greeting = { template: DEFAULT_CARD_TEMPLATE, giftText: '生日礼品一份', collectDays: 30 }
  const renderer = await openPdfRenderer()
  try {
    for (const design of designs.length ? designs : (['folded-a5', 'postcard'] as const)) {
      const t = performance.now()
      const pdf = await cardsPdf({ design, recipients, sender: SAMPLE_SENDER, greeting }, (h) => renderer.pdf(h))
      const mb = pdf.length / 1024 / 1024
      console.log(
        `${design}: ${count} cards ${mb.toFixed(2)} MB (${(pdf.length / count / 1024).toFixed(2)} KB a card), ${((performance.now() - t) / 1000).toFixed(1)} s`,
      )
      if (out) writeFileSync(`${out}/${design}-${count}.pdf`, pdf)
    }
  } finally {
    await renderer.close()
  }
}

void main()
