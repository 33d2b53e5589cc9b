import { eq } from 'drizzle-orm'
import type { Actor } from '../actor'
import { inTransaction, type Db } from '../handle'
import { DEFAULT_TIERS } from '../rules/members'
import { settings } from '../schema'
import { parseInput, z } from '../validate'
import { recordAudit } from './audit'

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
