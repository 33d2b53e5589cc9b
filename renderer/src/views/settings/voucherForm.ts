import type { VoucherKind, VoucherRules } from '../../../../db/rules/vouchers'

/**
 * 设置 → 券 as the form holds it: money in 元 (what the planner types), validity as a choice of
 * days or a date. `toRules` turns it back into fen for the settings call.
 */
export interface KindRow {
  name: string
  valueYuan: number | null
  validity: 'days' | 'until'
  validDays: number | null
  validUntil: string | null
  minSpendYuan: number | null
  departments: string[]
  earnsPoints: boolean
  active: boolean
  /** Saved before: it may have vouchers, so it can be switched off but not removed */
  saved: boolean
}

export interface VoucherForm {
  kinds: KindRow[]
  yearly: { from: string; to: string; kind: string; table: { points: number | null; valueYuan: number | null }[] }
  birthday: { enabled: boolean; kind: string; valueYuan: number | null; minTier: string }
  referralPoints: number | null
  campaignReturnDays: number | null
}

const yuan = (fen: number) => fen / 100
const fen = (yuan: number | null) => Math.round((yuan ?? 0) * 100)

export const kindRow = (k: VoucherKind, saved = true): KindRow => ({
  name: k.name,
  valueYuan: yuan(k.valueFen),
  validity: k.validDays === null ? 'until' : 'days',
  validDays: k.validDays,
  validUntil: k.validUntil,
  minSpendYuan: yuan(k.minSpendFen),
  departments: [...k.departments],
  earnsPoints: k.earnsPoints,
  active: k.active,
  saved,
})

export const newKindRow = (): KindRow => ({
  name: '',
  valueYuan: 20,
  validity: 'days',
  validDays: 30,
  validUntil: null,
  minSpendYuan: 0,
  departments: [],
  earnsPoints: false,
  active: true,
  saved: false,
})

export function toForm(r: VoucherRules): VoucherForm {
  return {
    kinds: r.kinds.map((k) => kindRow(k)),
    yearly: { ...r.yearly, table: r.yearly.table.map((t) => ({ points: t.points, valueYuan: yuan(t.valueFen) })) },
    birthday: { ...r.birthday, valueYuan: yuan(r.birthday.valueFen) },
    referralPoints: r.referralPoints,
    campaignReturnDays: r.campaignReturnDays,
  }
}

export function toRules(f: VoucherForm): VoucherRules {
  return {
    kinds: f.kinds.map((k) => ({
      name: k.name.trim(),
      valueFen: fen(k.valueYuan),
      validDays: k.validity === 'days' ? (k.validDays ?? 0) : null,
      validUntil: k.validity === 'until' ? k.validUntil : null,
      minSpendFen: fen(k.minSpendYuan),
      departments: k.departments,
      earnsPoints: k.earnsPoints,
      active: k.active,
    })),
    yearly: {
      from: f.yearly.from.trim(),
      to: f.yearly.to.trim(),
      kind: f.yearly.kind,
      table: f.yearly.table.map((t) => ({ points: t.points ?? 0, valueFen: fen(t.valueYuan) })),
    },
    birthday: {
      enabled: f.birthday.enabled,
      kind: f.birthday.kind,
      valueFen: fen(f.birthday.valueYuan),
      minTier: f.birthday.minTier,
    },
    referralPoints: f.referralPoints ?? 0,
    campaignReturnDays: f.campaignReturnDays ?? 0,
  }
}

/** A service's field 'vouchers.kinds.0.valueFen' → the form's place: row 0, the 面值 column. */
export function placeOf(field: string): { row: number | null; part: string } {
  const m = /^vouchers\.(kinds|yearly\.table)\.(\d+)\.(\w+)/.exec(field)
  if (m) return { row: Number(m[2]), part: `${m[1]}.${m[3]}` }
  return { row: null, part: field.replace(/^vouchers\.?/, '') || 'rules' }
}
