/** 年度积分兑换: the VIP room's yearly points-to-vouchers desk, its progress, and printed vouchers. */
import type { PointsVoucher, RedeemPointsInput, YearlyOptions, YearlyProgress } from '../../db/services/vouchers'
import { GIFT_KEEPERS } from '../../db/rules/roles'
import { call } from './call'

export const yearlyCalls = {
  /** After a scan: the member, balance, window, how many of each value and the best mix. */
  'yearly:options': call<{ cardNo: string }, YearlyOptions>(GIFT_KEEPERS),
  /** Points → vouchers in one transaction; outside the window planners and admins only, with a reason. */
  'yearly:redeem': call<RedeemPointsInput, PointsVoucher[]>(GIFT_KEEPERS),
  /**
   * The event's members served, points turned and vouchers issued, in total and by day. The
   * dashboard's readers (admin, planner) are gift keepers too, so one role list serves both.
   */
  'yearly:progress': call<{ year?: number } | undefined, YearlyProgress>(GIFT_KEEPERS),
  /** The 80 mm slip of these vouchers to the receipt printer; false when the dialog was cancelled. */
  'vouchers:slip': call<{ voucherNos: string[] }, { printed: boolean }>(GIFT_KEEPERS),
  /** A4 sheets of these vouchers (2 × 4 a page) saved as PDF; null when the dialog was cancelled. */
  'vouchers:sheet': call<{ voucherNos: string[] }, { file: string; count: number; pages: number } | null>(GIFT_KEEPERS),
}
