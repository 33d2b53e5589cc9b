import type { CardRecipient } from '../../db/print/birthdayCards'
import { personName } from '../../db/seed/names'
import { pickPlace, postalCodeFor, streetAddress } from '../../db/seed/places'
import { Random } from '../../db/seed/random'

/**
 * Card recipients as the demo seed makes members: their names and addresses vary the way a real
 * month's do, which is what the cards' font subsets (and so the PDF's size) depend on.
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
