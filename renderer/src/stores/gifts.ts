import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { InputOf, OutputOf } from '../../../server/contract/contract'
import { call } from '@/api/client'
import { usePointsStore } from './points'

export type Gift = OutputOf<'gifts:list'>[number]

/**
 * The VIP room's gifts: the catalogue with its stock, the low-stock count for the sidebar badge,
 * and the desk's offer and redemption. Every write reloads the catalogue so the badge stays true.
 */
export const useGiftsStore = defineStore('gifts', () => {
  const list = ref<Gift[]>([])
  const lowCount = ref(0)
  const loaded = ref(false)

  async function load() {
    list.value = await call('gifts:list', {})
    loaded.value = true
    await refreshLow()
  }

  async function refreshLow() {
    lowCount.value = (await call('gifts:lowStock', undefined)).length
  }

  const eligible = (memberId: number) => call('gifts:eligible', { memberId })

  async function redeem(input: InputOf<'gifts:redeem'>) {
    const done = await call('gifts:redeem', input)
    // Balances shown elsewhere (member drawer, list) follow the points ledger.
    await Promise.all([usePointsStore().moved(input.memberId), load()])
    return done
  }

  async function receive(input: InputOf<'gifts:receive'>) {
    const moved = await call('gifts:receive', input)
    await load()
    return moved
  }

  async function create(input: InputOf<'gifts:create'>) {
    const gift = await call('gifts:create', input)
    await load()
    return gift
  }

  async function update(input: InputOf<'gifts:update'>) {
    const gift = await call('gifts:update', input)
    await load()
    return gift
  }

  async function issue(input: InputOf<'gifts:issue'>) {
    const moved = await call('gifts:issue', input)
    await load()
    return moved
  }

  async function stocktake(input: InputOf<'gifts:stocktake'>) {
    const counted = await call('gifts:stocktake', input)
    await load()
    return counted
  }

  const movements = (code: string) => call('gifts:movements', { code })
  const photo = (code: string) => call('gifts:photo', { code })
  const pickPhoto = () => call('gifts:pickPhoto', undefined)
  const redemptionsOf = (memberId: number) => call('gifts:memberRedemptions', { memberId })
  const slip = (redemptionId: number) => call('gifts:slip', { redemptionId })
  const printSlip = (redemptionId: number) => call('gifts:printSlip', { redemptionId })
  /** 礼品册 for a validity period (yyyymmdd): preview HTML, a saved PDF, or a printout. */
  const catalogue = (period: InputOf<'gifts:catalogue'>) => call('gifts:catalogue', period)
  const saveCatalogue = (period: InputOf<'gifts:catalogueSave'>) => call('gifts:catalogueSave', period)
  const printCatalogue = (period: InputOf<'gifts:cataloguePrint'>) => call('gifts:cataloguePrint', period)

  /** A quality return gives points back: the balance everywhere follows, like a redemption. */
  async function returnGifts(input: InputOf<'gifts:return'>) {
    const done = await call('gifts:return', input)
    await Promise.all([usePointsStore().moved(done.memberId), load()])
    return done
  }

  function reset() {
    list.value = []
    lowCount.value = 0
    loaded.value = false
  }

  return {
    list,
    lowCount,
    loaded,
    load,
    refreshLow,
    eligible,
    redeem,
    receive,
    create,
    update,
    issue,
    stocktake,
    movements,
    photo,
    pickPhoto,
    redemptionsOf,
    returnGifts,
    slip,
    printSlip,
    catalogue,
    saveCatalogue,
    printCatalogue,
    reset,
  }
})
