import { defineStore } from 'pinia'
import { computed, shallowRef } from 'vue'
import type { DepartmentRow } from '../../../db/services/departments'
import { call } from '@/api/client'

/**
 * The one list of 课别 and 专柜 (设置 → 课别与专柜): loaded once and after each change, read by the
 * desk's selects, the staff register, 全店销售 and the till import wizard.
 */
export const useDepartmentsStore = defineStore('departments', () => {
  const list = shallowRef<DepartmentRow[]>([])
  let loaded: Promise<DepartmentRow[]> | null = null

  async function load(force = false): Promise<DepartmentRow[]> {
    if (!loaded || force) {
      loaded = call('departments:list', undefined).then((rows) => (list.value = rows))
      loaded.catch(() => (loaded = null))
    }
    return loaded
  }

  const active = computed(() => list.value.filter((d) => d.active))
  /** Options for a filterable select of the active departments. */
  const options = computed(() => active.value.map((d) => ({ label: d.name, value: d.name })))
  /** The active counters of one department, as select options. */
  const counterOptions = (department: string | null) =>
    (list.value.find((d) => d.name === department)?.counters ?? [])
      .filter((c) => c.active)
      .map((c) => ({ label: c.name, value: c.name }))

  /** Runs a change and keeps the list as the database now has it. */
  async function change<T>(work: () => Promise<T>): Promise<T> {
    const out = await work()
    await load(true)
    return out
  }

  return { list, active, options, counterOptions, load, change }
})
