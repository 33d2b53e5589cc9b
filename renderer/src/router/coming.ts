/** What each not-yet-built job will do, shown honestly on its placeholder screen. */
export const COMING: Record<string, { title: string; description: string }> = {
  reports: {
    title: '报表',
    description:
      '会员数、按来源的新开卡、活跃与沉睡会员、各营业课VIP业绩占比、积分发放/兑换/过期/余额，以及礼品成本和维护人排名等报表。',
  },
}
