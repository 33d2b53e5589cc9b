import type { CascaderOption } from 'naive-ui'
import { divisionOptions, divisions } from '../../../../db/rules/divisions'
import { SOURCES, STATUS_LABELS, type MemberStatus } from '../../../../db/rules/members'
import type { QuickHit } from '../../../../db/services/members'

/** Tag colours for a member's status: only "正常" is calm, everything else asks for attention. */
export const STATUS_TAG: Record<MemberStatus, 'success' | 'warning' | 'error' | 'default' | 'info'> = {
  active: 'success',
  lost: 'warning',
  replaced: 'info',
  expired: 'default',
  closed: 'error',
}
export const statusLabel = (s: MemberStatus) => STATUS_LABELS[s]

export const statusOptions = Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label }))
export const sourceOptions = SOURCES.map((s) => ({ value: s, label: s }))
export const genderOptions = [
  { value: '男', label: '男' },
  { value: '女', label: '女' },
]
// Labels say what they filter, because a chosen value replaces the select's placeholder.
export const monthOptions = Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: `${i + 1}月生日` }))
export const consentOptions = (channel: string) => [
  { value: 'yes', label: `${channel}：同意` },
  { value: 'no', label: `${channel}：不同意` },
]

/** How a quick-search hit matched, so the desk sees why an unexpected name came up. */
export function matchLabel(hit: QuickHit): string {
  switch (hit.matchedBy) {
    case 'oldCard':
      return `旧卡号 ${hit.matchedCardNo ?? ''}`
    case 'card':
      return '卡号'
    case 'phone':
      return '手机号'
    case 'phoneLast4':
      return '手机尾号'
    case 'name':
      return '姓名'
  }
}

/**
 * The districts of one province for the list's 区县 filter, grouped by city (the same district
 * name occurs in several cities: 南京市 and 徐州市 both have a 鼓楼区), valued "城市/区县".
 */
export function districtOptions(province: string | undefined) {
  const cities = province ? divisions().get(province) : undefined
  if (!cities) return []
  return [...cities].flatMap(([city, districts]) =>
    districts.length
      ? [
          {
            type: 'group' as const,
            label: city,
            key: city,
            children: districts.map((d) => ({ label: d, value: `${city}/${d}` })),
          },
        ]
      : [],
  )
}

// The division list is large; build the cascader tree once, when a screen first needs it.
let regions: CascaderOption[] | undefined
export function regionOptions(): CascaderOption[] {
  regions ??= divisionOptions() as unknown as CascaderOption[]
  return regions
}
export const provinceOptions = () => regionOptions().map((p) => ({ value: String(p.value), label: String(p.label) }))

/** 省/市/区 joined for reading; municipalities repeat themselves (北京市 北京市), so drop the echo. */
export function regionText(province: string | null, city: string | null, district: string | null): string {
  const parts = [province, city !== province ? city : null, district].filter(Boolean)
  return parts.join(' ')
}
