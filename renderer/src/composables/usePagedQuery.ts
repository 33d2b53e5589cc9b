import { ref, type Ref } from 'vue'

/** What every paged call answers: one page of rows and how many there are in all. */
export interface PageOf<T> {
  rows: T[]
  total: number
}

/**
 * A list the database pages for us: the last answer, the page and page size it was asked for, and
 * a load that lets only the newest answer land, so fast paging or refiltering cannot show an
 * older page. The answer is kept whole because screens show more of it than the rows (totals,
 * the date it was counted on).
 */
export function usePagedQuery<R extends PageOf<unknown>>(
  fetch: (page: number, pageSize: number) => Promise<R>,
  initialPageSize = 50,
) {
  const result = ref(null) as Ref<R | null>
  const page = ref(1)
  const pageSize = ref(initialPageSize)
  const loading = ref(false)
  let sequence = 0

  async function load() {
    const mine = ++sequence
    loading.value = true
    try {
      const r = await fetch(page.value, pageSize.value)
      if (mine === sequence) result.value = r
    } finally {
      if (mine === sequence) loading.value = false
    }
  }

  function setPage(p: number) {
    page.value = p
    void load()
  }

  function setPageSize(s: number) {
    pageSize.value = s
    page.value = 1
    void load()
  }

  /** Back to the first page, for a new filter or another member. */
  function reload() {
    page.value = 1
    void load()
  }

  return { result, page, pageSize, loading, load, setPage, setPageSize, reload }
}

export type PagedQuery<R extends PageOf<unknown>> = ReturnType<typeof usePagedQuery<R>>
