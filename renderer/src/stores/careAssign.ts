import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { InputOf, OutputOf } from '../../../server/contract/contract'
import { call } from '@/api/client'

export type StaffRow = OutputOf<'care:staffList'>[number]
export type HighValueRow = OutputOf<'care:highValue'>['rows'][number]
export type Proposal = OutputOf<'care:autoPropose'>

/**
 * The planners' side of 高端VIP维护: the staff register and the high-value list. Every change
 * reloads both, since an assignment moves a VIP count and a leaver changes the list's flags.
 */
export const useCareAssignStore = defineStore('careAssign', () => {
  const staff = ref<StaffRow[]>([])
  const list = ref<HighValueRow[]>([])
  const measure = ref<OutputOf<'care:highValue'>['measure']>('spend')
  const loaded = ref({ staff: false, list: false })

  async function loadStaff() {
    staff.value = await call('care:staffList', undefined)
    loaded.value.staff = true
  }

  async function loadList() {
    const r = await call('care:highValue', undefined)
    list.value = r.rows
    measure.value = r.measure
    loaded.value.list = true
  }

  const reload = () => Promise.all([loadStaff(), loaded.value.list ? loadList() : Promise.resolve()])

  async function write<T>(run: Promise<T>): Promise<T> {
    const out = await run
    await reload()
    return out
  }

  return {
    staff,
    list,
    measure,
    loaded,
    loadStaff,
    loadList,
    addStaff: (input: InputOf<'care:staffAdd'>) => write(call('care:staffAdd', input)),
    updateStaff: (input: InputOf<'care:staffUpdate'>) => write(call('care:staffUpdate', input)),
    leave: (input: InputOf<'care:staffLeave'>) => write(call('care:staffLeave', input)),
    rejoin: (id: number) => write(call('care:staffRejoin', { id })),
    assign: (input: InputOf<'care:assign'>) => write(call('care:assign', input)),
    move: (input: InputOf<'care:move'>) => write(call('care:move', input)),
    release: (input: InputOf<'care:release'>) => write(call('care:release', input)),
    handOver: (input: InputOf<'care:handOver'>) => write(call('care:handOver', input)),
    history: (input: InputOf<'care:history'>) => call('care:history', input),
    propose: (rebalance: boolean) => call('care:autoPropose', { rebalance }),
    apply: (input: InputOf<'care:autoApply'>) => write(call('care:autoApply', input)),
    operatorChoices: () => call('care:operatorChoices', undefined),
  }
})
