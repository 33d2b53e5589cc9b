import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { InputOf, OutputOf } from '../../../server/contract/contract'
import { call } from '@/api/client'

export type CampaignRow = OutputOf<'campaigns:list'>[number]
export type CampaignReport = OutputOf<'campaigns:report'>
export type CallRow = OutputOf<'campaigns:myCalls'>['rows'][number]

/**
 * 唤醒活动: the planners' campaigns with their figures, and the caller's own list. Every write
 * reloads what it changes, so the figures on screen are the database's.
 */
export const useCampaignsStore = defineStore('campaigns', () => {
  const campaigns = ref<CampaignRow[] | null>(null)
  const mine = ref<OutputOf<'campaigns:myCalls'> | null>(null)
  const loading = ref(false)

  async function loadList() {
    loading.value = true
    try {
      campaigns.value = await call('campaigns:list', undefined)
    } finally {
      loading.value = false
    }
  }

  async function loadMine() {
    loading.value = true
    try {
      mine.value = await call('campaigns:myCalls', undefined)
    } finally {
      loading.value = false
    }
  }

  async function create(input: InputOf<'campaigns:create'>) {
    const made = await call('campaigns:create', input)
    await loadList()
    return made
  }

  async function split(input: InputOf<'campaigns:split'>) {
    const r = await call('campaigns:split', input)
    await loadList()
    return r
  }

  async function recordCall(input: InputOf<'campaigns:recordCall'>) {
    const r = await call('campaigns:recordCall', input)
    await loadMine()
    return r
  }

  return { campaigns, mine, loading, loadList, loadMine, create, split, recordCall }
})
