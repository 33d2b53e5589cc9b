/**
 * Gift catalogue and redemption rules (docs/domain.md "Redemption", "Gift stock"). Pure: no
 * database, safe for the renderer. Days are yyyymmdd integers of the store's calendar.
 */
import type { TierTable } from './tiers'
import { tierRank } from './tiers'

export const GIFT_CATEGORIES = ['opening', 'birthday', 'referral', 'redemption', 'comeback', 'cake', 'other'] as const
export type GiftCategory = (typeof GIFT_CATEGORIES)[number]

export const GIFT_CATEGORY_LABELS: Record<GiftCategory, string> = {
  opening: '开卡礼',
  birthday: '生日礼',
  referral: '推荐礼',
  redemption: '积分兑换',
  comeback: '回门礼',
  cake: '蛋糕鲜花',
  other: '其他',
}

export const ISSUE_PURPOSE_KEYS = ['opening', 'birthday', 'referral', 'cake', 'event', 'other'] as const
export type IssuePurpose = (typeof ISSUE_PURPOSE_KEYS)[number]

export const ISSUE_PURPOSE_LABELS: Record<IssuePurpose, string> = {
  opening: '开卡赠送',
  birthday: '生日赠送',
  referral: '推荐奖励',
  cake: '蛋糕鲜花配送',
  event: '活动',
  other: '其他',
}

export const GIFT_MOVEMENT_KINDS = ['opening', 'receive', 'issue', 'redeem', 'stocktake', 'return'] as const
export type GiftMovementKind = (typeof GIFT_MOVEMENT_KINDS)[number]

export const GIFT_MOVEMENT_LABELS: Record<GiftMovementKind, string> = {
  opening: '期初库存',
  receive: '入库',
  issue: '领用发放',
  redeem: '积分兑换',
  stocktake: '盘点调整',
  return: '兑换退回',
}

/** A category from its label or key (import sheets write the label). */
export function categoryOf(text: string): GiftCategory | undefined {
  const s = text.trim()
  if ((GIFT_CATEGORIES as readonly string[]).includes(s)) return s as GiftCategory
  const found = GIFT_CATEGORIES.find((c) => GIFT_CATEGORY_LABELS[c] === s)
  if (found) return found
  if (/蛋糕|鲜花/.test(s)) return 'cake'
  if (/回门/.test(s)) return 'comeback'
  if (/兑换/.test(s)) return 'redemption'
  return undefined
}

/** Small redemptions are for members under 3,000 points (the store plan). */
export const SMALL_REDEMPTION_MAX_BALANCE = 3000

/** A redeemed gift may come back only for a quality defect, within this many days. */
export const RETURN_DAYS = 3

/** Within the return window: `at` and `now` in ms; up to RETURN_DAYS × 24 h after the redemption. */
export const withinReturnWindow = (redeemedAt: number, now: number) =>
  now >= redeemedAt && now - redeemedAt <= RETURN_DAYS * 24 * 60 * 60 * 1000

/** What eligibility needs to know about a gift. */
export interface GiftTerms {
  name: string
  active: boolean
  pointsPrice: number | null
  onHand: number
  availableFrom: number | null
  availableUntil: number | null
  maxBalance: number | null
  minTier: string | null
}

export interface MemberStanding {
  points: number
  tier: string
}

export type Eligibility = { ok: true } | { ok: false; reason: string }

// One formatter for all: toLocaleString builds a new one per call, which the 500-gift desk list felt.
const grouped = new Intl.NumberFormat('en-US')
const n = (x: number) => grouped.format(x)
const day = (ymd: number) =>
  `${Math.floor(ymd / 10000)}-${String(Math.floor(ymd / 100) % 100).padStart(2, '0')}-${String(ymd % 100).padStart(2, '0')}`

/**
 * Whether a member may redeem `quantity` of a gift today, and if not the first reason why, in the
 * order staff check it: the gift itself (on offer, in its window, in stock), then the member
 * (tier, small-redemption limit, points).
 */
export function eligibility(
  gift: GiftTerms,
  member: MemberStanding,
  today: number,
  tiers: TierTable,
  quantity = 1,
): Eligibility {
  if (!gift.active) return { ok: false, reason: `${gift.name}已停用` }
  if (gift.pointsPrice === null) return { ok: false, reason: `${gift.name}不是积分兑换礼品` }
  if (gift.availableFrom !== null && today < gift.availableFrom)
    return { ok: false, reason: `${gift.name}自 ${day(gift.availableFrom)} 起才可兑换` }
  if (gift.availableUntil !== null && today > gift.availableUntil)
    return { ok: false, reason: `${gift.name}的兑换期已于 ${day(gift.availableUntil)} 结束` }
  if (gift.onHand < quantity)
    return {
      ok: false,
      reason: gift.onHand === 0 ? `${gift.name}已无库存` : `${gift.name}库存不足：仅剩 ${n(gift.onHand)} 件`,
    }
  if (gift.minTier !== null && tierRank(tiers, member.tier) < tierRank(tiers, gift.minTier))
    return { ok: false, reason: `${gift.name}仅限${gift.minTier}及以上会员兑换` }
  if (gift.maxBalance !== null && member.points >= gift.maxBalance)
    return { ok: false, reason: `${gift.name}仅限积分低于 ${n(gift.maxBalance)} 分的会员兑换` }
  const need = gift.pointsPrice * quantity
  if (member.points < need)
    return { ok: false, reason: `积分不足：${gift.name}需要 ${n(need)} 分，当前可用 ${n(member.points)} 分` }
  return { ok: true }
}

/**
 * The printed catalogue's points bands, lowest first: each starts at `min` points and runs up to
 * the next band's start. 3,000 is a boundary because it is the small-redemption limit
 * (SMALL_REDEMPTION_MAX_BALANCE): everything a small redeemer can take sits in the first two bands.
 */
export const POINTS_BANDS = [
  { min: 0, label: '1,000 分以下' },
  { min: 1000, label: '1,000–2,999 分' },
  { min: 3000, label: '3,000–4,999 分' },
  { min: 5000, label: '5,000–9,999 分' },
  { min: 10000, label: '10,000 分及以上' },
] as const
export type PointsBand = (typeof POINTS_BANDS)[number]

/** The band a points price falls in (the highest band whose start it reaches). */
export function pointsBandOf(points: number): PointsBand {
  let band: PointsBand = POINTS_BANDS[0]
  for (const b of POINTS_BANDS) if (points >= b.min) band = b
  return band
}

/** The calendar quarter a day (yyyymmdd) falls in: the printed catalogue's usual validity. */
export function calendarQuarter(ymd: number): { from: number; until: number } {
  const y = Math.floor(ymd / 10000)
  const first = Math.floor(((Math.floor(ymd / 100) % 100) - 1) / 3) * 3 + 1
  const last = first + 2
  const lastDay = new Date(Date.UTC(y, last, 0)).getUTCDate()
  return { from: y * 10000 + first * 100 + 1, until: y * 10000 + last * 100 + lastDay }
}

/**
 * The redemption's number as staff read it out, write it on a return and find it on the printed
 * slip: DH + the redemption id, zero-padded. The screen and the slip both use this, so the desk
 * never shows "1" while the paper says "DH000001".
 */
export const redemptionSlipNo = (redemptionId: number) => `DH${String(redemptionId).padStart(6, '0')}`
