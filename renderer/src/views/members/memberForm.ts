import type { Source } from '../../../../db/rules/members'
import type { CreateMemberInput, MemberDetail, UpdateMemberInput } from '../../../../db/services/members'
import { todayText } from '@/format/time'

/** What the member form edits: text as typed, the region as the cascader's 'p/c/d' path. */
export interface MemberFormModel {
  cardNo: string
  name: string
  gender: '男' | '女' | null
  phone: string
  birthday: string
  birthdayCalendar: 'solar' | 'lunar'
  birthdayLeapMonth: boolean
  idNumber: string
  region: string | null
  address: string
  postalCode: string
  tier: string
  joinDate: string | null
  source: Source
  referrerCardNo: string
  smsConsent: boolean
  mailConsent: boolean
  notes: string
}

export function emptyModel(tier: string): MemberFormModel {
  return {
    cardNo: '',
    name: '',
    gender: null,
    phone: '',
    birthday: '',
    birthdayCalendar: 'solar',
    birthdayLeapMonth: false,
    idNumber: '',
    region: null,
    address: '',
    postalCode: '',
    tier,
    joinDate: todayText(),
    source: '服务台',
    referrerCardNo: '',
    smsConsent: false,
    mailConsent: false,
    notes: '',
  }
}

/**
 * The form for an existing member. Phone and ID number stay empty: the list only ever has their
 * masked form, and a field left empty means "keep what is on file".
 */
export function modelFromDetail(d: MemberDetail): MemberFormModel {
  return {
    cardNo: d.cardNo,
    name: d.name,
    gender: d.gender,
    phone: '',
    birthday: d.birthday ?? '',
    birthdayCalendar: d.birthdayCalendar,
    birthdayLeapMonth: d.birthdayLeapMonth,
    idNumber: '',
    region: [d.province, d.city, d.district].filter(Boolean).join('/') || null,
    address: d.address ?? '',
    postalCode: d.postalCode ?? '',
    tier: d.tier,
    joinDate: d.joinDate,
    source: d.source as Source,
    referrerCardNo: d.referrer?.cardNo ?? '',
    smsConsent: d.smsConsent,
    mailConsent: d.mailConsent,
    notes: d.notes,
  }
}

function splitRegion(region: string | null) {
  const [province = null, city = null, district = null] = region ? region.split('/') : []
  return { province, city, district }
}

const text = (s: string) => (s.trim() === '' ? null : s.trim())

/** Every filled field for a new member; the service supplies defaults for the rest. */
export function toCreateInput(m: MemberFormModel): CreateMemberInput {
  const input: CreateMemberInput = {
    cardNo: m.cardNo.trim(),
    name: m.name.trim(),
    gender: m.gender,
    phone: text(m.phone),
    birthday: text(m.birthday),
    birthdayCalendar: m.birthdayCalendar,
    birthdayLeapMonth: m.birthdayCalendar === 'lunar' && m.birthdayLeapMonth,
    idNumber: text(m.idNumber),
    ...splitRegion(m.region),
    address: text(m.address),
    postalCode: text(m.postalCode),
    tier: m.tier,
    source: m.source,
    referrerCardNo: text(m.referrerCardNo),
    smsConsent: m.smsConsent,
    mailConsent: m.mailConsent,
    notes: m.notes.trim(),
  }
  if (m.joinDate) input.joinDate = m.joinDate
  return input
}

/**
 * Only what the user changed, so an edit never rewrites a field it did not touch (and a masked
 * phone is never sent back as if it were the number). Fields that the service checks together
 * travel together: birthday with its calendar, province with city and district. The version the
 * form was opened with always goes along: if someone changed the member since, the save is refused.
 */
export function toPatch(
  opened: { id: number; version: number },
  before: MemberFormModel,
  after: MemberFormModel,
): UpdateMemberInput {
  const patch: UpdateMemberInput = { id: opened.id, expectedVersion: opened.version }
  const changed = <K extends keyof MemberFormModel>(k: K) => before[k] !== after[k]
  if (changed('name')) patch.name = after.name.trim()
  if (changed('gender')) patch.gender = after.gender
  if (after.phone.trim()) patch.phone = after.phone.trim()
  if (after.idNumber.trim()) patch.idNumber = after.idNumber.trim()
  if (changed('birthday') || changed('birthdayCalendar') || changed('birthdayLeapMonth')) {
    patch.birthday = text(after.birthday)
    patch.birthdayCalendar = after.birthdayCalendar
    patch.birthdayLeapMonth = after.birthdayCalendar === 'lunar' && after.birthdayLeapMonth
  }
  if (changed('region')) Object.assign(patch, splitRegion(after.region))
  if (changed('address')) patch.address = text(after.address)
  if (changed('postalCode')) patch.postalCode = text(after.postalCode)
  if (changed('tier')) patch.tier = after.tier
  if (changed('joinDate') && after.joinDate) patch.joinDate = after.joinDate
  if (changed('source')) patch.source = after.source
  if (changed('referrerCardNo')) patch.referrerCardNo = text(after.referrerCardNo)
  if (changed('smsConsent')) patch.smsConsent = after.smsConsent
  if (changed('mailConsent')) patch.mailConsent = after.mailConsent
  if (changed('notes')) patch.notes = after.notes.trim()
  return patch
}

/** True when the patch changes no field (only the member and the version it was opened with). */
export const isEmptyPatch = (patch: UpdateMemberInput) =>
  Object.keys(patch).every((k) => k === 'id' || k === 'expectedVersion')

/** Server issue fields mapped to the form item that shows them. */
export function formKeyOf(field: string): keyof MemberFormModel | 'region' {
  if (field === 'province' || field === 'city' || field === 'district') return 'region'
  if (field === 'birthdayCalendar' || field === 'birthdayLeapMonth') return 'birthday'
  return field as keyof MemberFormModel
}
