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
  const dept = purchaseDepartments(ctx.db)[0] ?? '营业一课'
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
  ]
}

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
        target: 100,
      })
    }
    return rows
  },
}
