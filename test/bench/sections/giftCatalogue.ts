import { mkdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { closeDatabase } from '../../../db/open'
import { chromium } from 'playwright-core'
import type { Db } from '../../../db/handle'
import { chromiumExecutable, openPdfRenderer } from '../../../db/print/chromium'
import { giftCatalogueHtml } from '../../../db/print/giftCatalogue'
import { photosDirOf } from '../../../db/services/gifts'
import { giftPhoto } from '../../support/png'
import type { BenchContext } from '../context'
import { once, type BenchRow, type BenchSection } from '../report'

const GIFTS = 200
const PERIOD = { validFrom: 20260101, validUntil: 20260331 }

// Runs in the page (the bench's tsconfig has no DOM types, hence a string).
const DRAW_PHOTOS = `(n) => {
  const out = []
  const c = document.createElement('canvas')
  c.width = c.height = 640
  const g = c.getContext('2d')
  for (let i = 0; i < n; i++) {
    const bg = g.createLinearGradient(0, 0, 640, 640)
    bg.addColorStop(0, \`hsl(\${(i * 37) % 360}, 35%, 93%)\`)
    bg.addColorStop(1, \`hsl(\${(i * 37) % 360}, 25%, 72%)\`)
    g.fillStyle = bg
    g.fillRect(0, 0, 640, 640)
    g.fillStyle = \`hsl(\${(i * 53) % 360}, 55%, 45%)\`
    g.beginPath()
    g.arc(320, 340, 180 + (i % 5) * 10, 0, Math.PI * 2)
    g.fill()
    const img = g.getImageData(0, 0, 640, 640)
    const grain = 18 + (i % 4) * 8
    for (let k = 0; k < img.data.length; k += 4) {
      const v = (Math.random() - 0.5) * grain
      img.data[k] += v
      img.data[k + 1] += v
      img.data[k + 2] += v
    }
    g.putImageData(img, 0, 0)
    out.push(c.toDataURL('image/jpeg', 0.78 + (i % 3) * 0.05))
  }
  return out
}`

/**
 * Camera-like JPEGs (640 px, gradient, subject, sensor noise; ~50–150 KB), drawn by Chromium's
 * canvas: no image library needed, and the files are ordinary baseline JPEGs.
 */
async function cameraJpegs(count: number): Promise<Buffer[]> {
  const browser = await chromium.launch({ executablePath: chromiumExecutable() })
  try {
    const page = await browser.newPage()
    const urls = (await page.evaluate(`(${DRAW_PHOTOS})(${count})`)) as string[]
    return urls.map((u) => Buffer.from(u.slice(u.indexOf(',') + 1), 'base64'))
  } finally {
    await browser.close()
  }
}

/**
 * 200 redemption gifts across the bands, each with its own photo: camera JPEGs, and every fourth
 * a PNG product cut-out (PNGs cost Chromium far more to put into a PDF than JPEGs).
 */
async function seedCatalogue(ctx: BenchContext, db: Db, photosDir: string) {
  mkdirSync(photosDir, { recursive: true })
  const jpegs = await cameraJpegs(GIFTS)
  const now = Date.now()
  const insert = db.sqlite.prepare(
    `INSERT INTO gifts (code, name, category, unit_cost_fen, points_price, on_hand, photo, max_balance, min_tier,
                        created_at, updated_at)
     VALUES (?, ?, 'redemption', 1000, ?, 10, ?, ?, ?, ?, ?)`,
  )
  const sizes: number[] = []
  db.sqlite.transaction(() => {
    for (let i = 0; i < GIFTS; i++) {
      const code = `P${String(i).padStart(4, '0')}`
      const png = i % 4 === 3
      const photo = `${code}.${png ? 'png' : 'jpg'}`
      const bytes = png
        ? giftPhoto(
            [40 + ((i * 37) % 180), 60 + ((i * 53) % 160), 80 + ((i * 71) % 150)],
            300 + (i % 5) * 20,
            24 + (i % 4) * 8,
            i + 1,
          )
        : jpegs[i]!
      writeFileSync(join(photosDir, photo), bytes)
      sizes.push(bytes.length)
      const points = [300, 500, 800, 1000, 1500, 2000, 3000, 4000, 5000, 8000, 12000, 20000][i % 12]!
      const small = points < 3000 && i % 3 === 0 ? 3000 : null
      insert.run(code, `积分兑换礼品 ${i + 1} 号`, points, photo, small, points >= 10000 ? '金卡' : null, now, now)
    }
  })()
  const kb = (n: number) => `${Math.round(n / 1024)} KB`
  const total = sizes.reduce((a, b) => a + b, 0)
  return `photos ${kb(Math.min(...sizes))}–${kb(Math.max(...sizes))}, ${(total / 1024 / 1024).toFixed(1)} MB (3/4 JPEG, 1/4 PNG)`
}

/**
 * The printed gift catalogue (issue 4: 200 gifts with photos ≤ 15 s): building the HTML (photos
 * read and embedded), launching headless Chromium, and rendering the PDF, each timed once.
 */
export const giftCatalogueSection: BenchSection = {
  name: 'giftCatalogue',
  async run(ctx) {
    const db = ctx.freshDb('catalogue')
    const photosDir = photosDirOf(join(ctx.dir, 'catalogue.sqlite'))
    ctx.log(`seeding ${GIFTS} redemption gifts with photos…`)
    const photos = await seedCatalogue(ctx, db, photosDir)

    const t0 = performance.now()
    const doc = giftCatalogueHtml(db, { ...PERIOD, photosDir })
    const t1 = performance.now()
    const renderer = await openPdfRenderer()
    const t2 = performance.now()
    let pdf: Buffer
    try {
      pdf = await renderer.pdf(doc.html)
    } finally {
      await renderer.close()
    }
    const t3 = performance.now()
    closeDatabase(db)
    const file = join(ctx.dir, 'catalogue.pdf')
    writeFileSync(file, pdf)
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`
    const rows: BenchRow[] = [
      {
        label: `catalogue: build HTML (${GIFTS} gifts)`,
        unit: 's',
        service: once(t1 - t0),
        note: `html ${mb(doc.html.length)}; ${photos}`,
      },
      { label: 'catalogue: launch Chromium', unit: 's', service: once(t2 - t1) },
      {
        label: 'catalogue: render PDF',
        unit: 's',
        service: once(t3 - t2),
        note: `${doc.pages} pages, ${mb(statSync(file).size)}`,
      },
      { label: `catalogue PDF of ${GIFTS} gifts, total`, unit: 's', service: once(t3 - t0), target: 15_000 },
    ]
    return rows
  },
}
