import { ref } from 'vue'
import { reportError } from '@/api/feedback'
import { useImportPreview } from './preview'

export type ImportStep = 'preview' | 'running' | 'result'

/**
 * An import in a dialog: pick and preview (main reads the sheet), remap by hand, commit in one
 * transaction, show the result. Cancelling before the commit lets main drop the sheet it holds.
 */
export function useImportDialog<F extends string, P extends { token: string; mapping: (F | null)[] }, R>(
  api: {
    pick: () => Promise<P | null>
    remap: (token: string, mapping: (F | null)[]) => Promise<P>
    commit: (token: string, mapping: (F | null)[]) => Promise<R>
    cancel: (token: string) => Promise<unknown>
  },
  hooks: { beforePick?: () => void; beforeCommit?: () => void; committed?: (result: R) => void } = {},
) {
  const show = ref(false)
  const step = ref<ImportStep>('preview')
  const result = ref<R | null>(null)
  const { preview, mapping, picking, remapping, pick, remap } = useImportPreview<F, P>(api)

  async function start() {
    hooks.beforePick?.()
    try {
      if (!(await pick())) return
    } catch (e) {
      reportError(e)
      return
    }
    result.value = null
    step.value = 'preview'
    show.value = true
  }

  async function commit() {
    if (!preview.value) return
    step.value = 'running'
    hooks.beforeCommit?.()
    try {
      const done = await api.commit(preview.value.token, mapping.value)
      result.value = done
      step.value = 'result'
      hooks.committed?.(done)
    } catch (e) {
      step.value = 'preview'
      reportError(e)
    }
  }

  async function cancel() {
    const token = preview.value?.token
    show.value = false
    preview.value = null
    if (token) await api.cancel(token).catch(() => undefined)
  }

  function close() {
    show.value = false
    preview.value = null
  }

  /** Esc or ✕: cancel before the import, close after it, ignore while it runs. */
  function onShowChange(v: boolean) {
    if (v || step.value === 'running') return
    if (step.value === 'result') close()
    else void cancel()
  }

  return { show, step, result, preview, mapping, picking, remapping, remap, start, commit, cancel, close, onShowChange }
}
