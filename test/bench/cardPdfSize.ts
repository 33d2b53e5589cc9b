import { writeFileSync } from 'node:fs'
import { type CardDesign, type CardRecipient } from '../../db/print/birthdayCards'
import { cardsPdf } from '../../db/print/birthdayMail'
import { openPdfRenderer } from '../../db/print/chromium'
import { DEFAULT_CARD_TEMPLATE } from '../../db/rules/birthdayMail'
import { personName } from '../../db/seed/names'
import { pickPlace, postalCodeFor, streetAddress } from '../../db/seed/places'
import { Random } from '../../db/seed/random'

/**
 * The printed cards' size at the scale, without a database: `npx tsx
 * test/bench/cardPdfSize.ts [cards] [design…] [--out DIR]`. Sample members as the demo seed makes
 * them (names and addresses vary the way the font subsets do), printed in documents of
 * CARDS_PER_DOCUMENT and joined as the app does. Issue 16's bound: ≤ 3 × LibreOffice's 2.4 MB for
 * 2,082 cards.
 */
export function sampleRecipients(count: number, seed = 16): CardRecipient[] {
  const rnd = new Random(seed)
  return Array.from({ length: count }, (_, i) => {
    const gender = rnd.chance(0.6) ? '女' : '男'
    const place = pickPlace(rnd)
    return {
      memberId: i + 1,
      cardNo: `V${String(i + 1).padStart(7, '0')}`,
      name: personName(rnd, gender, rnd.int(1950, 2004)),
      gender,
      dateThisYear: `2026-12-${String(rnd.int(1, 31)).padStart(2, '0')}`,
      ...place,
      address: streetAddress(rnd, place),
      postalCode: postalCodeFor(rnd, place),
    }
  })
}

export const SAMPLE_SENDER = {
  storeName: '和平百货',
  storeAddress: '浙江省杭州市上城区解放路 1 号',
  storePostalCode: '310002',
  storePhone: '0571-8888 6666',
  logo: null,
}

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

if (process.argv[1]?.endsWith('cardPdfSize.ts')) void main()
