/** The zones a Chinese store is likely in first, with Chinese names; then every zone the runtime knows. */
const COMMON: [string, string][] = [
  ['Asia/Shanghai', '北京时间（Asia/Shanghai）'],
  ['Asia/Hong_Kong', '香港（Asia/Hong_Kong）'],
  ['Asia/Macau', '澳门（Asia/Macau）'],
  ['Asia/Taipei', '台北（Asia/Taipei）'],
  ['Asia/Urumqi', '乌鲁木齐（Asia/Urumqi）'],
  ['Asia/Singapore', '新加坡（Asia/Singapore）'],
  ['Asia/Kuala_Lumpur', '吉隆坡（Asia/Kuala_Lumpur）'],
  ['Asia/Tokyo', '东京（Asia/Tokyo）'],
]

export function timeZoneOptions(current: string): { label: string; value: string }[] {
  const known = new Set(COMMON.map(([z]) => z))
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : []
  const rest = [...all, current].filter((z) => z && !known.has(z) && (known.add(z), true))
  return [...COMMON.map(([value, label]) => ({ value, label })), ...rest.map((z) => ({ value: z, label: z }))]
}
