import { computed } from 'vue'
import { birthDateSolar, checkBirthday, parseBirthday } from '../../../../db/rules/birthday'
import { formatYmd } from '../../../../db/rules/dates'
import { checkIdNumber, normalizeIdNumber } from '../../../../db/rules/idNumber'
import { lunarDateText } from '../../../../db/rules/lunarText'
import { normalizePhone } from '../../../../db/rules/phone'
import type { MemberFormModel } from './memberForm'

export interface Hint {
  status: 'success' | 'warning' | 'error' | undefined
  text: string
}

/**
 * Instant feedback while typing, from the same pure rules the services apply, so staff see a
 * wrong check digit or an impossible lunar date before pressing 保存.
 */
export function useFieldHints(model: MemberFormModel) {
  const birthday = computed<Hint | null>(() => {
    const raw = model.birthday.trim()
    if (!raw) return null
    const parsed = parseBirthday(raw, model.birthdayCalendar === 'lunar')
    if (!parsed.ok) return raw.length >= 6 ? { status: 'warning', text: parsed.reason } : null
    const b = {
      ...parsed.value,
      leapMonth: parsed.value.calendar === 'lunar' && (parsed.value.leapMonth || model.birthdayLeapMonth),
    }
    const problem = checkBirthday(b)
    if (problem) return { status: 'warning', text: problem }
    if (b.calendar === 'solar') return { status: 'success', text: `公历 ${b.year}年${b.month}月${b.day}日` }
    const solar = formatYmd(birthDateSolar(b))
    const name = lunarDateText(b)
    return { status: 'success', text: `${name}，即公历 ${solar}` }
  })

  const birthDate = computed(() => {
    const raw = model.birthday.trim()
    const parsed = raw ? parseBirthday(raw, model.birthdayCalendar === 'lunar') : null
    if (!parsed?.ok) return null
    const b = {
      ...parsed.value,
      leapMonth: parsed.value.calendar === 'lunar' && (parsed.value.leapMonth || model.birthdayLeapMonth),
    }
    return checkBirthday(b) ? null : formatYmd(birthDateSolar(b))
  })

  const idNumber = computed<Hint | null>(() => {
    const id = normalizeIdNumber(model.idNumber)
    if (!id) return null
    if (id.length < 18) return { status: undefined, text: `已输入 ${id.length}/18 位` }
    const check = checkIdNumber(id)
    if (!check.ok) return { status: 'error', text: check.reason ?? '身份证号无效' }
    if (birthDate.value && check.birthDate !== birthDate.value) {
      return { status: 'warning', text: `校验通过，但出生日期 ${check.birthDate} 与生日不一致` }
    }
    return { status: 'success', text: `校验通过，出生日期 ${check.birthDate}` }
  })

  const phone = computed<Hint | null>(() => {
    const raw = model.phone.trim()
    if (!raw || raw.length < 11) return null
    return normalizePhone(raw) ? null : { status: 'warning', text: '手机号应为11位中国大陆手机号（1开头）' }
  })

  return { birthday, idNumber, phone }
}
