import { listMembers, type MemberListQuery } from '../../../db/services/members'
import { forgetMemberTotals } from '../../../db/services/members/list'
import { forgetPurchaseFilters, purchaseDepartments } from '../../../db/services/members/purchaseFilters'
import type { BenchContext } from '../context'
import type { BenchRow, BenchSection } from '../report'
import { sample } from '../stats'

/**
 * The member list's call-list filters (12-month spend, 课别 bought in, last purchase, age): the
 * first use of the day pays one pass over a year of purchases; after that a page with its total.
 */
function variants(ctx: BenchContext): { label: string; input: MemberListQuery }[] {
  const now = ctx.db.now()
  const ymd = (d: Date) => d.toISOString().slice(0, 10)
  const halfYearAgo = ymd(new Date(now.getTime() - 182 * 86_400_000))
  const yearAgo = ymd(new Date(now.getTime() - 365 * 86_400_000))
  const dept = purchaseDepartments(ctx.db)[0] ?? '营业一课'
  // The commonest tier and district of the sample, so those pages are broad, not near-empty.
  const commonest = (sql: string) => ctx.db.sqlite.prepare(sql).get() as Record<string, string>
  const { tier } = commonest('SELECT tier FROM members GROUP BY tier ORDER BY count(*) DESC LIMIT 1')
  const place = commonest(
    'SELECT province, city, district FROM members WHERE district IS NOT NULL GROUP BY 1, 2, 3 ORDER BY count(*) DESC LIMIT 1',
  ) as { province: string; city: string; district: string }
  return [
    { label: '12-month spend ≥ 3,000 元, SMS consent', input: { spendMinFen: 300_000, smsConsent: true } },
    { label: '12-month spend 0–500 元', input: { spendMinFen: 0, spendMaxFen: 50_000 } },
    { label: `bought in ${dept}, by points`, input: { department: dept, sort: 'points', order: 'desc' } },
    { label: `last purchase before ${halfYearAgo}`, input: { lastPurchaseTo: halfYearAgo } },
    { label: 'age 30–39, women', input: { ageFrom: 30, ageTo: 39, gender: '女' } },
    {
      label: `call list: ${dept}, spend ≥ 1,000 元, age 25–45, SMS`,
      input: { department: dept, spendMinFen: 100_000, ageFrom: 25, ageTo: 45, smsConsent: true },
    },
    {
      label: `last purchase after ${halfYearAgo}, newest cards first`,
      input: { lastPurchaseFrom: halfYearAgo, sort: 'joinDate', order: 'desc' },
    },
    { label: `tier ${tier}, mail consent`, input: { tier, mailConsent: true } },
    { label: `district ${place.city}/${place.district}`, input: { ...place } },
    {
      label: 'every filter at once (tier, place, dates, spend, age, 课别, consent)',
      input: {
        tier,
        ...place,
        lastPurchaseFrom: yearAgo,
        lastPurchaseTo: ymd(now),
        spendMinFen: 50_000,
        spendMaxFen: 5_000_000,
        ageFrom: 20,
        ageTo: 70,
        department: dept,
        smsConsent: true,
      },
    },
  ]
}

// Issue 16: a filtered first page of 50 with its count, at 100,000 members / 3,000,000 lines.
const PAGE_TARGET_MS = 300

export const memberFiltersSection: BenchSection = {
  name: 'member filters',
  async run(ctx) {
    const rows: BenchRow[] = []
    const all = variants(ctx)
    rows.push({
      label: 'cold: 12-month spend of every member (one pass), first spend filter',
      unit: 'ms',
      service: sample(
        [all[0]!.input],
        (input) => {
          forgetPurchaseFilters(ctx.db)
          forgetMemberTotals(ctx.db)
          listMembers(ctx.db, input)
        },
        5,
        1,
      ),
      target: 1000,
    })
    rows.push({
      label: `cold: 课别 bought in (one scan of the year's lines), first 课别 filter`,
      unit: 'ms',
      service: sample(
        [all[2]!.input],
        (input) => {
          forgetPurchaseFilters(ctx.db)
          forgetMemberTotals(ctx.db)
          listMembers(ctx.db, input)
        },
        5,
        1,
      ),
      target: 2000,
    })
    for (const v of all) {
      rows.push({
        label: `first page with its total: ${v.label}`,
        unit: 'ms',
        service: sample(
          [v.input],
          (input) => {
            forgetMemberTotals(ctx.db)
            listMembers(ctx.db, input)
          },
          40,
          5,
        ),
        target: PAGE_TARGET_MS,
      })
    }
    return rows
  },
}
