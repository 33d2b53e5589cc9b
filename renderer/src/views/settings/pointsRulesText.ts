import { storeToday } from '@/format/storeClock'

import type { ExpiryRules } from '../../../../db/rules/expiry'
import { rewardWeekDays, type EarningRules } from '../../../../db/rules/points'

/**
 * The points rules said the way the service desk tells a customer: one line per rule, from the
 * settings as they stand on screen (saved or not).
 */
export interface RuleLine {
  key: string
  title: string
  text: string
  off?: boolean
}

const times = (m: number) => `积分 × ${m}`

export function describeEarning(r: EarningRules, today = new Date()): RuleLine[] {
  const lines: RuleLine[] = [
    {
      key: 'base',
      title: '基础积分',
      text: `每消费 1 元积 ${r.pointsPerYuan} 分，不足 1 分的部分舍去；特价商品和没有报卡号或手机号的消费不积分，退货按原单扣回积分。`,
    },
  ]
  const days = [...r.memberDays.days].sort((a, b) => a - b)
  lines.push({
    key: 'memberDays',
    title: '会员日',
    off: !r.memberDays.enabled || !days.length,
    text: days.length ? `每月 ${days.join('、')} 日，${times(r.memberDays.multiplier)}` : '没有选择日期',
  })
  const storeDay = storeToday(today.getTime())
  const week = rewardWeekDays(storeDay.y, storeDay.m)
  lines.push({
    key: 'rewardWeek',
    title: 'VIP回馈周',
    off: !r.rewardWeek.enabled,
    text: `每月第二个周末的周五至周日，${times(r.rewardWeek.multiplier)}（本月为 ${week[0]!.m} 月 ${week[0]!.d} 日至 ${week[2]!.m} 月 ${week[2]!.d} 日）`,
  })
  const b = r.birthdayWindow
  lines.push({
    key: 'birthday',
    title: '生日',
    off: !b.enabled,
    text: `生日前 ${b.daysBefore} 天至生日后 ${b.daysAfter} 天，${times(b.multiplier)}；农历生日按当年对应的公历日期。`,
  })
  for (const [i, c] of r.campaigns.entries()) {
    lines.push({
      key: `campaign-${i}`,
      title: `活动：${c.name || '（未命名）'}`,
      text: `${c.from || '?'} 至 ${c.to || '?'}，${times(c.multiplier)}`,
    })
  }
  lines.push({
    key: 'combine',
    title: '倍数叠加',
    text:
      r.combine === 'max'
        ? '同一天符合几项活动时，只取倍数最高的一项。会员等级的倍数另外相乘。'
        : '同一天符合几项活动时，各项倍数相乘（例：会员日 × 2 又逢生日 × 2，共 × 4）。会员等级的倍数另外相乘。',
  })
  return lines
}

export function describeExpiry(e: ExpiryRules): string {
  return e.policy === 'calendarYear'
    ? '按自然年：每年获得的积分在次年 1 月 1 日过期。'
    : `滚动有效期：每笔积分在获得 ${e.months} 个月后过期，兑换时先用最早到期的积分。`
}
