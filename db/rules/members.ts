/** Member vocabularies. Pure data, shared with the renderer. */
export const DEFAULT_TIERS = ['普卡', '银卡', '金卡', '钻石卡'] as const

export const SOURCES = ['开卡礼', '推荐', '社区', '主顾客转化', '服务台', '其他'] as const
export type Source = (typeof SOURCES)[number]

export const STATUSES = ['active', 'lost', 'replaced', 'expired', 'closed'] as const
export type MemberStatus = (typeof STATUSES)[number]
export const STATUS_LABELS: Record<MemberStatus, string> = {
  active: '正常',
  lost: '挂失',
  replaced: '已换卡',
  expired: '已过期',
  closed: '已注销',
}

export const GENDERS = ['男', '女'] as const
export type Gender = (typeof GENDERS)[number]

/** A card number as printed: letters, digits and dashes. */
export const CARD_NO = /^[A-Z0-9-]{4,20}$/
