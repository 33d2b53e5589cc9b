import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { contract, type CallName, type SessionState } from '../../../server/contract/contract'
import type { Role } from '../../../db/rules/roles'
import { call } from '@/api/client'
import { setStoreZone } from '@/format/storeClock'

/** Who is logged in, and whether this is the very first start. Main holds the real session. */
export const useSessionStore = defineStore('session', () => {
  const state = ref<SessionState | null>(null)

  const loaded = computed(() => state.value !== null)
  const needsSetup = computed(() => state.value?.needsSetup ?? false)
  const operator = computed(() => state.value?.operator ?? null)
  const role = computed<Role | null>(() => operator.value?.role ?? null)
  const storeName = computed(() => state.value?.storeName ?? '')

  /** True when the logged-in operator has one of the roles (for buttons; main checks again). */
  const can = (roles: readonly Role[]) => role.value !== null && roles.includes(role.value)
  /** Whether the contract lets this operator make the call: buttons read the same table main enforces. */
  const canCall = (name: CallName) => {
    const access = contract[name].access
    return access === 'public' || can(access)
  }

  async function refresh() {
    state.value = await call('session:state', undefined)
    setStoreZone(state.value.timeZone)
  }

  async function setupAdmin(name: string, password: string) {
    const op = await call('session:setupAdmin', { name, password })
    await refresh()
    return op
  }

  async function login(name: string, password: string) {
    const op = await call('session:login', { name, password })
    await refresh()
    return op
  }

  async function logout() {
    try {
      await call('session:logout', undefined)
    } finally {
      forget()
    }
  }

  /** Main no longer knows us (restore, restart): drop the operator without asking main. */
  function forget() {
    if (state.value) state.value = { ...state.value, operator: null }
  }

  function setStoreName(name: string) {
    if (state.value) state.value = { ...state.value, storeName: name }
  }

  return {
    state,
    loaded,
    needsSetup,
    operator,
    role,
    storeName,
    can,
    canCall,
    refresh,
    setupAdmin,
    login,
    logout,
    forget,
    setStoreName,
  }
})
