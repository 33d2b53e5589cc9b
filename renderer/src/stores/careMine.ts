import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { InputOf, OutputOf } from '../../../server/contract/contract'
import { call } from '@/api/client'
import { useSessionStore } from './session'

export type MyVip = OutputOf<'care:myVips'>['rows'][number]
export type ContactRecord = OutputOf<'care:logContact'>
export type MaintainerChoice = OutputOf<'care:maintainerChoices'>[number]

/**
 * 我的VIP: the logged-in operator's staff record and their VIPs; planners look at any
 * maintainer's. `revision` moves on every logged contact so open histories reload.
 */
export const useCareMineStore = defineStore('careMine', () => {
  const me = ref<OutputOf<'care:me'>>(null)
  const result = ref<OutputOf<'care:myVips'> | null>(null)
  const choices = ref<MaintainerChoice[]>([])
  /** The maintainer a planner is looking at; undefined: their own record */
  const staffId = ref<number | undefined>(undefined)
  const loading = ref(false)
  const revision = ref(0)
  /** Whose view this is: another operator logging in on this window starts from their own record */
  let forOperator: number | null = null

  async function load() {
    loading.value = true
    try {
      const session = useSessionStore()
      const operatorId = session.operator?.id ?? null
      if (operatorId !== forOperator) reset()
      forOperator = operatorId
      me.value = await call('care:me', undefined)
      if (session.canCall('care:maintainerChoices')) {
        choices.value = await call('care:maintainerChoices', undefined)
        if (staffId.value === undefined && !me.value) staffId.value = choices.value[0]?.id
      }
      result.value = await call('care:myVips', staffId.value === undefined ? {} : { staffId: staffId.value })
    } finally {
      loading.value = false
    }
  }

  async function pick(id: number) {
    staffId.value = id
    await load()
  }

  async function logContact(input: InputOf<'care:logContact'>) {
    const done = await call('care:logContact', input)
    revision.value++
    await load()
    return done
  }

  const memberLog = (memberId: number) => call('care:memberContacts', { memberId })
  const revealPhone = (memberId: number) => call('care:revealPhone', { memberId })

  function reset() {
    me.value = null
    result.value = null
    choices.value = []
    staffId.value = undefined
  }

  return { me, result, choices, staffId, loading, revision, load, pick, logContact, memberLog, revealPhone }
})
