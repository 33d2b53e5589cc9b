/** 券: looking a voucher up, using it on its own, listing, voiding and issuing by hand. */
import type {
  IssueManualInput,
  ListVouchersInput,
  LookupVoucherInput,
  UseVoucherInput,
  VoidVoucherInput,
  VoucherListRow,
  VoucherView,
} from '../../db/services/vouchers'
import { ALL_ROLES, CARE_PLANNERS, GIFT_KEEPERS } from '../../db/rules/roles'
import { call } from './call'

export const voucherCalls = {
  // handlers/vouchers.ts
  /** A scan at the desk: whose, what, until when, and (given the 课别 and amount) why it cannot pay. */
  'vouchers:lookup': call<LookupVoucherInput, VoucherView>(GIFT_KEEPERS),
  /** 核销 without a purchase to record (the purchase was rung up elsewhere). */
  'vouchers:use': call<UseVoucherInput, VoucherView>(GIFT_KEEPERS),
  /** Newest first; by member, status and kind (the drawer's 券 tab). */
  'vouchers:list': call<ListVouchersInput, VoucherListRow[]>(ALL_ROLES),
  /** Same roles as voidVoucher's own check; a points voucher gives its points back. */
  'vouchers:void': call<VoidVoucherInput, VoucherView>(CARE_PLANNERS),
  /** 人工发券, with a reason. */
  'vouchers:issue': call<IssueManualInput, VoucherView>(CARE_PLANNERS),
} as const
