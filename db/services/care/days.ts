import { parseIsoDay, ymdToInt } from '../../rules/dates'
import { z } from '../../validate'
export { showDay } from '../tiers/validity'

/** A YYYY-MM-DD field that must be a real date; `label` names it in the message. */
export const dayInput = (label: string) =>
  z
    .string()
    .trim()
    .refine((s) => parseIsoDay(s) !== null, `${label}应为 YYYY-MM-DD 格式的有效日期`)

/** A checked 'YYYY-MM-DD' → yyyymmdd. */
export const toDay = (text: string): number => ymdToInt(parseIsoDay(text)!)
