import { computed, ref } from 'vue'
import { useSessionStore } from '@/stores/session'

export type Density = 'compact' | 'standard'
export const DENSITY_LABELS: Record<Density, string> = { compact: '紧凑', standard: '标准' }

/**
 * How tightly the long lists are set: 紧凑 (about 25 member rows at 1280×800, the default) or 标准.
 * A per-PC preference of each operator, kept in this desk's localStorage under the operator's name
 * (no database setting: it follows the person at this desk, not the store).
 */
const keyOf = (operator: string) => `vipdesk.density.${operator}`
const chosen = ref<Record<string, Density>>({})

function stored(operator: string): Density {
  if (!(operator in chosen.value)) {
    let saved: string | null = null
    try {
      saved = localStorage.getItem(keyOf(operator))
    } catch {
      // Storage refused (private mode): the default for this session.
    }
    chosen.value[operator] = saved === 'standard' ? 'standard' : 'compact'
  }
  return chosen.value[operator]!
}

export function useDensity() {
  const session = useSessionStore()
  const operator = computed(() => session.operator?.name ?? '')
  const density = computed<Density>({
    get: () => stored(operator.value),
    set: (next) => {
      chosen.value[operator.value] = next
      try {
        localStorage.setItem(keyOf(operator.value), next)
      } catch {
        // Not remembered on this PC; the choice still holds until the app closes.
      }
    },
  })
  return { density, compact: computed(() => density.value === 'compact') }
}
