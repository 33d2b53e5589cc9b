/**
 * 生日关怀 rules: the greeting's placeholders, how an SMS is split and what it costs. The card and
 * SMS prices are the store plan's (docs/domain.md "Birthday mail": SMS 0.05 元, mailed card 2 元).
 */

export const GREETING_PLACEHOLDERS = ['姓名', '称谓', '生日', '门店', '礼品', '领取期限', '券号', '券面值'] as const
/** Filled only for a member with a birthday voucher (db/services/vouchers/birthday.ts) */
export const VOUCHER_PLACEHOLDERS = ['券号', '券面值'] as const
export type GreetingPlaceholder = (typeof GREETING_PLACEHOLDERS)[number]

export interface BirthdayMailRules {
  smsTemplate: string
  /** The greeting printed on the card, with the same placeholders */
  cardTemplate: string
  /** Per SMS segment, fen */
  smsPriceFen: number
  /** Per mailed card (card, envelope, postage), fen */
  cardCostFen: number
  /** What the birthday gift is; empty when the programme has none */
  giftText: string
  /** Days after the birthday the gift can still be collected at the VIP room */
  collectDays: number
  /** Code of the inventory gift handed out for birthdays ('' when none): its unit cost prices the month */
  giftCode: string
}

// The voucher number has a line of its own: twelve digits cannot break, and a justified line around
// them would spread the characters apart.
export const DEFAULT_CARD_TEMPLATE =
  '亲爱的{姓名}{称谓}：\n在您{生日}生日来临之际，{门店}全体同仁衷心祝您生日快乐，身体健康，万事如意！\n感谢您一直以来的支持与厚爱，愿新的一岁平安喜乐。\n随卡奉上{券面值}生日礼券一张，当月有效。\n券号 {券号}'

export const DEFAULT_BIRTHDAY_MAIL: BirthdayMailRules = {
  smsTemplate:
    '尊敬的{姓名}{称谓}：{门店}祝您{生日}生日快乐！凭会员卡于{领取期限}前到贵宾室领取{礼品}。另赠{券面值}生日礼券，券号{券号}。',
  smsPriceFen: 5,
  cardCostFen: 200,
  giftText: '生日礼品一份',
  collectDays: 30,
  cardTemplate: DEFAULT_CARD_TEMPLATE,
  giftCode: '',
}

/** Placeholders in a template that are not one of ours (a typo would reach every member). */
export function unknownPlaceholders(template: string): string[] {
  const known = new Set<string>(GREETING_PLACEHOLDERS)
  return [...template.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1]!).filter((name) => !known.has(name))
}

/** 先生 / 女士 from the gender; 会员 when it is not known. */
export const salutationOf = (gender: string | null) => (gender === '男' ? '先生' : gender === '女' ? '女士' : '会员')

/** 11月5日 */
export const monthDayText = (ymd: string) => `${+ymd.slice(5, 7)}月${+ymd.slice(8, 10)}日`

/** The last day to collect the gift: the birthday plus the collection days (YYYY-MM-DD). */
export function collectUntil(dateThisYear: string, days: number): string {
  const at = new Date(`${dateThisYear}T00:00:00Z`)
  at.setUTCDate(at.getUTCDate() + days)
  return at.toISOString().slice(0, 10)
}

/** 5000 → 50元 (a whole yuan as people say it; 49.50元 otherwise) */
export const voucherValueText = (fen: number) => `${fen % 100 ? (fen / 100).toFixed(2) : fen / 100}元`

/** The voucher's placeholders for a member: empty text without a voucher. */
export const voucherValues = (v: { voucherNo: string; valueFen: number } | null | undefined) => ({
  券号: v?.voucherNo ?? '',
  券面值: v ? voucherValueText(v.valueFen) : '',
})

const VOUCHER_MARK = /\{(券号|券面值)\}/
/**
 * The sentences (up to 。！？ or a line's end) that speak of a voucher, for a member without one: a
 * template can offer the voucher in its own sentence and everyone else reads the card without it.
 */
function dropVoucherSentences(template: string): string {
  const lines: string[] = []
  for (const line of template.split('\n')) {
    if (!VOUCHER_MARK.test(line)) lines.push(line)
    else {
      const kept = (line.match(/[^。！？!?]+[。！？!?]*/g) ?? []).filter((s) => !VOUCHER_MARK.test(s)).join('')
      // A line that was only about the voucher goes entirely (no empty paragraph on the card).
      if (kept.trim()) lines.push(kept)
    }
  }
  return lines.join('\n')
}

/**
 * Fills every placeholder; one the template repeats is filled each time. Without a voucher (券号
 * empty) the sentences that mention one are left out rather than printed with blanks.
 */
export function fillGreeting(template: string, values: Record<GreetingPlaceholder, string>): string {
  if (!values.券号) template = dropVoucherSentences(template)
  return template.replace(/\{([^{}]*)\}/g, (whole, name: string) =>
    name in values ? values[name as GreetingPlaceholder] : whole,
  )
}

/** Characters as the phone counts them (an emoji or rare character is one, not two UTF-16 units). */
export const smsLength = (text: string) => [...text].length

/** Segments of 70 characters an SMS is billed as. */
export const smsSegments = (text: string) => Math.max(1, Math.ceil(smsLength(text) / 70))

/** A printed card's fate: printed, then mailed, or returned undeliverable (the address needs correcting). */
export const BIRTHDAY_CARD_STATUSES = ['printed', 'mailed', 'returned'] as const
export type BirthdayCardStatus = (typeof BIRTHDAY_CARD_STATUSES)[number]
export const BIRTHDAY_CARD_STATUS_LABELS: Record<BirthdayCardStatus, string> = {
  printed: '已打印',
  mailed: '已寄出',
  returned: '退回（地址有误）',
}

/** Card designs (db/print/birthdayCards.ts); the names are the CLI's --design values. */
export const CARD_DESIGNS = ['folded-a5', 'postcard'] as const
export type CardDesign = (typeof CARD_DESIGNS)[number]
export const CARD_DESIGN_LABELS: Record<CardDesign, string> = { 'folded-a5': '对折贺卡（A5）', postcard: '明信片' }

/**
 * How each design goes into the printer, said the same way in the print panel, the CLI and the
 * README: both designs are two pages per card, printed on both sides of one sheet.
 */
export const PAPER_GUIDE: Record<CardDesign, { paper: string; duplex: string; fold: string }> = {
  'folded-a5': {
    paper: 'A4 纸（建议 200 克以上卡纸），横向',
    duplex: '双面打印，短边翻转',
    fold: '每张两页：第 1 页外封（封底在左、封面在右），第 2 页内页；打印后沿中线对折成 A5',
  },
  postcard: {
    paper: '148×100 毫米明信片卡纸',
    duplex: '双面打印（每张两页：祝福面、地址面）',
    fold: '在打印机属性里把纸张设为 148×100 毫米，卡纸放手送纸盒',
  },
}

/** One line for the CLI: the paper and the duplex setting. */
export const PAPER_HINT: Record<CardDesign, string> = {
  'folded-a5': `纸张：${PAPER_GUIDE['folded-a5'].paper}，${PAPER_GUIDE['folded-a5'].duplex}。`,
  postcard: `纸张：${PAPER_GUIDE.postcard.paper}，${PAPER_GUIDE.postcard.duplex}。`,
}

/** Addressing (db/print/addressLabels.ts); the names are the CLI's --labels values. */
export const LABEL_LAYOUTS = ['envelope', '3x7', '2x5'] as const
export type LabelLayout = (typeof LABEL_LAYOUTS)[number]
export const LABEL_LAYOUT_LABELS: Record<LabelLayout, string> = {
  envelope: 'DL 信封（220×110 mm）',
  '3x7': 'A4 标签 3×7（21 张）',
  '2x5': 'A4 标签 2×5（10 张）',
}
export const labelsPerSheet = (layout: LabelLayout) => (layout === '3x7' ? 21 : layout === '2x5' ? 10 : 1)
