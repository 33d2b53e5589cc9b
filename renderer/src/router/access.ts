import {
  ADMIN_ONLY,
  ALL_ROLES,
  AUDIT_READERS,
  BIRTHDAY_SENDERS,
  CARE_PLANNERS,
  GIFT_KEEPERS,
  MEMBER_WRITERS,
  REPORT_READERS,
  type Role,
} from '../../../db/rules/roles'

/**
 * Which role sees which screen. Hiding a screen is a courtesy: the main process checks every call
 * against the contract's roles anyway. Jobs follow docs/domain.md: gifts are the VIP room's work,
 * birthday mail the clerks', reports the planners'.
 */
export interface NavItem {
  name: string
  label: string
  roles: readonly Role[]
}

export const JOBS: NavItem[] = [
  { name: 'members', label: '会员', roles: ALL_ROLES },
  { name: 'points', label: '消费积分', roles: MEMBER_WRITERS },
  { name: 'gifts', label: '礼品库存', roles: GIFT_KEEPERS },
  // Any operator may be a maintainer (linked in 维护人): everyone gets at least 我的VIP.
  { name: 'care', label: '高端VIP维护', roles: ALL_ROLES },
  // Planners make the campaigns; the VIP room calls (GIFT_KEEPERS holds both).
  { name: 'campaigns', label: '唤醒活动', roles: GIFT_KEEPERS },
  { name: 'birthday', label: '生日关怀', roles: BIRTHDAY_SENDERS },
  { name: 'reports', label: '报表', roles: REPORT_READERS },
  { name: 'settings', label: '设置', roles: ALL_ROLES },
]

/** 消费积分: the service desk's and the planners' purchase and points work, a tab each. */
export const POINTS_PAGES: NavItem[] = [
  { name: 'points-desk', label: '录入消费', roles: MEMBER_WRITERS },
  { name: 'points-import', label: '导入小票', roles: ['admin', 'planner'] },
  { name: 'points-expiring', label: '积分到期提醒', roles: MEMBER_WRITERS },
  { name: 'points-expired-cards', label: '过期卡', roles: MEMBER_WRITERS },
  { name: 'points-sleeping', label: '沉睡会员', roles: MEMBER_WRITERS },
]

/** 礼品库存: the VIP room's redemption desk, its stock, the printed catalogue and the month's report. */
export const GIFTS_PAGES: NavItem[] = [
  { name: 'gifts-desk', label: '兑换台', roles: GIFT_KEEPERS },
  // 年度积分兑换 (points → vouchers), busiest in the event's window; the desk says when it is closed.
  { name: 'gifts-yearly', label: '年度兑换', roles: GIFT_KEEPERS },
  { name: 'gifts-stock', label: '库存', roles: GIFT_KEEPERS },
  { name: 'gifts-catalogue', label: '礼品册', roles: GIFT_KEEPERS },
  // Planners judge the programme from the month's figures; the VIP room keeps the stock they count.
  { name: 'gifts-report', label: '月报', roles: GIFT_KEEPERS },
]

/**
 * 高端VIP维护: a maintainer's own VIPs; the planners' list, staff, assignment, league and cakes.
 * Any operator may be a maintainer (linked from the staff register), so 我的VIP is for every role.
 */
export const CARE_PAGES: NavItem[] = [
  { name: 'care-mine', label: '我的VIP', roles: ALL_ROLES },
  { name: 'care-vips', label: '高端名单', roles: CARE_PLANNERS },
  { name: 'care-staff', label: '维护人', roles: CARE_PLANNERS },
  { name: 'care-auto', label: '自动分配', roles: CARE_PLANNERS },
  { name: 'care-league', label: '月度评比', roles: CARE_PLANNERS },
  { name: 'care-cakes', label: '生日蛋糕', roles: GIFT_KEEPERS },
]

/** 唤醒活动: a caller's own list first; the planners' campaigns, their split and report. */
export const CAMPAIGN_PAGES: NavItem[] = [
  { name: 'campaigns-mine', label: '我的回访', roles: GIFT_KEEPERS },
  { name: 'campaigns-list', label: '活动', roles: CARE_PLANNERS },
]

/** 生日关怀: the clerks' monthly birthday mail — the list, print runs, costs and the texts and prices. */
export const BIRTHDAY_PAGES: NavItem[] = [
  { name: 'birthday-month', label: '本月名单', roles: BIRTHDAY_SENDERS },
  { name: 'birthday-batches', label: '打印批次', roles: BIRTHDAY_SENDERS },
  { name: 'birthday-costs', label: '费用', roles: BIRTHDAY_SENDERS },
  { name: 'birthday-settings', label: '设置', roles: BIRTHDAY_SENDERS },
]

/** 报表: the planners' dashboard (their home screen) and the store's sales figures behind the VIP share. */
export const REPORTS_PAGES: NavItem[] = [
  { name: 'reports-dashboard', label: '仪表盘', roles: REPORT_READERS },
  { name: 'reports-store-sales', label: '全店销售', roles: REPORT_READERS },
]

export const SETTINGS_PAGES: NavItem[] = [
  { name: 'settings-store', label: '门店设置', roles: ALL_ROLES },
  { name: 'settings-points', label: '积分规则', roles: ALL_ROLES },
  { name: 'settings-tiers', label: '等级与有效期', roles: ALL_ROLES },
  { name: 'settings-care', label: '维护设置', roles: ALL_ROLES },
  { name: 'settings-vouchers', label: '券', roles: ALL_ROLES },
  { name: 'settings-departments', label: '课别与专柜', roles: ALL_ROLES },
  { name: 'settings-operators', label: '操作员', roles: ADMIN_ONLY },
  { name: 'settings-data', label: '数据与备份', roles: ADMIN_ONLY },
  { name: 'settings-audit', label: '操作日志', roles: AUDIT_READERS },
  // This PC's choice of database or store server (desktop app only, see SettingsView).
  { name: 'settings-connection', label: '连接', roles: ALL_ROLES },
]

const byName = new Map(
  [
    ...JOBS,
    ...POINTS_PAGES,
    ...GIFTS_PAGES,
    ...CARE_PAGES,
    ...CAMPAIGN_PAGES,
    ...BIRTHDAY_PAGES,
    ...REPORTS_PAGES,
    ...SETTINGS_PAGES,
  ].map((n) => [n.name, n.roles]),
)

/** Routes not in the table (login, first run) are not role-bound. */
export function mayVisit(routeName: string, role: Role | null): boolean {
  const roles = byName.get(routeName)
  if (!roles) return true
  return role !== null && roles.includes(role)
}

/** Where an operator lands after logging in: the planners' dashboard for those who read it. */
export const homeFor = (role: Role | null): string =>
  mayVisit('reports-dashboard', role) ? 'reports-dashboard' : 'members'

export const visibleFor = (items: NavItem[], role: Role | null) => items.filter((i) => mayVisit(i.name, role))
