import { z } from 'zod'
import { validationError, type FieldIssue } from './errors'
import { FIELD_LABELS, UNKNOWN_FIELD_LABEL } from './rules/fieldLabels'
import { chineseIssueMessage } from './validationMessages'

// Messages a schema does not give itself, in staff's words (no English type names or keys).
z.config({ localeError: chineseIssueMessage })

/** A field's Chinese name; any key the dictionary does not know reads as 输入. */
export const labelOf = (field: string) => FIELD_LABELS[field] ?? UNKNOWN_FIELD_LABEL

/**
 * The name of the field an issue's path points at: known parents first, list rows as 第N项
 * ("礼品清单第 2 项·数量"). The last key must be known, otherwise the whole name is 输入.
 */
function labelOfPath(path: readonly PropertyKey[]): string {
  const last = [...path].reverse().find((p) => typeof p === 'string')
  if (typeof last !== 'string' || !(last in FIELD_LABELS)) return UNKNOWN_FIELD_LABEL
  const parts: string[] = []
  for (const p of path) {
    if (typeof p === 'number') {
      if (parts.length) parts[parts.length - 1] += `第 ${p + 1} 项`
    } else if (typeof p === 'string' && p in FIELD_LABELS) parts.push(FIELD_LABELS[p]!)
  }
  return parts.join('·')
}

/** Parses input or throws a validation AppError listing every problem in Chinese. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input)
  if (result.success) return result.data
  const issues: FieldIssue[] = result.error.issues.map((i) => ({
    field: i.path.map(String).join('.') || UNKNOWN_FIELD_LABEL,
    message: i.message,
  }))
  const message = result.error.issues
    .map((i) => (i.path.length === 0 ? i.message : `${labelOfPath(i.path)}：${i.message}`))
    .join('；')
  throw validationError(message || '输入无效', issues)
}

export { z }
