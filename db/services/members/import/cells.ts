import { cellDateToYmd, formatYmd } from '../../../rules/dates'
import { SOURCES, type Gender, type Source } from '../../../rules/members'
import { toHalfWidth } from '../../../rules/text'

/** A cell as the sheet reader hands it over. */
export type Cell = string | number | boolean | Date | null

/**
 * The text a cell stands for. Numbers are written out in full (a phone typed into Excel becomes
 * the number 13812345678, which String() would keep, but 1e21-sized IDs and float noise from
 * formulas would not survive); dates become YYYY-MM-DD; booleans 是/否.
 */
export function cellText(v: Cell | undefined): string {
  if (v === null || v === undefined) return ''
  if (typeof v === 'string') return unescapeFormula(v.trim())
  if (typeof v === 'boolean') return v ? '是' : '否'
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : formatYmd(cellDateToYmd(v))
  if (!Number.isFinite(v)) return ''
  const whole = Math.round(v)
  if (Math.abs(v - whole) < 1e-6 && Math.abs(whole) < 1e21) return whole.toFixed(0)
  return String(v)
}

/**
 * Our export puts a quote before text starting with = + - @ so that Excel does not run it as a
 * formula; reading our own file back takes that quote off again.
 */
const unescapeFormula = (s: string) => (/^'[=+\-@]/.test(s) ? s.slice(1) : s)

/** A number that Excel has already rounded to 15 significant digits (IDs typed without a quote). */
export const isMangledNumber = (v: Cell | undefined) => typeof v === 'number' && Math.abs(v) >= 1e15

const YES = new Set(['是', 'y', 'yes', '1', 'true', '√', '✓', '对', '同意', '接收', '需要', '有'])
const NO = new Set(['否', 'n', 'no', '0', 'false', '×', '✗', 'x', '不', '不同意', '不接收', '不需要', '无'])

/** 是/否 in the spellings sheets use; undefined when the cell says neither. */
export function parseYesNo(text: string): boolean | undefined {
  const s = toHalfWidth(text).replace(/\s/g, '').toLowerCase()
  if (YES.has(s)) return true
  if (NO.has(s)) return false
  return undefined
}

/** A 农历 column: 是/否 as above, or the calendar's name itself (our export writes 公历/农历). */
export function parseLunarFlag(text: string): boolean | undefined {
  const s = toHalfWidth(text).replace(/\s/g, '')
  if (/^(农历|阴历)$/.test(s)) return true
  if (/^(公历|阳历|新历)$/.test(s)) return false
  return parseYesNo(s)
}

const GENDER_WORDS: Record<string, Gender> = {
  男: '男',
  m: '男',
  male: '男',
  先生: '男',
  男士: '男',
  女: '女',
  f: '女',
  female: '女',
  女士: '女',
  小姐: '女',
}

export const parseGender = (text: string): Gender | undefined =>
  GENDER_WORDS[toHalfWidth(text).replace(/\s/g, '').toLowerCase()]

/** 开卡方式 as staff write it: the official word, or a longer phrase that contains it. */
const SOURCE_WORDS: [RegExp, Source][] = [
  [/推荐/, '推荐'],
  [/开卡礼|赠礼/, '开卡礼'],
  [/社区/, '社区'],
  [/主顾客|老顾客|转化/, '主顾客转化'],
  [/服务台|前台/, '服务台'],
  [/^其[他它]$/, '其他'],
]

export function parseSource(text: string): Source | undefined {
  const s = toHalfWidth(text).replace(/\s/g, '')
  if ((SOURCES as readonly string[]).includes(s)) return s as Source
  return SOURCE_WORDS.find(([re]) => re.test(s))?.[1]
}

/** A tier as listed in settings, also when written without its 卡 (金 → 金卡). */
export function matchTier(text: string, tiers: readonly string[]): string | undefined {
  const s = toHalfWidth(text).replace(/\s/g, '')
  return tiers.find((t) => t === s) ?? tiers.find((t) => t === `${s}卡`)
}
