import { defineStore } from 'pinia'
import { computed, reactive, ref } from 'vue'
import type { ExportFormat } from '../../../server/contract/contract'
import type {
  CreateMemberInput,
  MemberDetail,
  MemberListItem,
  MemberListQuery,
  ReplaceCardInput,
  UpdateMemberInput,
} from '../../../db/services/members'
import { call } from '@/api/client'

export type SortKey = NonNullable<MemberListQuery['sort']>
export type MemberFilters = Pick<
  MemberListQuery,
  | 'tier'
  | 'status'
  | 'source'
  | 'gender'
  | 'province'
  | 'birthMonth'
  | 'smsConsent'
  | 'mailConsent'
  | 'joinFrom'
  | 'joinTo'
  | 'city'
  | 'district'
  | 'lastPurchaseFrom'
  | 'lastPurchaseTo'
  | 'spendMinFen'
  | 'spendMaxFen'
  | 'ageFrom'
  | 'ageTo'
  | 'department'
>
export type StatusAction = 'close' | 'reportLost' | 'reactivate'

/** Drops unset filters so the query (and the export of "what I see") carries only real ones. */
function compact<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(o).filter(([, v]) => v !== undefined && v !== null && v !== ''),
  ) as Partial<T>
}

/**
 * The member list as the database pages, sorts and filters it, plus the one member open in the
 * detail drawer. Everything goes through main; nothing is filtered in the page.
 */
export const useMembersStore = defineStore('members', () => {
  const filters = reactive<MemberFilters>({})
  const page = ref(1)
  const pageSize = ref(50)
  const sort = ref<SortKey>('cardNo')
  const order = ref<'asc' | 'desc'>('asc')
  const rows = ref<MemberListItem[]>([])
  const total = ref(0)
  const loading = ref(false)
  const loadedOnce = ref(false)
  let sequence = 0

  const activeFilters = computed(() => compact(filters))
  const hasFilters = computed(() => Object.keys(activeFilters.value).length > 0)
  const query = computed<MemberListQuery>(() => ({
    ...activeFilters.value,
    page: page.value,
    pageSize: pageSize.value,
    sort: sort.value,
    order: order.value,
  }))

  async function load() {
    // Typing in filters fires several loads; only the newest answer may land in the table.
    const mine = ++sequence
    loading.value = true
    try {
      const result = await call('members:list', query.value)
      if (mine !== sequence) return
      rows.value = result.rows
      total.value = result.total
      loadedOnce.value = true
    } finally {
      if (mine === sequence) loading.value = false
    }
  }

  function setFilter<K extends keyof MemberFilters>(key: K, value: MemberFilters[K] | null) {
    filters[key] = value ?? undefined
    page.value = 1
    return load()
  }

  function clearFilters() {
    for (const key of Object.keys(filters) as (keyof MemberFilters)[]) delete filters[key]
    page.value = 1
    return load()
  }

  /** Replaces every filter at once (a drill-down from the dashboard), then loads page 1. */
  function applyFilters(next: MemberFilters) {
    for (const key of Object.keys(filters) as (keyof MemberFilters)[]) delete filters[key]
    Object.assign(filters, compact(next))
    page.value = 1
    return load()
  }

  function setPage(p: number) {
    page.value = p
    return load()
  }

  function setPageSize(size: number) {
    pageSize.value = size
    page.value = 1
    return load()
  }

  function setSort(key: SortKey | null, dir: 'asc' | 'desc' = 'asc') {
    sort.value = key ?? 'cardNo'
    order.value = key ? dir : 'asc'
    page.value = 1
    return load()
  }

  const search = (text: string) => call('members:search', { query: text, limit: 12 })

  // ---- the member open in the drawer ----
  const detail = ref<MemberDetail | null>(null)
  const detailLoading = ref(false)

  async function open(id: number) {
    detailLoading.value = true
    try {
      detail.value = await call('members:get', { id })
    } finally {
      detailLoading.value = false
    }
  }

  function close() {
    detail.value = null
  }

  /**
   * Another desk changed members or points: re-read what is on screen (the open member, the
   * visible page) without the drawer's spinner. An edit form keeps what was typed: it filled
   * itself when it opened and saves against the version it opened with.
   */
  async function reread() {
    const id = detail.value?.id
    const [fresh] = await Promise.all([
      id === undefined ? undefined : call('members:get', { id }),
      loadedOnce.value ? load() : undefined,
    ])
    if (fresh && detail.value?.id === id) detail.value = fresh
  }

  /**
   * After a write (ours, or another desk's that a refused save revealed): the drawer and the
   * visible page both show the new state.
   */
  async function refreshAfterWrite(id: number) {
    await Promise.all([detail.value?.id === id ? open(id) : undefined, load()])
  }

  async function create(input: CreateMemberInput) {
    const created = await call('members:create', input)
    await load()
    return created
  }

  async function update(input: UpdateMemberInput) {
    const result = await call('members:update', input)
    await refreshAfterWrite(input.id)
    return result
  }

  async function changeStatus(action: StatusAction, id: number, reason: string) {
    const name =
      action === 'close' ? 'members:close' : action === 'reportLost' ? 'members:reportLost' : 'members:reactivate'
    const result = await call(name, { id, reason })
    await refreshAfterWrite(id)
    return result
  }

  async function replaceCard(input: ReplaceCardInput) {
    const result = await call('members:replaceCard', input)
    await refreshAfterWrite(input.id)
    return result
  }

  const reveal = (id: number, field: 'phone' | 'idNumber') => call('members:reveal', { id, field })

  /** Exports what the list currently shows (all pages of the current filter and sort). */
  function exportList(format: ExportFormat, full: boolean) {
    const { page: _p, pageSize: _s, ...filter } = query.value
    return call('members:export', { format, filter, full })
  }

  /** Logout: the next operator must not see the last one's list or open member. */
  function reset() {
    for (const key of Object.keys(filters) as (keyof MemberFilters)[]) delete filters[key]
    rows.value = []
    total.value = 0
    page.value = 1
    loadedOnce.value = false
    detail.value = null
  }

  return {
    reset,
    filters,
    page,
    pageSize,
    sort,
    order,
    rows,
    total,
    loading,
    loadedOnce,
    hasFilters,
    load,
    setFilter,
    clearFilters,
    applyFilters,
    setPage,
    setPageSize,
    setSort,
    search,
    detail,
    detailLoading,
    open,
    close,
    reread,
    refresh: refreshAfterWrite,
    create,
    update,
    changeStatus,
    replaceCard,
    reveal,
    exportList,
  }
})
