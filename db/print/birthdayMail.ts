import type { Db } from '../handle'
import type { PreparedBatch } from '../services/birthdays/batches'
import { photoDataUrl } from '../services/gifts/photos'
import { getSettings } from '../services/settings'
import { birthdayVoucherOf } from '../services/vouchers/birthday'
import { addressLabelsHtml } from './addressLabels'
import { joinPdfs, renderAll } from './pdfJoin'
import { birthdayCardsHtml, type CardRecipient, type CardSender } from './birthdayCards'

type CardsInput = Parameters<typeof birthdayCardsHtml>[0]

/** The recipients with their birthday vouchers, for {券号} {券面值} on the card. */
const withVouchers = (db: Db, recipients: CardRecipient[]): CardRecipient[] =>
  recipients.map((r) => ({ ...r, voucher: birthdayVoucherOf(db, r.memberId, r.dateThisYear) }))

/** The store as it signs its cards: name, return address and logo from settings. */
export function cardSender(db: Db, photosDir: string): CardSender {
  const s = getSettings(db)
  return {
    storeName: s.storeName,
    storeAddress: s.storeAddress,
    storePostalCode: s.storePostalCode,
    storePhone: s.storePhone,
    logo: photoDataUrl(photosDir, s.storeLogo),
  }
}

export interface BirthdayMailDocs {
  cards: string
  /** Envelopes or label sheets for the same members in the same order; null when none chosen */
  labels: string | null
}

type Run = Pick<PreparedBatch, 'design' | 'labels' | 'labelOffset'> & { recipients: CardRecipient[] }

function cardParts(db: Db, photosDir: string, template?: string) {
  const rules = getSettings(db).birthdayMail
  return {
    sender: cardSender(db, photosDir),
    greeting: { template: template ?? rules.cardTemplate, giftText: rules.giftText, collectDays: rules.collectDays },
  }
}

/** The printable documents of a prepared run: the cards, and their envelopes or labels. */
export function birthdayMailDocs(db: Db, run: Run, photosDir: string, template?: string): BirthdayMailDocs {
  const { sender, greeting } = cardParts(db, photosDir, template)
  return {
    cards: birthdayCardsHtml({ design: run.design, recipients: withVouchers(db, run.recipients), sender, greeting }),
    labels: run.labels
      ? addressLabelsHtml({ layout: run.labels, recipients: run.recipients, sender, offset: run.labelOffset })
      : null,
  }
}

/** Cards per printed document: past this Chromium slows down faster than the pages grow (see pdfJoin). */
export const CARDS_PER_DOCUMENT = 500

/** The cards' HTML in documents of `perDocument` cards, in order. */
export function cardDocuments(input: CardsInput, perDocument = CARDS_PER_DOCUMENT) {
  const docs: { html: string; cards: number }[] = []
  for (let i = 0; i < input.recipients.length; i += perDocument) {
    const recipients = input.recipients.slice(i, i + perDocument)
    docs.push({ html: birthdayCardsHtml({ ...input, recipients }), cards: recipients.length })
  }
  return docs
}

/** The cards alone as one PDF, printed in documents and joined as a run's are (bench, tests). */
export async function cardsPdf(input: CardsInput, render: (html: string) => Promise<Buffer>, perDocument?: number) {
  const docs = cardDocuments(input, perDocument).map((d) => d.html)
  return joinPdfs(await renderAll(render, docs))
}

/**
 * A run as PDF: the cards in documents of CARDS_PER_DOCUMENT joined into one file, and the labels,
 * rendered two at a time. The labels go first so that they print beside the cards, not after.
 */
export async function birthdayMailPdfs(
  db: Db,
  run: Run,
  photosDir: string,
  render: (html: string) => Promise<Buffer>,
  options: { perDocument?: number; onProgress?: (p: PdfProgress) => void } = {},
): Promise<{ cards: Buffer; labels: Buffer | null }> {
  const perDocument = options.perDocument ?? CARDS_PER_DOCUMENT
  const { sender, greeting } = cardParts(db, photosDir)
  const docs: string[] = []
  /** Cards in each document (the labels count none) */
  const counts: number[] = []
  if (run.labels) {
    docs.push(addressLabelsHtml({ layout: run.labels, recipients: run.recipients, sender, offset: run.labelOffset }))
    counts.push(0)
  }
  const recipients = withVouchers(db, run.recipients)
  for (const doc of cardDocuments({ design: run.design, recipients, sender, greeting }, perDocument)) {
    docs.push(doc.html)
    counts.push(doc.cards)
  }
  const total = run.recipients.length
  let done = 0
  const report = options.onProgress ?? (() => {})
  report({ phase: 'render', done, total })
  const pdfs = await renderAll(render, docs, 2, (i) => report({ phase: 'render', done: (done += counts[i]!), total }))
  const labels = run.labels ? pdfs.shift()! : null
  report({ phase: 'join', done: total, total })
  return { cards: await joinPdfs(pdfs), labels }
}

/** How far a run's PDF is: cards rendered so far, then the join. */
export interface PdfProgress {
  phase: 'render' | 'join'
  done: number
  total: number
}

/** Where the labels go when the cards are saved to `file`: beside it, 贺卡.pdf → 贺卡-信封标签.pdf. */
export const labelsFileFor = (file: string) => file.replace(/(\.pdf)?$/i, '-信封标签.pdf')
