import type { GiftCategory } from '../../../../../db/rules/gifts'
import type { CreateGiftInput } from '../../../../../db/services/gifts'
import { fenToYuan, yuanToFen } from '@/format/money'
import type { Gift } from '@/stores/gifts'

/**
 * What the gift form edits: money in 元 as typed, the availability window as the date picker's
 * 'yyyyMMdd' strings (the service keeps yyyymmdd numbers), an empty tier meaning every tier.
 */
export interface GiftFormModel {
  code: string
  name: string
  category: GiftCategory
  unitCost: number | null
  pointsPrice: number | null
  reorderLevel: number | null
  window: [string, string] | null
  maxBalance: number | null
  minTier: string | null
  active: boolean
  photo: string | null
}

export const emptyGiftModel = (): GiftFormModel => ({
  code: '',
  name: '',
  category: 'redemption',
  unitCost: 0,
  pointsPrice: null,
  reorderLevel: 0,
  window: null,
  maxBalance: null,
  minTier: null,
  active: true,
  photo: null,
})

export function giftModelOf(g: Gift): GiftFormModel {
  return {
    code: g.code,
    name: g.name,
    category: g.category,
    unitCost: fenToYuan(g.unitCostFen),
    pointsPrice: g.pointsPrice,
    reorderLevel: g.reorderLevel,
    window:
      g.availableFrom != null && g.availableUntil != null ? [String(g.availableFrom), String(g.availableUntil)] : null,
    maxBalance: g.maxBalance,
    minTier: g.minTier,
    active: g.active,
    photo: g.photo,
  }
}

/** The service's input; the same shape serves create and update (update ignores nothing it gets). */
export function giftInputOf(m: GiftFormModel): CreateGiftInput {
  return {
    code: m.code.trim(),
    name: m.name,
    category: m.category,
    unitCostFen: yuanToFen(m.unitCost ?? 0),
    pointsPrice: m.pointsPrice,
    reorderLevel: m.reorderLevel ?? 0,
    availableFrom: m.window ? Number(m.window[0]) : null,
    availableUntil: m.window ? Number(m.window[1]) : null,
    maxBalance: m.maxBalance,
    minTier: m.minTier || null,
    active: m.active,
    photo: m.photo,
  }
}

/** Service field names to the form's: both window ends land on the one date range. */
export const giftFieldOf = (field: string) =>
  ({ unitCostFen: 'unitCost', availableFrom: 'window', availableUntil: 'window' })[field] ?? field
