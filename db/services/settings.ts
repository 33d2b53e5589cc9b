import { eq } from 'drizzle-orm'
import type { Actor } from '../actor'
import { inTransaction, type Db } from '../handle'
import { DEFAULT_EXPIRY_RULES } from '../rules/expiry'
import { DEFAULT_TIERS } from '../rules/members'
import { DEFAULT_EARNING_RULES } from '../rules/points'
import { settings } from '../schema'
import { parseInput, z } from '../validate'
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

/** Every configurable rule, with the store plan's numbers as defaults (DOMAIN.md). */
export const settingsSchema = z.object({
  storeName: z.string().trim().min(1, '请填写门店名称').max(40).default('百货商场'),
  storeAddress: z.string().trim().max(100).default(''),
  storePostalCode: z.string().trim().max(6).default(''),
  storePhone: z.string().trim().max(20).default(''),
  replacementFeeFen: z.number().int().min(0, '补卡费不能为负').max(100000).default(2000),
  maxReferrals: z.number().int().min(0).max(100).default(3),
  tiers: z
    .array(z.string().trim().min(1).max(10))
    .min(1)
    .default([...DEFAULT_TIERS]),
  dailyBackupsKept: z.number().int().min(1).max(365).default(14),
  /** How purchases earn points (db/rules/points.ts). */
  earning: earningSchema.default(DEFAULT_EARNING_RULES),
  /** Points multiplier per tier name; a tier not listed earns × 1. */
  tierMultipliers: z.record(z.string(), multiplier).default({ 普卡: 1, 银卡: 1, 金卡: 1, 钻石卡: 1 }),
  /** When points lapse (db/rules/expiry.ts) */
  expiry: z
    .object({
      policy: z.enum(['calendarYear', 'rolling']).default('calendarYear'),
      months: z.number().int().min(1, '有效期至少 1 个月').max(120, '有效期最多 120 个月').default(24),
    })
    .default({ ...DEFAULT_EXPIRY_RULES }),
})
export type Settings = z.infer<typeof settingsSchema>
export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({})

export function getSettings(db: Db): Settings {
  const rows = db.orm.select().from(settings).all()
  const stored: Record<string, unknown> = {}
  for (const r of rows) stored[r.key] = JSON.parse(r.value)
  const parsed = settingsSchema.safeParse(stored)
  return parsed.success ? parsed.data : { ...DEFAULT_SETTINGS, ...stored }
}

export function updateSettings(db: Db, input: Partial<Settings>, actor: Actor): Settings {
  const patch = parseInput(settingsSchema.partial(), input)
  return inTransaction(db, () => {
    const now = db.now().getTime()
    const keys = Object.keys(patch) as (keyof Settings)[]
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
