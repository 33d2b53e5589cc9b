import { computed, onBeforeUnmount, ref } from 'vue'
import type { Events } from '../../../../server/contract/contract'
import { onProgress } from '@/api/client'

const PHASES: Record<string, string> = { read: '读取表格', check: '检查数据', write: '写入数据库' }
const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1)

/**
 * Progress events from main while a sheet is read or imported, as a percentage and a Chinese line
 * (检查数据：12,000 / 50,000 行). Events are only taken while `active()` says a task of ours runs.
 */
export function useImportProgress(active: () => boolean) {
  const progress = ref<Events['progress'] | null>(null)
  const stop = onProgress((p) => {
    if (active()) progress.value = p
  })
  onBeforeUnmount(stop)

  const percent = computed(() => {
    const p = progress.value
    return p && p.total > 0 ? Math.min(100, Math.round((p.done / p.total) * 100)) : 0
  })
  const phaseText = computed(() => {
    const p = progress.value
    if (!p) return '准备中…'
    // An upload (a desk of the store server sending its file) counts bytes, not rows.
    if (p.phase === 'upload') return `上传文件：${megabytes(p.done)} / ${megabytes(p.total)} MB`
    return `${PHASES[p.phase] ?? p.task}：${p.done.toLocaleString('zh-CN')} / ${p.total.toLocaleString('zh-CN')} 行`
  })
  const reset = () => (progress.value = null)
  return { progress, percent, phaseText, reset }
}

/** How many sheet rows have at least one problem (an issue is one bad cell). */
export const rowsWithProblems = (issues: { row: number }[]) => new Set(issues.map((i) => i.row)).size
