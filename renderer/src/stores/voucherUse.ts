import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { InputOf } from '../../../server/contract/contract'
import { call } from '@/api/client'

/**
 * 券 as the desk and the member drawer use them: a scan's lookup, a member's list, a void. The
 * yearly redemption and the settings keep their own stores.
 */
export const useVoucherUseStore = defineStore('voucherUse', () => {
  /** Bumped after a void here, so an open 券 tab reads its list again. */
  const revision = ref(0)

  const lookup = (input: InputOf<'vouchers:lookup'>) => call('vouchers:lookup', input)
  const ofMember = (memberId: number) => call('vouchers:list', { memberId, limit: 500 })

  async function voidOne(voucherNo: string, reason: string) {
    const v = await call('vouchers:void', { voucherNo, reason })
    revision.value++
    return v
  }

  return { revision, lookup, ofMember, voidOne }
})
