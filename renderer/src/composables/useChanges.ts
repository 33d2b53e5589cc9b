import { onUnmounted } from 'vue'
import type { ChangeTopic } from '../../../server/contract/changes'
import { onChanged } from '@/api/client'

/**
 * Refreshes what a screen shows when another desk changes it (a redemption elsewhere takes the
 * last unit; a purchase elsewhere moves a member's points). A burst of changes refreshes once.
 */
export function useChanges(topics: readonly ChangeTopic[], refresh: () => unknown, delayMs = 300): void {
  let timer: ReturnType<typeof setTimeout> | undefined
  const off = onChanged((change) => {
    if (!change.topics.some((t) => topics.includes(t))) return
    clearTimeout(timer)
    timer = setTimeout(() => void refresh(), delayMs)
  })
  onUnmounted(() => {
    clearTimeout(timer)
    off()
  })
}
