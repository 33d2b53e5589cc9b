import type { AddressParts } from './mailAddress'
import { normalizePostalCode } from './postal'
import { squash } from './text'
import { salutationOf } from './birthdayMail'

/**
 * What goes on an envelope, a label or a postcard's address side, in the Chinese order: postal
 * code, address, recipient; sender at the bottom right. Every printed design takes its lines from
 * here, so a missing field is dropped the same way everywhere: never a blank line, never "null".
 */

const clean = (s: string | null | undefined) => (s == null ? '' : squash(s))

/**
 * The address as printed: 省市区 on one line (no spaces, as people write it; a municipality's
 * city repeats its province — 北京市北京市 — and is written once), the street on the next. A
 * street typed with its 省市区 in front does not repeat them.
 */
export function addressLines(a: Omit<AddressParts, 'postalCode'>): string[] {
  const province = clean(a.province)
  const city = clean(a.city)
  const district = clean(a.district)
  const region = [province, city === province ? '' : city, district].join('')
  let street = clean(a.address)
  for (const prefix of [region, province + city, province]) {
    if (prefix && street.startsWith(prefix) && street.length > prefix.length) {
      street = street.slice(prefix.length).trim()
      break
    }
  }
  return [region, street].filter((line) => line !== '')
}

/** 张三 先生 收 / 李四 女士 收; with the gender unknown just 张三 收 (会员 is for greetings). */
export function recipientLine(name: string, gender: string | null): string {
  const salutation = salutationOf(gender)
  return [clean(name), salutation === '会员' ? '' : salutation, '收'].filter(Boolean).join(' ')
}

/** The six digits for the six boxes; six empty boxes when the code is missing or not six digits. */
export function postalDigits(code: string | null | undefined): string[] {
  const valid = normalizePostalCode(code ?? null)
  return valid ? valid.split('') : ['', '', '', '', '', '']
}

export interface SenderSettings {
  storeName: string
  storeAddress: string
  storePostalCode: string
  storePhone: string
}

/** The sender block (寄件人): address, store, postal code, phone — whichever are set. */
export function senderLines(s: SenderSettings): string[] {
  const code = normalizePostalCode(s.storePostalCode)
  const phone = clean(s.storePhone)
  return [
    clean(s.storeAddress),
    clean(s.storeName),
    code ? `邮政编码 ${code}` : '',
    phone ? `电话 ${phone}` : '',
  ].filter((line) => line !== '')
}

/**
 * Why a run's sender block would be wrong, or null. Envelopes, labels and a postcard's address side
 * print the sender; without an address it says only the store's name, and mail the post cannot
 * deliver has nowhere to come back to. A folded card alone prints no sender block.
 */
export function senderWarning(s: SenderSettings, run: { design: string; labels: string | null }): string | null {
  if (!run.labels && run.design !== 'postcard') return null
  if (clean(s.storeAddress)) return null
  const what = [
    run.labels ? (run.labels === 'envelope' ? '信封' : '标签') : '',
    run.design === 'postcard' ? '明信片' : '',
  ]
    .filter(Boolean)
    .join('和')
  return `还没有设置门店地址：${what}上的寄件人只会印"${clean(s.storeName)}"，退回的邮件也无处可退。请先到 设置 → 门店 填写地址、邮编和电话（命令行：settings store --address … --postcode …）。`
}
