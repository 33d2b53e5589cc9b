import type { Actor } from '../actor'
import { validationError } from '../errors'
import type { Db } from '../handle'
import { normalizePostalCode } from '../rules/postal'
import { squash } from '../rules/text'
import { getSettings, updateSettings } from './settings'

/**
 * The store as its printed mail names it (寄件人): name, address, postal code and phone. The same
 * settings as 设置 → 门店, checked as the sender block needs them: a postal code of six digits and a
 * phone a person can dial. Written through updateSettings, so the change is audited.
 */

export interface StoreDetails {
  name: string
  address: string
  postcode: string
  phone: string
}

export function getStoreDetails(db: Db): StoreDetails {
  const s = getSettings(db)
  return { name: s.storeName, address: s.storeAddress, postcode: s.storePostalCode, phone: s.storePhone }
}

const PHONE = /^[0-9+()（）\- ]{5,20}$/

/** Checks and saves the given fields; the others keep their values. */
export function updateStoreDetails(db: Db, input: Partial<StoreDetails>, actor: Actor): StoreDetails {
  const patch: Parameters<typeof updateSettings>[1] = {}
  if (input.name !== undefined) {
    const name = squash(input.name).trim()
    if (!name) throw validationError('门店名称不能为空')
    if ([...name].length > 40) throw validationError('门店名称最多 40 个字')
    patch.storeName = name
  }
  if (input.address !== undefined) {
    const address = squash(input.address).trim()
    if ([...address].length > 100) throw validationError('门店地址最多 100 个字')
    patch.storeAddress = address
  }
  if (input.postcode !== undefined) {
    const raw = input.postcode.trim()
    const code = normalizePostalCode(raw)
    if (raw && !code) throw validationError(`邮政编码应为 6 位数字，收到"${raw}"`)
    patch.storePostalCode = code ?? ''
  }
  if (input.phone !== undefined) {
    const phone = squash(input.phone).trim()
    if (phone && !PHONE.test(phone))
      throw validationError(`门店电话只能含数字、空格、"-"、"+"和括号（5–20 个字符），收到"${input.phone}"`)
    patch.storePhone = phone
  }
  if (Object.keys(patch).length) updateSettings(db, patch, actor)
  return getStoreDetails(db)
}
