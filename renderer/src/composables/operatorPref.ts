import { computed, ref, type WritableComputedRef } from 'vue'
import { useSessionStore } from '@/stores/session'

/**
 * A per-PC preference of each operator (list density, whether 更多筛选 is open), kept in this
 * desk's localStorage under the operator's name: it follows the person at this desk, not the
 * store, so it is no database setting.
 */
const chosen = ref<Record<string, string>>({})

function stored<T extends string>(key: string, allowed: readonly T[], fallback: T): T {
  if (!(key in chosen.value)) {
    let saved: string | null = null
    try {
      saved = localStorage.getItem(key)
    } catch {
      // Storage refused (private mode): the default for this session.
    }
    chosen.value[key] = allowed.includes(saved as T) ? saved! : fallback
  }
  return chosen.value[key] as T
}

/** `vipdesk.<name>.<operator>`: one of `allowed`, `fallback` until the operator picks another. */
export function useOperatorPref<T extends string>(
  name: string,
  allowed: readonly T[],
  fallback: T,
): WritableComputedRef<T> {
  const session = useSessionStore()
  const key = computed(() => `vipdesk.${name}.${session.operator?.name ?? ''}`)
  return computed<T>({
    get: () => stored(key.value, allowed, fallback),
    set: (next) => {
      chosen.value[key.value] = next
      try {
        localStorage.setItem(key.value, next)
      } catch {
        // Not remembered on this PC; the choice still holds until the app closes.
      }
    },
  })
}
