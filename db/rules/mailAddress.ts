import { divisions } from './divisions'

export interface AddressParts {
  province: string | null
  city: string | null
  district: string | null
  address: string | null
  postalCode: string | null
}

const filled = (s: string | null) => s !== null && s.trim() !== ''

/**
 * A card can go in the post when the address has a province, city, district and street and a
 * six-digit postal code. County-level cities directly under a province (济源市, 仙桃市…) have no
 * district below them, so there the district may be blank.
 */
export function isUsableAddress(a: AddressParts): boolean {
  if (!filled(a.province) || !filled(a.city) || !filled(a.address)) return false
  if (!a.postalCode || !/^\d{6}$/.test(a.postalCode)) return false
  if (filled(a.district)) return true
  return divisions().get(a.province!.trim())?.get(a.city!.trim())?.length === 0
}
