import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { Settings } from '../../../db/services/settings'
import { DEFAULT_TIER_TABLE, tierNames } from '../../../db/rules/tiers'
import { call } from '@/api/client'
import { setStoreZone } from '@/format/storeClock'
import { useSessionStore } from './session'

/** The store's configurable rules; loaded once after login and kept fresh after edits. */
export const useSettingsStore = defineStore('settings', () => {
  const settings = ref<Settings | null>(null)
  const loading = ref(false)

  const tiers = computed<string[]>(() => tierNames(settings.value ?? { tierTable: DEFAULT_TIER_TABLE }))
  const replacementFeeFen = computed(() => settings.value?.replacementFeeFen ?? 0)

  async function load(force = false) {
    if (settings.value && !force) return settings.value
    loading.value = true
    try {
      settings.value = await call('settings:get', undefined)
      setStoreZone(settings.value.timeZone)
      return settings.value
    } finally {
      loading.value = false
    }
  }

  async function update(patch: Partial<Settings>) {
    settings.value = await call('settings:update', patch)
    setStoreZone(settings.value.timeZone)
    useSessionStore().setStoreName(settings.value.storeName)
    return settings.value
  }

  function reset() {
    settings.value = null
  }

  return { settings, loading, tiers, replacementFeeFen, load, update, reset }
})
