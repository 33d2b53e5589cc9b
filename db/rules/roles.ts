/** Operator roles. Pure data, safe to import from the renderer. */
export const ROLES = ['admin', 'planner', 'viproom', 'clerk'] as const
export type Role = (typeof ROLES)[number]

export const ROLE_LABELS: Record<Role, string> = {
  admin: '管理员',
  planner: '企划',
  viproom: '贵宾室',
  clerk: '文员',
}

export const ALL_ROLES: readonly Role[] = ROLES
/** Who may change member records (the service desk sits with the VIP room). */
export const MEMBER_WRITERS: readonly Role[] = ['admin', 'planner', 'viproom']
/** Who may see a phone or ID number in full (each time is audited). */
export const REVEALERS: readonly Role[] = ['admin', 'planner', 'viproom']
/** The VIP room keeps the gifts; the programme's owners may too. */
export const GIFT_KEEPERS: readonly Role[] = ['admin', 'planner', 'viproom']
/** The planners pick the high-value members, give them to maintainers and judge the league. */
export const CARE_PLANNERS: readonly Role[] = ['admin', 'planner']
/**
 * The clerks send the birthday mail (cards, labels, the SMS list for the gateway — full numbers,
 * audited); the programme's owners may too.
 */
export const BIRTHDAY_SENDERS: readonly Role[] = ['admin', 'planner', 'clerk']
export const AUDIT_READERS: readonly Role[] = ['admin', 'planner']
/** The planners judge the programme from its dashboard and reports; they also keep the store's sales figures. */
export const REPORT_READERS: readonly Role[] = ['admin', 'planner']
export const ADMIN_ONLY: readonly Role[] = ['admin']
