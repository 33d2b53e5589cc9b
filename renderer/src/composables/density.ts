import { computed } from 'vue'
import { useOperatorPref } from './operatorPref'

export type Density = 'compact' | 'standard'
export const DENSITY_LABELS: Record<Density, string> = { compact: '紧凑', standard: '标准' }

/**
 * How tightly the long lists are set: 紧凑 (about 25 member rows at 1280×800, the default) or 标准,
 * remembered per operator on this PC (`vipdesk.density.<operator>`).
 */
export function useDensity() {
  const density = useOperatorPref<Density>('density', ['compact', 'standard'], 'compact')
  return { density, compact: computed(() => density.value === 'compact') }
}
