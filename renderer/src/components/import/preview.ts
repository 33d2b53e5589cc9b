import { ref, shallowRef } from 'vue'

/**
 * The pick → preview → remap part of an import, for any importer whose preview carries its token
 * and mapping: the file is picked and read in main, each change of a column's field asks main
 * for a fresh preview. Errors propagate to the caller (and from there to the app's handler).
 */
export function useImportPreview<F extends string, P extends { token: string; mapping: (F | null)[] }>(api: {
  pick: () => Promise<P | null>
  remap: (token: string, mapping: (F | null)[]) => Promise<P>
}) {
  const preview = shallowRef<P | null>(null)
  const mapping = shallowRef<(F | null)[]>([])
  const picking = ref(false)
  const remapping = ref(false)

  /** True when a file was picked and its preview is on hand. */
  async function pick(): Promise<boolean> {
    picking.value = true
    try {
      const picked = await api.pick()
      if (!picked) return false
      preview.value = picked
      mapping.value = [...picked.mapping]
      return true
    } finally {
      picking.value = false
    }
  }

  async function remap(index: number, field: F | null) {
    if (!preview.value) return
    const next = [...mapping.value]
    next[index] = field
    mapping.value = next
    remapping.value = true
    try {
      preview.value = await api.remap(preview.value.token, next)
    } finally {
      remapping.value = false
    }
  }

  return { preview, mapping, picking, remapping, pick, remap }
}
