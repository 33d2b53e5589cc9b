import { storeToday } from '@/format/storeClock'
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { StoreSalesRow } from '../../../db/services/reports/storeSales'
import { call } from '@/api/client'

/** 全店销售 of one year: the figures, and the writes that reload them. */
export const useStoreSalesStore = defineStore('storeSales', () => {
  const year = ref(storeToday().y)
  const rows = shallowRef<StoreSalesRow[]>([])
  const loading = ref(false)

  async function load(): Promise<void> {
    loading.value = true
    try {
      rows.value = await call('reports:storeSales', { from: `${year.value}-01`, to: `${year.value}-12` })
    } finally {
      loading.value = false
    }
  }

  /** Saves one figure in fen, or removes it when `amountFen` is null. */
  async function save(month: string, department: string, amountFen: number | null): Promise<void> {
    if (amountFen === null) await call('reports:storeSalesDelete', { month, department })
    else await call('reports:storeSalesSave', { month, department, amountFen })
    await load()
  }

  /** File dialog in main, then the import; null when the user cancelled. */
  async function importFile() {
    const result = await call('reports:storeSalesImport', undefined)
    if (result) await load()
    return result
  }

  return { year, rows, loading, load, save, importFile }
})
