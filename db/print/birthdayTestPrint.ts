import type { Db } from '../handle'
import type { CardDesign } from '../rules/birthdayMail'
import { birthdayMailDocs } from './birthdayMail'
import type { CardRecipient } from './birthdayCards'

/**
 * A one-card test print (样张): the chosen design with a made-up member and the store's own sender
 * block, through the same documents as a real run, so the clerk can check the paper, the side that
 * faces up and the duplex flip before printing a thousand. Nothing is recorded.
 */
export const SAMPLE_RECIPIENT: CardRecipient = {
  memberId: 0,
  cardNo: '样张',
  name: '王小明',
  gender: '男',
  dateThisYear: '2026-06-18',
  province: '上海市',
  city: '上海市',
  district: '黄浦区',
  address: '南京东路 100 号 8 楼',
  postalCode: '200001',
}

export function birthdayTestPrintHtml(db: Db, design: CardDesign, photosDir: string): string {
  const run = { design, labels: null, labelOffset: 0, recipients: [SAMPLE_RECIPIENT] }
  return birthdayMailDocs(db, run, photosDir).cards
}
