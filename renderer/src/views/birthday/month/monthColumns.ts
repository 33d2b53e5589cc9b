import { NTag } from 'naive-ui'
import type { DataTableColumns } from 'naive-ui'
import { h } from 'vue'
import type { BirthdayMember } from '../../../../../db/services/birthdays/month'
import { BIRTHDAY_CARD_STATUS_LABELS } from '../../../../../db/rules/birthdayMail'
import { birthdayLabel } from '../../../../../db/rules/lunarText'

/** Mail consent and an address no card has come back from: the only rows a card can go to. */
export const isMailable = (r: BirthdayMember) => r.mailConsent && r.hasAddress && !r.addressReturned

const tag = (text: string, type: 'default' | 'info' | 'success' | 'warning' | 'error' = 'default', testid?: string) =>
  h(NTag, { size: 'small', bordered: false, type, ...(testid ? { 'data-testid': testid } : {}) }, () => text)

const yesNo = (v: boolean) => (v ? '是' : h('span', { class: 'muted' }, '否'))

const CARD_TYPES = { printed: 'info', mailed: 'success', returned: 'error' } as const

/** 1966-04-15, or 农历1966年闰三月廿六 as staff write it; without a year 04-15 / 农历闰三月廿六. */
const birthdayText = (r: BirthdayMember) => birthdayLabel(r.birthday, r.calendar, r.leapMonth)

/** The month list's columns; the selection column is the first, only mailable rows can be ticked. */
export function monthColumns(): DataTableColumns<BirthdayMember> {
  return [
    { type: 'selection', disabled: (r) => !isMailable(r) },
    { title: '今年生日', key: 'dateThisYear', width: 104 },
    { title: '卡号', key: 'cardNo', width: 110 },
    { title: '姓名', key: 'name', render: (r) => h('span', { 'data-testid': 'birthday-name' }, r.name) },
    {
      title: '生日',
      key: 'birthday',
      width: 170,
      render: (r) =>
        h('span', { class: 'cell' }, [
          h('span', { 'data-testid': 'birthday-date' }, birthdayText(r)),
          r.calendar === 'lunar' ? null : tag('公历'),
        ]),
    },
    { title: '等级', key: 'tier', width: 72 },
    { title: '手机', key: 'phone', width: 120, render: (r) => r.phone ?? h('span', { class: 'muted' }, '—') },
    {
      title: '地址',
      key: 'address',
      width: 72,
      render: (r) =>
        r.addressReturned
          ? tag('退回', 'error', 'birthday-address')
          : r.hasAddress
            ? tag('有', 'success', 'birthday-address')
            : tag('无', 'default', 'birthday-address'),
    },
    { title: '短信', key: 'sms', width: 56, render: (r) => yesNo(r.smsConsent) },
    { title: '邮寄', key: 'mail', width: 56, render: (r) => yesNo(r.mailConsent) },
    {
      title: '贺卡',
      key: 'card',
      width: 130,
      render: (r) =>
        r.card
          ? tag(BIRTHDAY_CARD_STATUS_LABELS[r.card.status], CARD_TYPES[r.card.status], 'birthday-card')
          : h('span', { class: 'muted', 'data-testid': 'birthday-card' }, '未打印'),
    },
  ]
}
