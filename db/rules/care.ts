/**
 * High-value members and their maintainers (DOMAIN.md "高端VIP维护"). Pure: no database, safe for
 * the renderer. Days are yyyymmdd integers of the store's calendar.
 */

/** Departments staff belong to: the sales departments, the planning office and the VIP room. */
export const STAFF_DEPARTMENTS = ['营业一课', '营业二课', '营业三课', '营业四课', '营业五课', '企划', '贵宾室'] as const

export const CONTACT_KINDS = ['phone', 'visit', 'birthday', 'gift', 'other'] as const
export type ContactKind = (typeof CONTACT_KINDS)[number]

export const CONTACT_KIND_LABELS: Record<ContactKind, string> = {
  phone: '电话',
  visit: '到店接待',
  birthday: '生日送达',
  gift: '赠礼',
  other: '其他',
}

/** What makes a member high-value: the top N by one measure, above a floor. */
export const HIGH_VALUE_MEASURES = ['spend', 'points', 'tier'] as const
export type HighValueMeasure = (typeof HIGH_VALUE_MEASURES)[number]

export const HIGH_VALUE_MEASURE_LABELS: Record<HighValueMeasure, string> = {
  spend: '近12个月消费',
  points: '当前积分',
  tier: '金卡及以上（按近12个月消费排序）',
}

export const CAKE_DELIVERY_STATUSES = ['planned', 'delivered', 'cancelled'] as const
export type CakeDeliveryStatus = (typeof CAKE_DELIVERY_STATUSES)[number]

export const CAKE_DELIVERY_STATUS_LABELS: Record<CakeDeliveryStatus, string> = {
  planned: '已安排',
  delivered: '已送达',
  cancelled: '已取消',
}

/** The store plan's numbers (DOMAIN.md): six months' service to maintain, ten cakes a month. */
export const DEFAULT_CARE_RULES = {
  /** Months of service before a staff member may maintain VIPs */
  minServiceMonths: 6,
  /** VIPs one maintainer looks after unless their own capacity says otherwise */
  defaultCapacity: 8,
  highValue: {
    measure: 'spend' as HighValueMeasure,
    /** How many members the list holds */
    top: 100,
    /** Floor on the measure: fen of 12-month spend, or points; 0 for none */
    minimum: 0,
    /** For measure 'tier': the lowest tier that qualifies */
    minTier: '金卡',
  },
  /** Birthday cake and flowers each month */
  cakesPerMonth: 10,
  skipLastYearsRecipients: true,
}
export type CareRules = typeof DEFAULT_CARE_RULES
