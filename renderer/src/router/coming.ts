/** What each not-yet-built job will do, shown honestly on its placeholder screen. */
export const COMING: Record<string, { title: string; description: string }> = {
  birthday: {
    title: '生日关怀',
    description:
      '每月列出当月生日的会员（含农历生日），发送生日祝福短信，批量打印生日贺卡和信封/地址标签，记录寄出和退回，确保同一个生日不会重复寄送，并统计短信和邮寄费用。',
  },
  reports: {
    title: '报表',
    description:
      '会员数、按来源的新开卡、活跃与沉睡会员、各营业课VIP业绩占比、积分发放/兑换/过期/余额，以及礼品成本和维护人排名等报表。',
  },
}
