import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Actor } from '../actor'
import type { Db } from '../handle'
import type { GiftCategory } from '../rules/gifts'
import { SMALL_REDEMPTION_MAX_BALANCE } from '../rules/gifts'
import {
  createGift,
  eligibleGifts,
  issueGift,
  receiveStock,
  redeemGifts,
  storePhoto,
  updateGift,
} from '../services/gifts'
import { giftPhotoPng, type PhotoShape } from './giftPhotos'
import type { Random } from './random'

/**
 * The sample gift room: a catalogue as the store plan describes it (small redemptions under
 * 3,000 points, the yearly vouchers, better gifts for gold cards, opening, birthday, referral and
 * come-back gifts, cakes and flowers), stocked, photographed and partly redeemed — all through the
 * gift services, so the stock ledger, the points ledger and the audit log agree with each other.
 */

interface SampleGift {
  code: string
  name: string
  category: GiftCategory
  /** 元 */
  cost: number
  points?: number
  /** Small-redemption gifts: only for members under 3,000 points */
  small?: true
  minTier?: string
  reorder: number
  /** Units received: a range, so that a few gifts end near their reorder level */
  receive: [number, number]
  supplier: string
  colour: [number, number, number]
  shape: PhotoShape
}

const g = (
  code: string,
  name: string,
  category: GiftCategory,
  cost: number,
  reorder: number,
  receive: [number, number],
  supplier: string,
  colour: [number, number, number],
  shape: PhotoShape,
  extra: Partial<SampleGift> = {},
): SampleGift => ({ code, name, category, cost, reorder, receive, supplier, colour, shape, ...extra })

const YIWU = '义乌市鸿发礼品'
const HOME = '杭州佳家日用品'
const APPLIANCE = '苏宁电器批发部'
const BAKERY = '好利来蛋糕'
const FLORIST = '花语鲜花店'

export const SAMPLE_GIFTS: SampleGift[] = [
  g('R001', '折叠晴雨伞', 'redemption', 5, 20, [60, 120], YIWU, [58, 110, 180], 'box', { points: 500, small: true }),
  g('R002', '手工香皂礼盒', 'redemption', 8, 15, [40, 80], YIWU, [214, 120, 160], 'box', { points: 800, small: true }),
  g('R003', '不锈钢保温杯', 'redemption', 10, 20, [50, 100], HOME, [90, 96, 110], 'tin', { points: 1000, small: true }),
  g('R004', '竹纤维毛巾礼盒', 'redemption', 10, 20, [50, 100], HOME, [120, 170, 130], 'box', {
    points: 1000,
    small: true,
  }),
  g('R005', '陶瓷餐具四件套', 'redemption', 20, 10, [30, 60], HOME, [70, 130, 170], 'tin', {
    points: 2000,
    small: true,
  }),
  g('R006', '乐扣保鲜盒套装', 'redemption', 20, 10, [8, 14], HOME, [60, 160, 150], 'box', {
    points: 2000,
    small: true,
  }),
  g('R007', '30元积分通用券', 'redemption', 30, 50, [200, 300], '本店财务部', [200, 60, 50], 'box', { points: 3000 }),
  g('R008', '40元积分通用券', 'redemption', 40, 50, [150, 250], '本店财务部', [190, 80, 40], 'box', { points: 4000 }),
  g('R009', '50元积分通用券', 'redemption', 50, 50, [150, 250], '本店财务部', [170, 40, 60], 'box', { points: 5000 }),
  g('R010', '真丝丝巾', 'redemption', 38, 10, [20, 40], '杭州万事利丝绸', [150, 70, 150], 'box', { points: 3500 }),
  g('R011', '法式不粘煎锅', 'redemption', 48, 8, [20, 40], HOME, [60, 60, 70], 'tin', { points: 4500 }),
  g('R012', '飞利浦电动牙刷', 'redemption', 65, 5, [15, 30], APPLIANCE, [70, 150, 210], 'box', { points: 6000 }),
  g('R013', '蚕丝被（200×230）', 'redemption', 85, 5, [10, 20], '湖州丝绸之府', [230, 200, 150], 'box', {
    points: 8000,
    minTier: '金卡',
  }),
  g('R014', '九阳豆浆机', 'redemption', 150, 3, [4, 6], APPLIANCE, [210, 50, 50], 'tin', {
    points: 12000,
    minTier: '金卡',
  }),
  g('K001', '开卡礼·环保购物袋', 'opening', 3.5, 50, [300, 500], YIWU, [110, 160, 80], 'box'),
  g('K002', '开卡礼·便携化妆镜', 'opening', 5, 30, [200, 300], YIWU, [230, 150, 170], 'tin'),
  g('S001', '生日礼·香薰蜡烛', 'birthday', 18, 20, [80, 120], YIWU, [240, 170, 90], 'tin'),
  g('T001', '推荐礼·雅致茶具', 'referral', 25, 10, [30, 50], HOME, [140, 110, 80], 'box'),
  g('H001', '回门礼·定制帆布包', 'comeback', 15, 100, [400, 600], YIWU, [200, 180, 140], 'box'),
  g('C001', '生日蛋糕（8寸）', 'cake', 70, 5, [10, 15], BAKERY, [250, 210, 200], 'tin'),
  g('C002', '鲜花花束', 'cake', 30, 5, [10, 15], FLORIST, [220, 60, 100], 'box'),
]

/** Creates, photographs and stocks the catalogue; returns the number of gifts. */
export function seedGifts(db: Db, rnd: Random, photosDir: string, actor: Actor): number {
  const scratch = mkdtempSync(join(tmpdir(), 'vipdesk-demo-photos-'))
  try {
    for (const s of SAMPLE_GIFTS) {
      createGift(
        db,
        {
          code: s.code,
          name: s.name,
          category: s.category,
          unitCostFen: Math.round(s.cost * 100),
          pointsPrice: s.points ?? null,
          reorderLevel: s.reorder,
          maxBalance: s.small ? SMALL_REDEMPTION_MAX_BALANCE : null,
          minTier: s.minTier ?? null,
        },
        actor,
      )
      // A picture goes in the way the 库存 screen's photo button puts one: copied into photos/.
      const file = join(scratch, `${s.code}.png`)
      writeFileSync(file, giftPhotoPng(s.colour, s.shape))
      updateGift(db, { code: s.code, photo: storePhoto(photosDir, file) }, actor)
      receiveStock(
        db,
        { code: s.code, quantity: rnd.int(...s.receive), supplier: s.supplier, reason: '示例入库' },
        actor,
      )
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
  return SAMPLE_GIFTS.length
}

/** Opening gifts for the newest cards and birthday gifts, as the VIP room hands them out. */
export function seedIssues(db: Db, rnd: Random, actor: Actor): number {
  const newest = db.sqlite
    .prepare("SELECT card_no FROM members WHERE status = 'active' ORDER BY join_date DESC, id DESC LIMIT ?")
    .pluck()
    .all(12) as string[]
  let issued = 0
  for (const cardNo of newest) {
    issueGift(db, { code: rnd.chance(0.6) ? 'K001' : 'K002', quantity: 1, purpose: 'opening', cardNo }, actor)
    issued++
  }
  for (const cardNo of newest.slice(0, 4)) {
    issueGift(db, { code: 'S001', quantity: 1, purpose: 'birthday', cardNo, reason: '生日当月到店领取' }, actor)
    issued++
  }
  return issued
}

/**
 * A few dozen redemptions at the desk: members with enough points, each taking one or two of the
 * gifts the desk would offer them (eligibleGifts), so every rule of the real desk applies.
 */
export function seedRedemptions(db: Db, rnd: Random, wanted: number, actor: Actor): number {
  const candidates = db.sqlite
    .prepare("SELECT id FROM members WHERE status = 'active' AND points >= 500 ORDER BY id")
    .pluck()
    .all() as number[]
  // A seeded shuffle, so that redeemers are spread over the whole card range.
  for (let i = candidates.length - 1; i > 0; i--) {
    const j = rnd.int(0, i)
    ;[candidates[i], candidates[j]] = [candidates[j]!, candidates[i]!]
  }
  let done = 0
  for (const memberId of candidates) {
    if (done >= wanted) break
    const offer = eligibleGifts(db, { memberId })
    if (!offer.eligible.length) continue
    const first = rnd.pick(offer.eligible)
    const lines = [{ code: first.code, qty: 1 }]
    const rest = offer.member.points - first.pointsPrice
    const second = offer.eligible.filter((e) => e.code !== first.code && e.pointsPrice <= rest)
    if (second.length && rnd.chance(0.3)) lines.push({ code: rnd.pick(second).code, qty: 1 })
    redeemGifts(db, { memberId, lines }, actor)
    done++
  }
  return done
}
