import { computed, watch, type Ref } from 'vue'
import { usePagedQuery, type PageOf } from '@/composables/usePagedQuery'
import { usePointsStore } from '@/stores/points'

/**
 * One member's history, a page at a time, reloaded from the first page when the member changes
 * or a write here moved their points (the store's revision); a change made at another desk
 * re-reads the page on screen, so whoever is reading page 3 stays there.
 */
export function usePaged<T>(
  memberId: Ref<number>,
  fetch: (memberId: number, page: number, pageSize: number) => Promise<PageOf<T>>,
  pageSize = 10,
) {
  const points = usePointsStore()
  const query = usePagedQuery((page, size) => fetch(memberId.value, page, size), pageSize)
  watch([memberId, () => points.revision], query.reload, { immediate: true })
  watch(() => points.elsewhere, query.load)

  return {
    ...query,
    rows: computed(() => query.result.value?.rows ?? []),
    total: computed(() => query.result.value?.total ?? 0),
    loaded: computed(() => query.result.value !== null),
  }
}

export type MemberHistory<T> = ReturnType<typeof usePaged<T>>
