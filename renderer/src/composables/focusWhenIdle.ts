import { nextTick } from 'vue'

/**
 * Puts the caret in a dialog's first field once the dialog has finished opening — unless someone
 * is already typing in a field: a click into the second field during the opening animation must
 * not be undone, or the rest of what they type lands in the first one.
 */
export async function focusWhenIdle(
  field: { focus(): void; select?(): void } | null | undefined,
  select = false,
): Promise<void> {
  await nextTick()
  const active = document.activeElement as HTMLElement | null
  if (active && (active.tagName === 'INPUT' || active.tagName === 'TEXTAREA' || active.isContentEditable)) return
  field?.focus()
  if (select) field?.select?.()
}
