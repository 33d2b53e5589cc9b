import type { CallName } from './contract'

/**
 * What other desks show that a call can change. After such a call succeeds, every other desk
 * hears `changed` with these topics and refreshes what it has open: the redemption desk its
 * stock, a member's drawer the points and tier, the print runs of birthday mail.
 */
export type ChangeTopic = 'members' | 'points' | 'gifts' | 'birthdays'

const MEMBER = ['members'] as const
const POINTS = ['members', 'points'] as const
const GIFTS = ['gifts'] as const

export const CHANGES: Partial<Record<CallName, readonly ChangeTopic[]>> = {
  'members:create': MEMBER,
  'members:update': MEMBER,
  'members:close': MEMBER,
  'members:reportLost': MEMBER,
  'members:reactivate': MEMBER,
  'members:replaceCard': MEMBER,
  'members:importCommit': MEMBER,
  'purchases:record': POINTS,
  'purchases:importCommit': POINTS,
  'points:adjust': POINTS,
  'tiers:renew': MEMBER,
  'tiers:review': MEMBER,
  // A redemption spends points and stock at once.
  'gifts:redeem': ['gifts', 'members', 'points'],
  'yearly:redeem': POINTS,
  'gifts:return': ['gifts', 'members', 'points'],
  'gifts:receive': GIFTS,
  'gifts:issue': GIFTS,
  'gifts:stocktake': GIFTS,
  'gifts:create': GIFTS,
  'gifts:update': GIFTS,
  'gifts:importCommit': GIFTS,
  'care:cakeDeliver': GIFTS,
  'birthdays:prepare': ['birthdays'],
  'birthdays:print': ['birthdays'],
  'birthdays:savePdf': ['birthdays'],
  'birthdays:printLabels': ['birthdays'],
  'birthdays:mark': ['birthdays'],
  // A void gives a points voucher's points back; a drawer's 券 tab follows all three.
  'vouchers:use': MEMBER,
  'vouchers:void': POINTS,
  'vouchers:issue': MEMBER,
}
