import type { Db } from '../handle'
import type { PreparedBatch } from '../services/birthdays/batches'
import { photoDataUrl } from '../services/gifts/photos'
import { getSettings } from '../services/settings'
import { addressLabelsHtml } from './addressLabels'
import { birthdayCardsHtml, type CardRecipient, type CardSender } from './birthdayCards'

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

/** The printable documents of a prepared run: the cards, and their envelopes or labels. */
export function birthdayMailDocs(
  db: Db,
  run: Pick<PreparedBatch, 'design' | 'labels' | 'labelOffset'> & { recipients: CardRecipient[] },
  photosDir: string,
  template?: string,
): BirthdayMailDocs {
  const rules = getSettings(db).birthdayMail
  const sender = cardSender(db, photosDir)
  const greeting = {
    template: template ?? rules.cardTemplate,
    giftText: rules.giftText,
    collectDays: rules.collectDays,
  }
  return {
    cards: birthdayCardsHtml({ design: run.design, recipients: run.recipients, sender, greeting }),
    labels: run.labels
      ? addressLabelsHtml({ layout: run.labels, recipients: run.recipients, sender, offset: run.labelOffset })
      : null,
  }
}

/** Where the labels go when the cards are saved to `file`: beside it, 贺卡.pdf → 贺卡-信封标签.pdf. */
export const labelsFileFor = (file: string) => file.replace(/(\.pdf)?$/i, '-信封标签.pdf')
