import type { z } from 'zod'

/**
 * zod's own wording for problems a schema gives no message of its own. Its zh-CN locale names
 * types and lists option values in English ("期望 string"、"\"admin\"|\"clerk\"") and shows
 * unknown keys; staff read these, so each says what is wrong in plain Chinese instead.
 */
type Issue = z.core.$ZodRawIssue

const TYPE_WORDS: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  bigint: '整数',
  boolean: '是或否',
  array: '列表',
  date: '日期',
}

const num = (n: unknown) => (typeof n === 'number' || typeof n === 'bigint' ? n.toLocaleString('en-US') : String(n))

function tooBig(i: Extract<Issue, { code: 'too_big' }>): string {
  if (i.origin === 'string') return `最多 ${num(i.maximum)} 个字`
  if (i.origin === 'array' || i.origin === 'set') return `最多 ${num(i.maximum)} 项`
  return i.inclusive ? `不能大于 ${num(i.maximum)}` : `应小于 ${num(i.maximum)}`
}

function tooSmall(i: Extract<Issue, { code: 'too_small' }>): string {
  if (i.origin === 'string') return Number(i.minimum) <= 1 ? '不能为空' : `至少 ${num(i.minimum)} 个字`
  if (i.origin === 'array' || i.origin === 'set') return `至少 ${num(i.minimum)} 项`
  return i.inclusive ? `不能小于 ${num(i.minimum)}` : `应大于 ${num(i.minimum)}`
}

export function chineseIssueMessage(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return '请填写'
      return TYPE_WORDS[issue.expected] ? `应为${TYPE_WORDS[issue.expected]}` : '格式不对'
    case 'invalid_value':
      return '不是可选的值'
    case 'too_big':
      return tooBig(issue)
    case 'too_small':
      return tooSmall(issue)
    case 'invalid_format':
      return '格式不对'
    case 'not_multiple_of':
      return `应为 ${num(issue.divisor)} 的倍数`
    case 'unrecognized_keys':
      return '含有无法识别的内容'
    default:
      return '内容无效'
  }
}
