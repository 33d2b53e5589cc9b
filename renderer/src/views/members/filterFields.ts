import type { MemberFilters } from '@/stores/members'
import { consentOptions, genderOptions, monthOptions, sourceOptions, statusOptions } from './labels'

/**
 * The member list's filters as data, so one template draws each kind of box once: which filter a
 * box sets, how its value reads in the box, and whether it sits in the first row (always shown) or
 * behind 更多筛选 (the call-list filters a planner opens when building a list).
 */
type Value = string | number | null
type Option = { value: string | number; label: string }

export interface PickField {
  id: string
  placeholder: string
  width: number
  options: () => Option[]
  get: (f: MemberFilters) => Value
  set: (v: Value) => MemberFilters
}

export interface NumberField {
  id: string
  key: 'spendMinFen' | 'spendMaxFen' | 'ageFrom' | 'ageTo'
  prefix: string
  suffix?: string
  width: number
  max?: number
  /** 元 in the box, fen in the filter */
  money?: boolean
}

export interface DayField {
  id: string
  key: 'lastPurchaseFrom' | 'lastPurchaseTo'
  label: string
}

const consent = (v: boolean | undefined) => (v === undefined ? null : v ? 'yes' : 'no')
const toConsent = (v: Value) => (v === null ? undefined : v === 'yes')

function pick<K extends keyof MemberFilters>(
  key: K,
  id: string,
  placeholder: string,
  width: number,
  options: () => Option[],
): PickField {
  return {
    id,
    placeholder,
    width,
    options,
    get: (f) => (f[key] as Value | undefined) ?? null,
    set: (v) => ({ [key]: v ?? undefined }) as MemberFilters,
  }
}

function consentPick(key: 'smsConsent' | 'mailConsent', id: string, channel: string): PickField {
  return {
    id,
    placeholder: channel,
    width: 128,
    options: () => consentOptions(channel),
    get: (f) => consent(f[key]),
    set: (v) => ({ [key]: toConsent(v) }),
  }
}

/** First row, before 省份 / 区县 (which depend on each other and are drawn apart). */
export const mainPicks = (tiers: () => Option[]): PickField[] => [
  pick('tier', 'tier', '等级', 100, tiers),
  pick('status', 'status', '状态', 100, () => statusOptions),
]
/** First row, after 省份 / 区县. */
export const mainPicksAfter: PickField[] = [
  pick('birthMonth', 'birth-month', '生日月份', 108, () => monthOptions),
  consentPick('smsConsent', 'sms', '短信'),
]
/** Behind 更多筛选. */
export const morePicks: PickField[] = [
  pick('source', 'source', '开卡方式', 128, () => sourceOptions),
  pick('gender', 'gender', '性别', 84, () => genderOptions),
  consentPick('mailConsent', 'mail', '邮寄'),
]
export const dayFields: DayField[] = [
  { id: 'last-from', key: 'lastPurchaseFrom', label: '最近消费从' },
  { id: 'last-to', key: 'lastPurchaseTo', label: '最近消费到' },
]
export const numberFields: NumberField[] = [
  { id: 'spend-min', key: 'spendMinFen', prefix: '近12月消费', suffix: '元', width: 190, money: true },
  { id: 'spend-max', key: 'spendMaxFen', prefix: '至', suffix: '元', width: 130, money: true },
  { id: 'age-from', key: 'ageFrom', prefix: '年龄', width: 108, max: 150 },
  { id: 'age-to', key: 'ageTo', prefix: '至', suffix: '岁', width: 108, max: 150 },
]

/** The filters behind 更多筛选 (a date range counts once): how many are set shows on the toggle. */
const MORE_KEYS: (keyof MemberFilters)[][] = [
  ['source'],
  ['gender'],
  ['mailConsent'],
  ['joinFrom', 'joinTo'],
  ['lastPurchaseFrom'],
  ['lastPurchaseTo'],
  ['spendMinFen'],
  ['spendMaxFen'],
  ['ageFrom'],
  ['ageTo'],
  ['department'],
]
export const moreCount = (f: MemberFilters) =>
  MORE_KEYS.filter((keys) => keys.some((k) => f[k] !== undefined && f[k] !== null && f[k] !== '')).length
