import { eq } from 'drizzle-orm'
import type { Actor } from '../actor'
import { inTransaction, type Db } from '../handle'
import { statements } from '../statements'
import { DEFAULT_BIRTHDAY_MAIL, unknownPlaceholders } from '../rules/birthdayMail'
import { DEFAULT_CARE_RULES, HIGH_VALUE_MEASURES } from '../rules/care'
import { DEFAULT_EXPIRY_RULES } from '../rules/expiry'
import { DEFAULT_LIMITS } from '../rules/limits'
import { DEFAULT_EARNING_RULES } from '../rules/points'
import { DEFAULT_SESSION_IDLE_MINUTES } from '../rules/sessions'
import { DEFAULT_TIME_ZONE, isValidTimeZone } from '../rules/storeClock'
import { DEFAULT_VOUCHER_RULES, voucherRulesProblems } from '../rules/vouchers'
import {
  DEFAULT_CARD_VALIDITY,
  DEFAULT_REVIEW_DATE,
  DEFAULT_SLEEPING_MONTHS,
  DEFAULT_TIER_TABLE,
  tierTableProblems,
} from '../rules/tiers'
import { settings } from '../schema'
import { parseInput, z } from '../validate'
import { validationError } from '../errors'
import { recordAudit } from './audit'

const multiplier = z.number().min(0, '倍数不能为负').max(100)
const earningSchema = z.object({
  pointsPerYuan: z.number().min(0, '积分比例不能为负').max(100),
  memberDays: z.object({ days: z.array(z.number().int().min(1).max(31)), multiplier, enabled: z.boolean() }),
  rewardWeek: z.object({ multiplier, enabled: z.boolean() }),
  birthdayWindow: z.object({
    daysBefore: z.number().int().min(0).max(31),
    daysAfter: z.number().int().min(0).max(31),
    multiplier,
    enabled: z.boolean(),
  }),
  campaigns: z.array(
    z.object({
      name: z.string().trim().min(1, '请填写活动名称').max(20),
      from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD'),
      to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD'),
      multiplier,
    }),
  ),
  combine: z.enum(['max', 'multiply']),
})

const threshold = z.number().int().min(0, '门槛不能为负').nullable()
const tierTableSchema = z
  .array(
    z.object({
      name: z.string().trim().min(1, '请填写等级名称').max(10, '等级名称最多 10 个字'),
      minSpendFen: threshold,
      minPoints: threshold,
      discountPct: z.number().min(1, '折扣须在 1–100 之间').max(100, '折扣须在 1–100 之间'),
      multiplier,
    }),
  )
  .min(1, '至少需要一个等级')
  .max(10, '最多 10 个等级')
  .superRefine((table, ctx) => {
    for (const message of tierTableProblems(table)) ctx.addIssue({ code: 'custom', message })
  })

const positive = (max: number) => z.number().int('须为整数').min(1, '须大于 0').max(max)
const limitsSchema = z.object({
  maxLineFen: positive(10 ** 12),
  earliestPurchaseDay: z.number().int().min(19000101).max(21001231),
  futureDays: z.number().int().min(0).max(31),
  maxOpeningPoints: positive(10 ** 12),
  maxGiftUnitCostFen: positive(10 ** 12),
  maxGiftPointsPrice: positive(10 ** 12),
  maxStockQuantity: positive(10 ** 9),
  receiptNoLength: positive(40),
  departmentLength: positive(20),
  counterLength: positive(20),
})

const fen = (what: string, max = 10 ** 9) =>
  z
    .number({ error: `${what}须为整数（分）` })
    .int(`${what}须为整数（分）`)
    .min(0, `${what}不能为负`)
    .max(max, `${what}过高`)
const mmdd = z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, '日期应为 MM-DD，例如 11-01')
const voucherKindSchema = z.object({
  name: z.string().trim().min(1, '请填写券种名称').max(20, '券种名称最多 20 个字'),
  valueFen: fen('面值', 10 ** 8).min(1, '面值须大于 0'),
  validDays: z
    .number()
    .int('有效天数须为整数')
    .min(1, '有效天数至少 1 天')
    .max(3660, '有效天数最多 3,660 天')
    .nullable(),
  validUntil: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, '截止日期应为 YYYY-MM-DD')
    .nullable(),
  minSpendFen: fen('最低消费'),
  departments: z.array(z.string().trim().min(1).max(20)).max(50),
  earnsPoints: z.boolean(),
  active: z.boolean(),
})
const voucherRulesSchema = z
  .object({
    kinds: z.array(voucherKindSchema).min(1, '至少需要一个券种').max(30, '最多 30 个券种'),
    yearly: z.object({
      from: mmdd,
      to: mmdd,
      kind: z.string().trim().min(1, '请选择年度兑换的券种'),
      table: z
        .array(
          z.object({
            points: z.number().int('积分须为整数').min(1, '积分须大于 0').max(10_000_000),
            valueFen: fen('面值', 10 ** 8).min(1, '面值须大于 0'),
          }),
        )
        .min(1, '兑换表至少一档')
        .max(20, '兑换表最多 20 档'),
    }),
    birthday: z.object({
      enabled: z.boolean(),
      kind: z.string().trim().min(1, '请选择生日礼券的券种'),
      valueFen: fen('面值', 10 ** 8).min(1, '面值须大于 0'),
      minTier: z.string().trim().min(1, '请选择最低等级').max(10),
    }),
    referralPoints: z.number().int('推荐积分须为整数').min(0, '推荐积分不能为负').max(100_000),
    campaignReturnDays: z.number().int('天数须为整数').min(1, '至少 1 天').max(365, '最多 365 天'),
  })
  .superRefine((rules, ctx) => {
    for (const message of voucherRulesProblems(rules)) ctx.addIssue({ code: 'custom', message })
  })

/** Every configurable rule, with the store plan's numbers as defaults (docs/domain.md). */
export const settingsSchema = z.object({
  storeName: z.string().trim().min(1, '请填写门店名称').max(40).default('百货商场'),
  storeAddress: z.string().trim().max(100).default(''),
  storePostalCode: z.string().trim().max(6).default(''),
  storePhone: z.string().trim().max(20).default(''),
  /** The store's logo: a picture file beside the database (like gift photos), '' for none */
  storeLogo: z.string().trim().max(200).default(''),
  replacementFeeFen: z.number().int().min(0, '补卡费不能为负').max(100000).default(2000),
  maxReferrals: z.number().int().min(0).max(100).default(3),
  /** Tiers from the base up, with thresholds, discount and points multiplier (db/rules/tiers.ts). */
  tierTable: tierTableSchema.default(DEFAULT_TIER_TABLE.map((t) => ({ ...t }))),
  /** Card validity and the points that renew a card */
  cardValidity: z
    .object({
      months: z.number().int().min(1, '有效期至少 1 个月').max(240, '有效期最多 240 个月'),
      renewalPoints: z.number().int().min(0, '续期积分不能为负').max(10_000_000),
    })
    .default({ ...DEFAULT_CARD_VALIDITY }),
  /** The yearly tier review day (downgrades happen only then) */
  tierReview: z
    .object({ month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(31) })
    .refine((r) => r.day <= new Date(Date.UTC(2024, r.month, 0)).getUTCDate(), '评级日期无效')
    .default({ ...DEFAULT_REVIEW_DATE }),
  /** No purchase for this many months makes a member sleeping */
  sleepingMonths: z.number().int().min(1, '至少 1 个月').max(60, '最多 60 个月').default(DEFAULT_SLEEPING_MONTHS),
  dailyBackupsKept: z.number().int().min(1).max(365).default(14),
  /** The store's IANA time zone: every day, month and report bucket is the store's (db/clock.ts) */
  timeZone: z
    .string()
    .trim()
    .refine(isValidTimeZone, '时区无效，请填写如 Asia/Shanghai 的时区名称')
    .default(DEFAULT_TIME_ZONE),
  /** A store-server login ends after this many minutes without a call (db/services/sessions.ts) */
  sessionIdleMinutes: z
    .number()
    .int('须为整分钟')
    .min(5, '至少 5 分钟')
    .max(720, '最多 720 分钟（12 小时）')
    .default(DEFAULT_SESSION_IDLE_MINUTES),
  /** Bounds on what imports, the desk and the forms accept (db/rules/limits.ts) */
  limits: limitsSchema.default({ ...DEFAULT_LIMITS }),
  /** How purchases earn points (db/rules/points.ts). */
  earning: earningSchema.default(DEFAULT_EARNING_RULES),
  /** When points lapse (db/rules/expiry.ts) */
  expiry: z
    .object({
      policy: z.enum(['calendarYear', 'rolling']).default('calendarYear'),
      months: z.number().int().min(1, '有效期至少 1 个月').max(120, '有效期最多 120 个月').default(24),
    })
    .default({ ...DEFAULT_EXPIRY_RULES }),
  /** High-value members, their maintainers and the birthday cakes (db/rules/care.ts) */
  care: z
    .object({
      minServiceMonths: z.number().int().min(0, '入职月数不能为负').max(120, '入职月数最多 120'),
      defaultCapacity: z.number().int().min(1, '每人至少维护 1 位').max(500, '每人最多维护 500 位'),
      highValue: z.object({
        measure: z.enum(HIGH_VALUE_MEASURES, { error: '请选择高端会员的标准' }),
        top: z.number().int().min(1, '名单至少 1 人').max(5000, '名单最多 5,000 人'),
        minimum: z.number().int().min(0, '门槛不能为负'),
        minTier: z.string().trim().min(1, '请选择最低等级').max(10),
      }),
      cakesPerMonth: z.number().int().min(0, '名额不能为负').max(500, '名额最多 500'),
      skipLastYearsRecipients: z.boolean(),
    })
    .default(structuredClone(DEFAULT_CARE_RULES)),
  /** Birthday SMS and cards: the SMS text, prices and the birthday gift (db/rules/birthdayMail.ts) */
  birthdayMail: z
    .object({
      smsTemplate: z
        .string()
        .trim()
        .min(1, '请填写短信模板')
        .max(300, '短信模板最多 300 个字')
        .refine((t) => unknownPlaceholders(t).length === 0, {
          error: (iss) =>
            `短信模板含未知占位符：${unknownPlaceholders(String(iss.input))
              .map((n) => `{${n}}`)
              .join('、')}`,
        }),
      smsPriceFen: z.number().int('短信单价须为整数（分）').min(0, '短信单价不能为负').max(10000, '短信单价过高'),
      cardCostFen: z.number().int('贺卡成本须为整数（分）').min(0, '贺卡成本不能为负').max(100000, '贺卡成本过高'),
      giftText: z.string().trim().max(40, '礼品说明最多 40 个字'),
      collectDays: z.number().int('领取天数须为整数').min(0, '领取天数不能为负').max(366, '领取天数最多 366 天'),
      // Added after the first release of this key: a stored value without them still reads.
      cardTemplate: z
        .string()
        .trim()
        .min(1, '请填写贺卡祝福语')
        .max(400, '贺卡祝福语最多 400 个字')
        .refine((t) => unknownPlaceholders(t).length === 0, {
          error: (iss) =>
            `贺卡祝福语含未知占位符：${unknownPlaceholders(String(iss.input))
              .map((n) => `{${n}}`)
              .join('、')}`,
        })
        .default(DEFAULT_BIRTHDAY_MAIL.cardTemplate),
      giftCode: z.string().trim().max(20).default(''),
    })
    .default({ ...DEFAULT_BIRTHDAY_MAIL }),
  /** Voucher kinds, the yearly redemption, birthday vouchers, referrals, campaigns (db/rules/vouchers.ts) */
  vouchers: voucherRulesSchema.default(structuredClone(DEFAULT_VOUCHER_RULES)),
})
export type Settings = z.infer<typeof settingsSchema>
export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({})

// Read by most calls (points, purchases, reports): prepared once, and parsed again only when a row changed.
const settingRows = statements((s) => s.prepare('SELECT key, value FROM settings ORDER BY key'))
const parsedSettings = new WeakMap<object, { raw: string; settings: Settings }>()

export function getSettings(db: Db): Settings {
  const rows = settingRows(db).all() as { key: string; value: string }[]
  const raw = rows.map((r) => `${r.key}\u0000${r.value}`).join('\u0001')
  const kept = parsedSettings.get(db.sqlite)
  // A copy: callers may adjust what they got without touching what the next call reads.
  if (kept?.raw === raw) return structuredClone(kept.settings)
  const parsed = parseSettings(rows)
  parsedSettings.set(db.sqlite, { raw, settings: parsed })
  return structuredClone(parsed)
}

function parseSettings(rows: { key: string; value: string }[]): Settings {
  const stored: Record<string, unknown> = {}
  for (const r of rows) stored[r.key] = JSON.parse(r.value)
  const parsed = settingsSchema.safeParse(stored)
  if (parsed.success) return parsed.data
  // One bad stored value (or an old key's shape) must not lose the others: each key falls back alone.
  const out: Record<string, unknown> = { ...DEFAULT_SETTINGS }
  for (const [key, schema] of Object.entries(settingsSchema.shape)) {
    const one = (schema as z.ZodType).safeParse(stored[key])
    if (one.success) out[key] = one.data
  }
  return out as Settings
}

/**
 * What the schema cannot see: a kind that vouchers carry may be deactivated but not removed (their
 * rows name it), and the birthday voucher's lowest tier must be one of the tiers.
 */
function checkVoucherKinds(db: Db, rules: Settings['vouchers'], tierTable?: Settings['tierTable']): void {
  const kept = new Set(rules.kinds.map((k) => k.name))
  const used = db.sqlite.prepare('SELECT DISTINCT kind FROM vouchers').pluck().all() as string[]
  const removed = used.filter((k) => !kept.has(k))
  if (removed.length)
    throw validationError(`券种「${removed.join('、')}」已有券，不能删除，可以停用`, [
      { field: 'vouchers.kinds', message: `券种「${removed.join('、')}」已有券，不能删除，可以停用` },
    ])
  const tiers = (tierTable ?? getSettings(db).tierTable).map((t) => t.name)
  const problems = voucherRulesProblems(rules, tiers)
  if (problems.length)
    throw validationError(
      problems[0]!,
      problems.map((message) => ({ field: 'vouchers', message })),
    )
}

const settingsPatchSchema = settingsSchema.partial()
/** A change to some keys; a key's newer fields may be left out (they take their defaults). */
export type SettingsPatch = z.input<typeof settingsPatchSchema>

export function updateSettings(db: Db, input: SettingsPatch, actor: Actor): Settings {
  const patch = parseInput(settingsPatchSchema, input)
  return inTransaction(db, () => {
    if (patch.vouchers && Object.hasOwn(input, 'vouchers')) checkVoucherKinds(db, patch.vouchers, patch.tierTable)
    const now = db.now().getTime()
    // Only the keys the caller gave: the partial schema still fills every other key with its default,
    // and writing those would reset the rest of the settings (a greeting saved wiped the store address).
    const keys = (Object.keys(patch) as (keyof Settings)[]).filter((k) => Object.hasOwn(input, k))
    for (const key of keys) {
      const value = JSON.stringify(patch[key])
      const existing = db.orm.select().from(settings).where(eq(settings.key, key)).get()
      if (existing) {
        db.orm.update(settings).set({ value, updatedAt: now, updatedBy: actor.id }).where(eq(settings.key, key)).run()
      } else {
        db.orm.insert(settings).values({ key, value, updatedAt: now, updatedBy: actor.id }).run()
      }
    }
    if (keys.length) recordAudit(db, actor, 'update', 'settings', null, `修改设置：${keys.join('，')}`)
    return getSettings(db)
  })
}
