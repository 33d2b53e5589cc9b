import type { FieldIssue } from '../../errors'
import { birthDateSolar, parseBirthday, type Birthday } from '../../rules/birthday'
import { formatYmd, parseDateText, isValidSolar, ymdToInt } from '../../rules/dates'
import { checkDivision } from '../../rules/divisions'
import { checkIdNumber, normalizeIdNumber } from '../../rules/idNumber'
import { CARD_NO, GENDERS, SOURCES } from '../../rules/members'
import { normalizePhone } from '../../rules/phone'
import { normalizePostalCode } from '../../rules/postal'
import { squash, toHalfWidth } from '../../rules/text'
import { tierNames } from '../../rules/tiers'
import { z } from '../../validate'
import type { Settings } from '../settings'

const optionalText = (max: number, label: string) =>
  z
    .string({ error: `${label}应为文字` })
    .max(max, `${label}不能超过${max}个字`)
    .nullable()
    .optional()

/** What a form or an import row gives for a member: text as typed, before normalisation. */
export const memberFieldsSchema = z.object({
  cardNo: z.string({ error: '请填写卡号' }).max(30, '卡号太长'),
  name: z.string({ error: '请填写姓名' }).max(40, '姓名不能超过40个字'),
  gender: z
    .enum([...GENDERS, ''], { error: '性别只能是男或女' })
    .nullable()
    .optional(),
  phone: optionalText(30, '手机'),
  birthday: optionalText(30, '生日'),
  birthdayCalendar: z.enum(['solar', 'lunar'], { error: '历法只能是公历或农历' }).optional(),
  birthdayLeapMonth: z.boolean({ error: '闰月应为是或否' }).optional(),
  idNumber: optionalText(30, '身份证号'),
  province: optionalText(20, '省份'),
  city: optionalText(30, '城市'),
  district: optionalText(30, '区县'),
  address: optionalText(120, '地址'),
  postalCode: optionalText(10, '邮编'),
  tier: z.string({ error: '等级应为文字' }).max(10).optional(),
  joinDate: optionalText(20, '开卡日期'),
  source: z.enum(SOURCES, { error: `开卡方式只能是：${SOURCES.join('、')}` }).optional(),
  referrerCardNo: optionalText(30, '推荐人卡号'),
  smsConsent: z.boolean({ error: '短信同意应为是或否' }).optional(),
  mailConsent: z.boolean({ error: '邮寄同意应为是或否' }).optional(),
  notes: z.string({ error: '备注应为文字' }).max(500, '备注不能超过500个字').optional(),
})
export type MemberFieldsInput = z.input<typeof memberFieldsSchema>

/** Column values ready for the members table (referrer resolved separately). */
export interface MemberColumns {
  cardNo: string
  name: string
  gender: '男' | '女' | null
  phone: string | null
  phoneLast4: string | null
  birthYear: number | null
  birthMonth: number | null
  birthDay: number | null
  birthdayCalendar: 'solar' | 'lunar'
  birthdayLeapMonth: boolean
  idNumber: string | null
  province: string | null
  city: string | null
  district: string | null
  address: string | null
  postalCode: string | null
  tier: string
  joinDate: number
  source: (typeof SOURCES)[number]
  smsConsent: boolean
  mailConsent: boolean
  notes: string
}

/** What a new member has where the form or the sheet says nothing. */
export const EMPTY_MEMBER_FIELDS = {
  gender: null,
  phone: null,
  birthday: null,
  idNumber: null,
  province: null,
  address: null,
  postalCode: null,
  smsConsent: false,
  mailConsent: false,
  notes: '',
} as const

const blank = (v: string | null | undefined) => v === undefined || v === null || toHalfWidth(v) === ''
export const normalizeCardNo = (raw: string) => toHalfWidth(raw).replace(/\s/g, '').toUpperCase()

/**
 * Turns typed text into column values, field by field. Only the keys present in `input` are
 * resolved, so the same code serves create (everything), edit (a patch) and each import row.
 */
export function resolveMemberFields(
  input: Partial<z.infer<typeof memberFieldsSchema>>,
  settings: Pick<Settings, 'tierTable'>,
): { values: Partial<MemberColumns>; issues: FieldIssue[] } {
  const values: Partial<MemberColumns> = {}
  const issues: FieldIssue[] = []
  const bad = (field: string, message: string) => issues.push({ field, message })
  const has = (k: keyof typeof input) => k in input && input[k] !== undefined

  if (has('cardNo')) {
    const card = normalizeCardNo(input.cardNo ?? '')
    if (!card) bad('cardNo', '请填写卡号')
    else if (!CARD_NO.test(card)) bad('cardNo', '卡号只能包含字母、数字和短横线，4–20位')
    else values.cardNo = card
  }
  if (has('name')) {
    const name = squash(input.name ?? '')
    if (!name) bad('name', '请填写姓名')
    else values.name = name
  }
  if (has('gender')) values.gender = input.gender ? input.gender : null
  if (has('phone')) {
    if (blank(input.phone)) {
      values.phone = null
      values.phoneLast4 = null
    } else {
      const phone = normalizePhone(input.phone)
      if (!phone) bad('phone', '手机号应为11位中国大陆手机号（1开头）')
      else {
        values.phone = phone
        values.phoneLast4 = phone.slice(-4)
      }
    }
  }
  if (has('birthday') || has('birthdayCalendar') || has('birthdayLeapMonth')) {
    if (blank(input.birthday)) {
      Object.assign(values, {
        birthYear: null,
        birthMonth: null,
        birthDay: null,
        birthdayCalendar: 'solar',
        birthdayLeapMonth: false,
      })
    } else {
      const lunarFlag = input.birthdayCalendar === 'lunar'
      const parsed = parseBirthday(input.birthday!, lunarFlag, input.birthdayLeapMonth === true)
      if (!parsed.ok) bad('birthday', parsed.reason)
      else {
        const b: Birthday = parsed.value
        Object.assign(values, {
          birthYear: b.year,
          birthMonth: b.month,
          birthDay: b.day,
          birthdayCalendar: b.calendar,
          birthdayLeapMonth: b.leapMonth,
        })
      }
    }
  }
  if (has('idNumber')) {
    if (blank(input.idNumber)) values.idNumber = null
    else {
      const id = normalizeIdNumber(input.idNumber!)
      const check = checkIdNumber(id)
      if (!check.ok) bad('idNumber', check.reason!)
      else values.idNumber = id
    }
  }
  if (has('province') || has('city') || has('district')) {
    const div = checkDivision(input.province, input.city, input.district)
    if (div.problem) bad(div.problem.field, div.problem.reason)
    else Object.assign(values, { province: div.province, city: div.city, district: div.district })
  }
  if (has('address')) values.address = blank(input.address) ? null : squash(input.address!)
  if (has('postalCode')) {
    if (blank(input.postalCode)) values.postalCode = null
    else {
      const code = normalizePostalCode(input.postalCode)
      if (!code) bad('postalCode', '邮编应为6位数字')
      else values.postalCode = code
    }
  }
  if (has('tier')) {
    const tier = squash(input.tier ?? '')
    if (!tierNames(settings).includes(tier)) bad('tier', `等级只能是：${tierNames(settings).join('、')}`)
    else values.tier = tier
  }
  if (has('joinDate')) {
    if (blank(input.joinDate)) bad('joinDate', '请填写开卡日期')
    else {
      const d = parseDateText(input.joinDate!)
      if (!d || d.leap || !isValidSolar(d)) bad('joinDate', '开卡日期无效（例：2024-03-01）')
      else values.joinDate = ymdToInt(d)
    }
  }
  if (has('source')) values.source = input.source!
  if (has('smsConsent')) values.smsConsent = input.smsConsent!
  if (has('mailConsent')) values.mailConsent = input.mailConsent!
  if (has('notes')) values.notes = (input.notes ?? '').trim()
  return { values, issues }
}

/** Rules that look at two fields at once, applied to the merged record. */
export function crossCheckMember(m: Partial<MemberColumns>, today: number): FieldIssue[] {
  const issues: FieldIssue[] = []
  if (m.idNumber && m.birthYear && m.birthMonth && m.birthDay) {
    const fromId = checkIdNumber(m.idNumber).birthDate
    const born = formatYmd(
      birthDateSolar({
        calendar: m.birthdayCalendar ?? 'solar',
        year: m.birthYear,
        month: m.birthMonth,
        day: m.birthDay,
        leapMonth: m.birthdayLeapMonth ?? false,
      }),
    )
    if (fromId && fromId !== born) {
      issues.push({ field: 'birthday', message: `生日与身份证号中的出生日期（${fromId}）不一致` })
    }
  }
  if (m.birthYear && m.birthMonth && m.birthDay && m.birthdayCalendar === 'solar') {
    if (ymdToInt({ y: m.birthYear, m: m.birthMonth, d: m.birthDay }) > today) {
      issues.push({ field: 'birthday', message: '生日不能晚于今天' })
    }
  }
  if (m.joinDate && m.joinDate > today) issues.push({ field: 'joinDate', message: '开卡日期不能晚于今天' })
  return issues
}
