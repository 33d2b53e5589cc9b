/**
 * Vouchers (券): their kinds, numbers, validity and the yearly points redemption's table. Pure
 * data and functions, safe to import from the renderer; the services in db/services/vouchers
 * apply them.
 */
import { formatYmd, intToYmd, ymdToInt, type Ymd } from './dates'
import { formatYuan } from './money'

export const VOUCHER_STATUSES = ['issued', 'used', 'expired', 'voided'] as const
export type VoucherStatus = (typeof VOUCHER_STATUSES)[number]
export const VOUCHER_STATUS_LABELS: Record<VoucherStatus, string> = {
  issued: '未使用',
  used: '已使用',
  expired: '已过期',
  voided: '已作废',
}

/** Why a voucher was issued. */
export const VOUCHER_SOURCES = ['points', 'birthday', 'campaign', 'manual'] as const
export type VoucherSource = (typeof VOUCHER_SOURCES)[number]
export const VOUCHER_SOURCE_LABELS: Record<VoucherSource, string> = {
  points: '积分兑换',
  birthday: '生日礼券',
  campaign: '唤醒活动',
  manual: '人工发放',
}

export const VOUCHER_EVENT_KINDS = ['issued', 'used', 'expired', 'voided'] as const
export type VoucherEventKind = (typeof VOUCHER_EVENT_KINDS)[number]

export interface VoucherKind {
  name: string
  /** Face value when issued without another value (the yearly table sets its own) */
  valueFen: number
  /** Valid this many days from the issue day (the issue day counts), or until a fixed day */
  validDays: number | null
  /** 'YYYY-MM-DD'; used when validDays is null */
  validUntil: string | null
  /** The receipt must reach this much; 0: no minimum */
  minSpendFen: number
  /** 课别 that accept it; empty: every 课别 */
  departments: string[]
  /** Whether the amount paid with it earns points (the store's rule: it does not) */
  earnsPoints: boolean
  active: boolean
}

export interface YearlyRedemption {
  /** 'MM-DD', both days included; a window may run across New Year (12-15 to 01-15) */
  from: string
  to: string
  /** The kind its vouchers are */
  kind: string
  /** Points → face value, e.g. 3,000 → 30 元 */
  table: { points: number; valueFen: number }[]
}

export interface BirthdayVoucher {
  enabled: boolean
  kind: string
  valueFen: number
  /** The lowest tier that gets one (and every tier above it) */
  minTier: string
}

export interface VoucherRules {
  kinds: VoucherKind[]
  yearly: YearlyRedemption
  birthday: BirthdayVoucher
  /** Points the referrer earns when a member they brought makes a first purchase; 0: none */
  referralPoints: number
  /** A wake-up call counts as a return when the member buys within this many days */
  campaignReturnDays: number
}

export const DEFAULT_VOUCHER_RULES: VoucherRules = {
  kinds: [
    {
      name: '积分通用券',
      valueFen: 3000,
      validDays: 60,
      validUntil: null,
      minSpendFen: 0,
      departments: [],
      earnsPoints: false,
      active: true,
    },
    {
      name: '生日礼券',
      valueFen: 5000,
      validDays: 31,
      validUntil: null,
      minSpendFen: 0,
      departments: [],
      earnsPoints: false,
      active: true,
    },
    {
      name: '唤醒券',
      valueFen: 2000,
      validDays: 30,
      validUntil: null,
      minSpendFen: 20000,
      departments: [],
      earnsPoints: false,
      active: true,
    },
  ],
  yearly: {
    from: '11-01',
    to: '11-30',
    kind: '积分通用券',
    table: [
      { points: 3000, valueFen: 3000 },
      { points: 4000, valueFen: 4000 },
      { points: 5000, valueFen: 5000 },
    ],
  },
  birthday: { enabled: true, kind: '生日礼券', valueFen: 5000, minTier: '金卡' },
  referralPoints: 100,
  campaignReturnDays: 30,
}

/** Digits 0–9 only; the last one is the Luhn check digit of the others. */
export function luhnDigit(body: string): number {
  let sum = 0
  for (let i = 0; i < body.length; i++) {
    let d = body.charCodeAt(body.length - 1 - i) - 48
    if (i % 2 === 0) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return (10 - (sum % 10)) % 10
}

export const VOUCHER_NO_LENGTH = 12

/** A voucher number from 11 random digits (not starting with 0) and its check digit. */
export function voucherNoFrom(body: string): string {
  if (!/^[1-9]\d{10}$/.test(body)) throw new Error('voucher number body must be 11 digits')
  return body + String(luhnDigit(body))
}

/** Typed or scanned text → the number, or why it cannot be one (a typo shows before any lookup). */
export function readVoucherNo(text: string): { ok: true; no: string } | { ok: false; reason: string } {
  const no = text.replace(/[\s-]/g, '').replace(/[０-９]/g, (c) => String(c.charCodeAt(0) - 0xff10))
  if (!/^\d+$/.test(no)) return { ok: false, reason: `券号只能是数字：${text.slice(0, 20)}` }
  if (no.length !== VOUCHER_NO_LENGTH) return { ok: false, reason: `券号应为 ${VOUCHER_NO_LENGTH} 位数字：${no}` }
  if (luhnDigit(no.slice(0, -1)) !== Number(no.at(-1))) return { ok: false, reason: `券号校验位不对，请核对：${no}` }
  return { ok: true, no }
}

/** 123456789012 → 1234 5678 9012, as printed under the barcode */
export const groupVoucherNo = (no: string) => no.replace(/(\d{4})(?=\d)/g, '$1 ')

/** Several numbers in one till cell: separated by 、 , ， ; or spaces. */
export const splitVoucherNos = (cell: string): string[] =>
  cell
    .split(/[、,，;；\s]+/)
    .map((s) => s.trim())
    .filter(Boolean)

function addDays(day: Ymd, days: number): Ymd {
  const t = new Date(Date.UTC(day.y, day.m - 1, day.d + days))
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() }
}

/** The last valid day (yyyymmdd) of a voucher of this kind issued on `issued`. */
export function validUntilFor(kind: Pick<VoucherKind, 'validDays' | 'validUntil'>, issued: Ymd): number {
  if (kind.validDays !== null) return ymdToInt(addDays(issued, kind.validDays - 1))
  return Number((kind.validUntil ?? '').replace(/-/g, ''))
}

/** yyyymmdd → 2026-12-31 */
export const dayText = (day: number) => formatYmd(intToYmd(day))

const mmdd = (text: string) => Number(text.replace('-', ''))

/** Whether the store's day falls in the window (both ends included, across New Year too). */
export function inWindow(w: Pick<YearlyRedemption, 'from' | 'to'>, day: Ymd): boolean {
  const d = day.m * 100 + day.d
  const from = mmdd(w.from)
  const to = mmdd(w.to)
  return from <= to ? d >= from && d <= to : d >= from || d <= to
}

/** 11-01 → 11月1日 */
export const mmddText = (text: string) => {
  const [m, d] = text.split('-').map(Number)
  return `${m}月${d}日`
}

export interface VoucherMix {
  /** Face values (fen) with how many of each, largest first */
  lines: { points: number; valueFen: number; count: number }[]
  points: number
  valueFen: number
}

/** The most value a balance buys from the table (then the fewest vouchers), at most `cap` vouchers. */
export function bestVoucherMix(balance: number, table: YearlyRedemption['table'], cap = 20): VoucherMix {
  const rows = [...table].filter((r) => r.points > 0).sort((a, b) => b.points - a.points)
  const empty: VoucherMix = { lines: [], points: 0, valueFen: 0 }
  if (!rows.length || balance < rows.at(-1)!.points) return empty
  // A small search over counts: tables have a handful of rows and a member a few dozen vouchers at most.
  let best = empty
  let bestCount = 0
  const counts = new Array<number>(rows.length).fill(0)
  const visit = (i: number, left: number, value: number, n: number) => {
    if (i === rows.length) {
      if (value > best.valueFen || (value === best.valueFen && n < bestCount)) {
        best = {
          lines: rows.map((r, j) => ({ ...r, count: counts[j]! })).filter((l) => l.count > 0),
          points: balance - left,
          valueFen: value,
        }
        bestCount = n
      }
      return
    }
    const r = rows[i]!
    const most = Math.min(Math.floor(left / r.points), cap - n)
    for (let c = most; c >= 0; c--) {
      counts[i] = c
      visit(i + 1, left - c * r.points, value + c * r.valueFen, n + c)
    }
    counts[i] = 0
  }
  visit(0, balance, 0, 0)
  return best
}

/** Problems with a rules bundle that its schema alone cannot see (names that must match). */
export function voucherRulesProblems(rules: VoucherRules, tiers: readonly string[] | null = null): string[] {
  const out: string[] = []
  const names = rules.kinds.map((k) => k.name)
  const seen = new Set<string>()
  for (const n of names) {
    if (seen.has(n)) out.push(`券种「${n}」重复`)
    seen.add(n)
  }
  for (const k of rules.kinds) {
    if (k.validDays === null && !/^\d{4}-\d{2}-\d{2}$/.test(k.validUntil ?? ''))
      out.push(`券种「${k.name}」请填写有效天数或截止日期`)
  }
  if (!names.includes(rules.yearly.kind)) out.push(`年度兑换的券种「${rules.yearly.kind}」不在券种列表中`)
  if (rules.birthday.enabled && !names.includes(rules.birthday.kind))
    out.push(`生日礼券的券种「${rules.birthday.kind}」不在券种列表中`)
  if (rules.birthday.enabled && tiers && !tiers.includes(rules.birthday.minTier))
    out.push(`生日礼券的最低等级「${rules.birthday.minTier}」不是现有等级`)
  const points = rules.yearly.table.map((r) => r.points)
  if (new Set(points).size !== points.length) out.push('年度兑换表中有重复的积分档')
  return out
}

/** What a use needs to know about a voucher (its row or its view). */
export interface UsableVoucher {
  voucherNo: string
  status: VoucherStatus
  validFrom: number
  validUntil: number
  minSpendFen: number
  departments: string[]
}

/**
 * Why a voucher cannot pay (a Chinese sentence), or null when it can. The 课别 and the receipt's
 * total are checked when the caller knows them.
 */
export function useProblem(
  v: UsableVoucher,
  today: number,
  at: { department?: string | null; receiptTotalFen?: number | null } = {},
): string | null {
  if (v.status === 'used') return `券 ${v.voucherNo} 已使用过`
  if (v.status === 'voided') return `券 ${v.voucherNo} 已作废`
  if (v.status === 'expired' || today > v.validUntil)
    return `券 ${v.voucherNo} 已过期（有效期至 ${dayText(v.validUntil)}）`
  if (today < v.validFrom) return `券 ${v.voucherNo} 尚未生效（${dayText(v.validFrom)} 起可用）`
  if (at.department && v.departments.length && !v.departments.includes(at.department))
    return `券 ${v.voucherNo} 不能在「${at.department}」使用（限 ${v.departments.join('、')}）`
  if (at.receiptTotalFen != null && v.minSpendFen > 0 && at.receiptTotalFen < v.minSpendFen)
    return `券 ${v.voucherNo} 须消费满 ${(v.minSpendFen / 100).toFixed(2)} 元才能使用`
  return null
}

/**
 * The part of a line paid with vouchers that earns no points: the value of the vouchers whose
 * kind does not earn, never more than the line itself (a 50 元 voucher on a 30 元 line).
 */
export function voucherPaidFen(amountFen: number, vouchers: { valueFen: number; earnsPoints: boolean }[]): number {
  const off = vouchers.filter((v) => !v.earnsPoints).reduce((s, v) => s + v.valueFen, 0)
  return Math.max(0, Math.min(off, amountFen))
}

/** "券抵 30.00 元不积分", the words the points explanation starts with. */
export const voucherPaidText = (fen: number) => `券抵 ${formatYuan(fen)}不积分`
