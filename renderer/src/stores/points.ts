import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { ExportFormat, InputOf } from '../../../server/contract/contract'
import type { AdjustInput } from '../../../db/services/points/adjust'
import type { DeskPurchaseInput } from '../../../db/services/purchases'
import { call } from '@/api/client'
import { useMembersStore } from './members'

/**
 * Purchases and points: the desk's entry with its preview, a member's purchase and ledger pages,
 * manual adjustments and the reminder list. Pages are fetched per view; what must stay in step
 * across screens (the drawer's balance) is refreshed through the members store.
 */
export const usePointsStore = defineStore('points', () => {
  /** Bumped after every write that moves a balance, so open ledger/purchase tabs reload. */
  const revision = ref(0)
  /** Bumped when another desk moved points: open tabs re-read the page they show. */
  const elsewhere = ref(0)
  const members = useMembersStore()

  async function refreshMember(id: number) {
    await Promise.all([
      members.detail?.id === id ? members.open(id) : undefined,
      members.loadedOnce ? members.load() : undefined,
    ])
  }

  /** The member the desk is serving, read without opening the member drawer. */
  const member = (id: number) => call('members:get', { id })

  const preview = (input: DeskPurchaseInput) => call('purchases:preview', input)

  /** After any write that moved a member's points: open tabs reload, drawer and list show the new balance. */
  async function moved(memberId: number) {
    revision.value++
    await refreshMember(memberId)
  }

  async function record(input: DeskPurchaseInput) {
    const saved = await call('purchases:record', input)
    await moved(saved.member.id)
    return saved
  }

  const purchasesOf = (memberId: number, page: number, pageSize: number) =>
    call('purchases:ofMember', { memberId, page, pageSize })

  const ledgerOf = (memberId: number, page: number, pageSize: number) =>
    call('points:ledger', { memberId, page, pageSize })

  /** After an adjustment the drawer's balance and the member list's 积分 column show the new figure. */
  async function adjust(input: AdjustInput) {
    const posted = await call('points:adjust', input)
    await moved(input.memberId)
    return posted
  }

  const expiring = (query: InputOf<'points:expiringSoon'>) => call('points:expiringSoon', query)

  const exportExpiring = (format: ExportFormat, days: number, asOf?: string) =>
    call('points:expiringExport', { format, days, asOf })

  return {
    revision,
    elsewhere,
    moved,
    member,
    preview,
    record,
    purchasesOf,
    ledgerOf,
    adjust,
    expiring,
    exportExpiring,
  }
})
