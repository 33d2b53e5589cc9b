import type { Actor } from '../actor'
import { inTransaction, type Db } from '../handle'
import { storeToday, storeZone } from '../clock'
import { ymdToInt } from '../rules/dates'
import { zonedToMs } from '../rules/storeClock'
import { SOURCES, type Source } from '../rules/members'
import { tierNames } from '../rules/tiers'
import { recordAudit } from '../services/audit'
import { assignMissingValidity } from '../services/tiers/validity'
import type { MemberColumns } from '../services/members/fields'
import { insertMemberRow } from '../services/members/rows'
import { getSettings } from '../services/settings'
import { parseInput, z } from '../validate'
import { cardNumber, nextCardSerial } from './cards'
import { dayNumber, fromDayNumber } from './lunar'
import { PersonFactory } from './people'
import { Random, Weighted } from './random'

const seedSchema = z.object({
  members: z
    .number({ error: '会员数量应为数字' })
    .int('会员数量应为整数')
    .min(1, '会员数量至少为1')
    .max(1_000_000, '会员数量最多1,000,000'),
  seed: z.number({ error: '随机种子应为数字' }).int('随机种子应为整数').default(2014),
})
export type SeedInput = z.input<typeof seedSchema>

/** How cards were opened, roughly as the store's plan reports them. */
const SOURCE_WEIGHTS: Record<Source, number> = {
  服务台: 30,
  开卡礼: 28,
  主顾客转化: 15,
  推荐: 14,
  社区: 10,
  其他: 3,
}
const sources = new Weighted(SOURCES.map((s) => [s, SOURCE_WEIGHTS[s]] as const))

const NOTES = [
  '喜欢化妆品，关注新品',
  '常购童装',
  '偏好男装正装',
  '生日当天常来店',
  '不喜欢电话联系，短信即可',
  '家住附近，常来超市',
  '关注珠宝首饰',
  '会员日必到',
  '需要开具发票',
  '行动不便，礼品请送货上门',
]

/** Each tier a few times rarer than the one below it (普卡 > 银卡 > 金卡 > 钻石卡). */
function tierPicker(tiers: readonly string[], longStanding: boolean): Weighted<string> {
  const ratio = longStanding ? 0.4 : 0.22
  return new Weighted(tiers.map((t, i) => [t, Math.pow(ratio, i)] as const))
}

/** Join dates over the last five years, more of them recently (the programme is growing). */
function joinDays(rnd: Random, todayDay: number, n: number): number[] {
  const span = 5 * 365
  const days: number[] = []
  for (let i = 0; i < n; i++) {
    const back = rnd.chance(0.5) ? rnd.next() * span : (1 - Math.sqrt(rnd.next())) * span
    days.push(todayDay - Math.floor(back))
  }
  return days.sort((a, b) => a - b)
}

/**
 * Realistic sample members for a newcomer or a benchmark: deterministic for a seed, written in
 * one transaction straight through the row writer (validation is by construction here, and the
 * form path would cost a transaction and an audit entry per member). One audit entry covers it.
 */
export function seedMembers(db: Db, input: SeedInput, actor: Actor): { members: number } {
  const { members: n, seed } = parseInput(seedSchema, input)
  const settings = getSettings(db)
  const rnd = new Random(seed)
  const today = storeToday(db)
  const zone = storeZone(db)
  const todayDay = dayNumber(today)
  const recentTiers = tierPicker(tierNames(settings), false)
  const olderTiers = tierPicker(tierNames(settings), true)

  return inTransaction(db, () => {
    const usedPhones = new Set(
      db.sqlite.prepare('SELECT phone FROM members WHERE phone IS NOT NULL').pluck().all() as string[],
    )
    const usedIds = new Set(
      db.sqlite.prepare('SELECT id_number FROM members WHERE id_number IS NOT NULL').pluck().all() as string[],
    )
    const people = new PersonFactory(rnd, today, usedPhones, usedIds)
    let serial = nextCardSerial(db)
    // Members of this batch who may still refer someone, with their referral counts.
    const referrers: number[] = []
    const referred = new Map<number, number>()
    const setStatus = db.sqlite.prepare('UPDATE members SET status = ? WHERE id = ?')
    const setIssued = db.sqlite.prepare('UPDATE member_cards SET issued_at = ? WHERE member_id = ?')

    for (const day of joinDays(rnd, todayDay, n)) {
      const person = people.make()
      let source = sources.pick(rnd)
      let referrerId: number | null = null
      if (source === '推荐') {
        referrerId = pickReferrer(rnd, referrers, referred, settings.maxReferrals)
        if (referrerId === null) source = '服务台'
      }
      const longStanding = todayDay - day > 2 * 365
      const member: MemberColumns = {
        ...person,
        cardNo: cardNumber(serial++),
        tier: (longStanding ? olderTiers : recentTiers).pick(rnd),
        joinDate: ymdToInt(fromDayNumber(day)),
        source,
        smsConsent: person.phone !== null && rnd.chance(0.88),
        mailConsent: person.address !== null && rnd.chance(0.7),
        notes: rnd.chance(0.04) ? rnd.pick(NOTES) : '',
      }
      const id = insertMemberRow(db, member, referrerId, actor)
      // A sample card was issued on the day its member joined, not today.
      const joined = fromDayNumber(day)
      setIssued.run(zonedToMs({ ...joined, h: 10 }, zone), id)
      referrers.push(id)
      // A few cards are closed or reported lost, so that status filters show something.
      const r = rnd.next()
      if (r < 0.01) setStatus.run('closed', id)
      else if (r < 0.015) setStatus.run('lost', id)
    }
    // Sample cards get their validity now, so the expired-cards list has something to show.
    assignMissingValidity(db)
    recordAudit(db, actor, 'seed', 'member', null, `生成示例会员 ${n} 名（随机种子 ${seed}）`)
    return { members: n }
  })
}

/** An earlier member of the batch with room for another referral, or null after a few tries. */
function pickReferrer(rnd: Random, pool: number[], counts: Map<number, number>, max: number): number | null {
  if (max <= 0 || pool.length === 0) return null
  for (let tries = 0; tries < 5; tries++) {
    const id = rnd.pick(pool)
    const c = counts.get(id) ?? 0
    if (c < max) {
      counts.set(id, c + 1)
      return id
    }
  }
  return null
}
