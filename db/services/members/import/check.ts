import type { Db } from '../../../handle'
import { checkDivision, splitAddress } from '../../../rules/divisions'
import { openingPointsProblem } from '../../../rules/limits'
import { CARD_NO, SOURCES } from '../../../rules/members'
import { toHalfWidth } from '../../../rules/text'
import { tierNames } from '../../../rules/tiers'
import { getSettings, type Settings } from '../../settings'
import {
  EMPTY_MEMBER_FIELDS,
  crossCheckMember,
  memberFieldsSchema,
  normalizeCardNo,
  resolveMemberFields,
  type MemberColumns,
} from '../fields'
import { columnsOf, memberIdByCard, memberRowById, type MemberRowRaw } from '../rows'
import { todayInt } from '../write'
import { cellText, isMangledNumber, matchTier, parseGender, parseLunarFlag, parseSource, parseYesNo } from './cells'
import { columnName, type ColumnPlan } from './columns'
import type { SheetData } from './read'
import { checkReferrers } from './referrers'
import type { ImportField, ImportIssue } from './types'

/** A row that passed every check, with the column values it will write. */
export interface PlannedRow {
  row: number
  cardNo: string
  /** The member to update; absent for a new member. */
  before?: MemberRowRaw
  /** Complete for a new member; for an update only what the row's non-empty cells change. */
  values: Partial<MemberColumns>
  referrerCardNo?: string
  /** The old system's balance, posted once as an 'opening' ledger entry (see commit.ts) */
  openingPoints?: number
}

export interface CheckOutcome {
  planned: PlannedRow[]
  /** One entry per bad cell, in sheet order. */
  rejected: ImportIssue[]
  rejectedRows: number
  willInsert: number
  willUpdate: number
}

type FieldsInput = Parameters<typeof resolveMemberFields>[0]
type SheetRow = SheetData['rows'][number]

const rowSchema = memberFieldsSchema.partial()
const MASKED = /\*{2,}/

/**
 * A points cell: a whole number ≥ 0, written plainly or with thousands separators (1,200).
 * Undefined when blank, null when it is not such a number.
 */
function parseOpeningPoints(raw: unknown, text: string): number | undefined | null {
  if (!text) return undefined
  if (typeof raw === 'number') return Number.isSafeInteger(raw) && raw >= 0 ? raw : null
  const t = toHalfWidth(text).replace(/^(\d{1,3}(,\d{3})+)$/, (m) => m.replace(/,/g, ''))
  return /^\d{1,15}$/.test(t) ? Number(t) : null
}

/**
 * Validates import rows one at a time (so the caller may pause between rows to report
 * progress), using the same field rules as the member form. Nothing is written here.
 */
export class ImportChecker {
  private readonly settings: Settings
  private readonly tiers: string[]
  private readonly today: number
  private readonly planned: PlannedRow[] = []
  private readonly rejected: ImportIssue[] = []
  private rejectedRows = 0
  /** First row of each card number, and of each member (an old card finds the same member). */
  private readonly cardRow = new Map<string, number>()
  private readonly memberRow = new Map<number, number>()

  constructor(
    private readonly db: Db,
    private readonly plan: ColumnPlan,
  ) {
    this.settings = getSettings(db)
    this.tiers = tierNames(this.settings)
    this.today = todayInt(db)
  }

  checkRow(r: SheetRow): void {
    const { plan } = this
    const issues: ImportIssue[] = []
    const bad = (field: string, reason: string) => issues.push({ row: r.row, column: columnName(plan, field), reason })
    const raw = (f: ImportField) => (plan.col[f] === undefined ? undefined : r.cells[plan.col[f]!])
    const text = (f: ImportField) => cellText(raw(f))

    const card = normalizeCardNo(text('cardNo'))
    const memberId = CARD_NO.test(card) ? memberIdByCard(this.db, card) : undefined
    const before = memberId === undefined ? undefined : memberRowById(this.db, memberId)
    // A new member gets every column (defaults where the sheet is silent); an update only
    // the cells that say something, so a blank cell never wipes what is on file.
    const input: FieldsInput = before
      ? { cardNo: card }
      : {
          ...EMPTY_MEMBER_FIELDS,
          cardNo: card,
          name: '',
          tier: this.tiers[0],
          joinDate: String(this.today),
          source: '其他',
        }

    const name = text('name')
    if (name) input.name = name
    const gender = text('gender')
    if (gender) {
      const g = parseGender(gender)
      if (g) input.gender = g
      else bad('gender', '性别只能是男或女（也可写M/F、先生/女士）')
    }
    const phone = text('phone')
    if (phone) {
      if (MASKED.test(phone)) bad('phone', '手机号已打码（含*），请使用完整号码或留空')
      else input.phone = phone
    }
    this.birthday(text, bad, input)
    const id = text('idNumber')
    if (id) {
      if (MASKED.test(id)) bad('idNumber', '身份证号已打码（含*），请使用完整号码或留空')
      else if (isMangledNumber(raw('idNumber')))
        bad('idNumber', '身份证号被Excel存成了数字，后几位已丢失；请把该列设为文本后重新填写')
      else input.idNumber = id
    }
    this.address(text, input, before)
    const postal = text('postalCode')
    // Codes beginning with 0 (内蒙古, 山西, 河北) lose that 0 when Excel stores them as numbers.
    if (postal) input.postalCode = typeof raw('postalCode') === 'number' && postal.length === 5 ? `0${postal}` : postal
    const tier = text('tier')
    if (tier) input.tier = matchTier(tier, this.tiers) ?? tier
    const joined = text('joinDate')
    if (joined) input.joinDate = joined
    const source = text('source')
    if (source) {
      const s = parseSource(source)
      if (s) input.source = s
      else bad('source', `开卡方式只能是：${SOURCES.join('、')}`)
    }
    for (const f of ['smsConsent', 'mailConsent'] as const) {
      const t = text(f)
      if (!t) continue
      const v = parseYesNo(t)
      if (v === undefined) bad(f, `${f === 'smsConsent' ? '短信同意' : '邮寄同意'}只能填是或否`)
      else input[f] = v
    }
    const notes = text('notes')
    if (notes) input.notes = notes
    const referrer = normalizeCardNo(text('referrerCardNo'))
    const opening = parseOpeningPoints(raw('openingPoints'), text('openingPoints'))
    if (opening === null) bad('openingPoints', '期初积分必须是不小于 0 的整数')
    else if (opening !== undefined) {
      const tooMany = openingPointsProblem(this.settings.limits, opening)
      if (tooMany) bad('openingPoints', tooMany)
    }

    // Lengths and shapes first (the form's schema), then the field rules on what passed.
    const parsed = rowSchema.safeParse(input)
    if (!parsed.success) {
      for (const i of parsed.error.issues) {
        const field = String(i.path[0] ?? 'cardNo')
        bad(field, i.message)
        delete input[field as keyof FieldsInput]
      }
    }
    const { values, issues: fieldIssues } = resolveMemberFields(input, this.settings)
    for (const i of fieldIssues) bad(i.field, i.message)
    const merged = before ? { ...columnsOf(before), ...values } : values
    // Named as the file's header spells the field's column (出生日期, not 生日), else by its label.
    for (const i of crossCheckMember(merged, this.today)) bad(i.field, i.message)
    if (values.cardNo) this.duplicates(r.row, values.cardNo, memberId, bad)

    if (issues.length) {
      // Left to right as in the sheet; problems not tied to one column come last.
      const pos = (i: ImportIssue) => {
        const at = plan.headers.indexOf(i.column)
        return at < 0 ? plan.headers.length : at
      }
      this.rejected.push(...issues.sort((a, b) => pos(a) - pos(b)))
      this.rejectedRows++
    } else {
      this.planned.push({
        row: r.row,
        cardNo: card,
        before,
        values,
        ...(referrer ? { referrerCardNo: referrer } : {}),
        ...(opening ? { openingPoints: opening } : {}),
      })
    }
  }

  /** The birthday with its calendar: a 农历 column, a 闰月 column, or words in the cell itself. */
  private birthday(text: (f: ImportField) => string, bad: (f: string, m: string) => void, input: FieldsInput) {
    const birthday = text('birthday')
    if (!birthday) return
    input.birthday = birthday
    const lunar = text('lunar')
    if (lunar) {
      const flag = parseLunarFlag(lunar)
      if (flag === undefined) bad('lunar', '农历列只能填是或否')
      else input.birthdayCalendar = flag ? 'lunar' : 'solar'
    }
    const leap = text('leapMonth')
    if (leap) {
      const flag = parseYesNo(leap)
      if (flag === undefined) bad('leapMonth', '闰月列只能填是或否')
      else input.birthdayLeapMonth = flag
    }
  }

  /**
   * Street and 省/市/区. A single 地址 column is split into its parts. On an update, parts the
   * row leaves blank keep their value on file unless a higher level changed (a new province
   * makes the old city meaningless).
   */
  private address(text: (f: ImportField) => string, input: FieldsInput, before?: MemberRowRaw) {
    let p = text('province')
    let c = text('city')
    let d = text('district')
    const street = text('address')
    if (this.plan.splitAddress && street) {
      const s = splitAddress(street)
      p = s.province ?? ''
      c = s.city ?? ''
      d = s.district ?? ''
      input.address = s.street || null
    } else if (street) input.address = street
    if (!p && !c && !d) return
    if (!before) {
      Object.assign(input, { province: p || null, city: c || null, district: d || null })
      return
    }
    const bp = before.province as string | null
    const sameProvince = !p || checkDivision(p).province === bp
    const province = p || bp
    const sameCity = sameProvince && (!c || checkDivision(province, c).city === before.city)
    Object.assign(input, {
      province,
      city: c || (sameProvince ? (before.city as string | null) : null),
      district: d || (sameCity ? (before.district as string | null) : null),
    })
  }

  private duplicates(row: number, card: string, memberId: number | undefined, bad: (f: string, m: string) => void) {
    const seen = this.cardRow.get(card)
    if (seen !== undefined) bad('cardNo', `卡号与第${seen}行重复`)
    else this.cardRow.set(card, row)
    if (memberId === undefined || seen !== undefined) return
    const sameMember = this.memberRow.get(memberId)
    if (sameMember !== undefined) bad('cardNo', `与第${sameMember}行是同一会员（其中一个是换卡前的旧卡号）`)
    else this.memberRow.set(memberId, row)
  }

  /** Referrers need the whole file (a friend may be listed further down); then the totals. */
  finish(): CheckOutcome {
    const { planned, rejected } = checkReferrers(this.db, this.planned, this.plan, this.settings.maxReferrals)
    const all = [...this.rejected, ...rejected].sort((a, b) => a.row - b.row)
    const willUpdate = planned.filter((p) => p.before).length
    return {
      planned,
      rejected: all,
      rejectedRows: this.rejectedRows + new Set(rejected.map((i) => i.row)).size,
      willInsert: planned.length - willUpdate,
      willUpdate,
    }
  }
}
