import { describeBirthday, formatBirthday } from '../../rules/birthday'
import { formatYmd, intToYmd } from '../../rules/dates'
import { maskIdNumber } from '../../rules/idNumber'
import { maskPhone } from '../../rules/phone'
import type { MemberStatus } from '../../rules/members'
import type { MemberRowRaw } from './rows'

/** A member as lists show it: phone and ID masked. */
export interface MemberListItem {
  id: number
  cardNo: string
  name: string
  gender: '男' | '女' | null
  phone: string | null
  idNumber: string | null
  birthday: string | null
  birthdayText: string | null
  birthdayCalendar: 'solar' | 'lunar'
  birthdayLeapMonth: boolean
  province: string | null
  city: string | null
  district: string | null
  tier: string
  status: MemberStatus
  joinDate: string
  source: string
  points: number
  smsConsent: boolean
  mailConsent: boolean
}

export function birthdayOf(r: MemberRowRaw) {
  if (r.birth_year === null || r.birth_year === undefined) return null
  return {
    calendar: r.birthday_calendar as 'solar' | 'lunar',
    year: r.birth_year as number,
    month: r.birth_month as number,
    day: r.birth_day as number,
    leapMonth: r.birthday_leap_month === 1,
  }
}

export function toListItem(r: MemberRowRaw): MemberListItem {
  const b = birthdayOf(r)
  return {
    id: r.id,
    cardNo: r.card_no,
    name: r.name,
    gender: (r.gender as '男' | '女' | null) ?? null,
    phone: maskPhone(r.phone as string | null),
    idNumber: maskIdNumber(r.id_number as string | null),
    birthday: b ? formatBirthday(b) : null,
    birthdayText: b ? describeBirthday(b) : null,
    birthdayCalendar: (r.birthday_calendar as 'solar' | 'lunar') ?? 'solar',
    birthdayLeapMonth: r.birthday_leap_month === 1,
    province: (r.province as string | null) ?? null,
    city: (r.city as string | null) ?? null,
    district: (r.district as string | null) ?? null,
    tier: r.tier as string,
    status: r.status as MemberStatus,
    joinDate: formatYmd(intToYmd(r.join_date as number)),
    source: r.source as string,
    points: r.points as number,
    smsConsent: r.sms_consent === 1,
    mailConsent: r.mail_consent === 1,
  }
}

/** The shape `members list --json` promises to scripts outside the app (full values). */
export interface MemberExportRecord {
  cardNo: string
  name: string
  gender: '男' | '女' | null
  phone: string | null
  birthday: string | null
  birthdayCalendar: 'solar' | 'lunar'
  birthdayLeapMonth: boolean
  idNumber: string | null
  province: string | null
  city: string | null
  district: string | null
  address: string | null
  postalCode: string | null
  tier: string
  status: MemberStatus
  points: number
}

export function toExportRecord(r: MemberRowRaw): MemberExportRecord {
  const b = birthdayOf(r)
  return {
    cardNo: r.card_no,
    name: r.name,
    gender: (r.gender as '男' | '女' | null) ?? null,
    phone: (r.phone as string | null) ?? null,
    birthday: b ? formatBirthday(b) : null,
    birthdayCalendar: (r.birthday_calendar as 'solar' | 'lunar') ?? 'solar',
    birthdayLeapMonth: r.birthday_leap_month === 1,
    idNumber: (r.id_number as string | null) ?? null,
    province: (r.province as string | null) ?? null,
    city: (r.city as string | null) ?? null,
    district: (r.district as string | null) ?? null,
    address: (r.address as string | null) ?? null,
    postalCode: (r.postal_code as string | null) ?? null,
    tier: r.tier as string,
    status: r.status as MemberStatus,
    points: r.points as number,
  }
}
