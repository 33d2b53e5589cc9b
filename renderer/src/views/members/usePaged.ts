import { ref, watch, type Ref } from 'vue'
import { usePointsStore } from '@/stores/points'

/**
 * One member's history, a page at a time, reloaded when the member changes or a write moved
 * their points (the store's revision). Only the newest answer lands, so fast paging cannot
 * show an older page.
 */
export function usePaged<T>(
  memberId: Ref<number>,
  fetch: (memberId: number, page: number, pageSize: number) => Promise<{ rows: T[]; total: number }>,
  pageSize = 10,
) {
  const points = usePointsStore()
  const rows = ref<T[]>([]) as Ref<T[]>
  const total = ref(0)
  const page = ref(1)
  const loading = ref(false)
  const loaded = ref(false)
  let sequence = 0

  async function load() {
    const mine = ++sequence
    loading.value = true
    try {
      const r = await fetch(memberId.value, page.value, pageSize)
      if (mine !== sequence) return
      rows.value = r.rows
      total.value = r.total
      loaded.value = true
    } finally {
      if (mine === sequence) loading.value = false
    }
  }

  watch(
    [memberId, () => points.revision],
    () => {
      page.value = 1
      void load()
    },
    { immediate: true },
  )

  function setPage(p: number) {
    page.value = p
    void load()
  }

  return { rows, total, page, pageSize, loading, loaded, load, setPage }
}
