import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { InputOf, OutputOf } from '../../../server/contract/contract'
import { call } from '@/api/client'
import { usePointsStore } from './points'

export type YearlyOptions = OutputOf<'yearly:options'>
export type YearlyProgress = OutputOf<'yearly:progress'>
export type PointsVoucher = OutputOf<'yearly:redeem'>[number]

/**
 * 年度积分兑换: the VIP room's queue desk and the event's progress, which the desk's header and
 * the dashboard's card share so both move together after each member.
 */
export const useYearlyStore = defineStore('yearly', () => {
  const progress = ref<YearlyProgress | null>(null)

  async function refreshProgress() {
    progress.value = await call('yearly:progress', undefined)
    return progress.value
  }

  const options = (cardNo: string) => call('yearly:options', { cardNo })

  async function redeem(input: InputOf<'yearly:redeem'>) {
    const vouchers = await call('yearly:redeem', input)
    // Balances shown elsewhere (member drawer, list) follow the points ledger.
    await Promise.all([input.memberId ? usePointsStore().moved(input.memberId) : null, refreshProgress()])
    return vouchers
  }

  const printSlip = (voucherNos: string[]) => call('vouchers:slip', { voucherNos })
  const saveSheet = (voucherNos: string[]) => call('vouchers:sheet', { voucherNos })

  return { progress, refreshProgress, options, redeem, printSlip, saveSheet }
})
