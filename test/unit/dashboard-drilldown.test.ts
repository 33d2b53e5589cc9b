import { describe, expect, it } from 'vitest'
import { filtersFromQuery } from '../../renderer/src/views/members/routeFilters'
import { isMonthText } from '../../db/rules/months'
import {
  birthdayBatchesLink,
  leagueLink,
  newCardsLink,
  periodDays,
  tierLink,
} from '../../renderer/src/views/reports/dashboard/drillDown'

describe('dashboard drill-down links', () => {
  it('turns a month or a day into the join-date range of the members list', () => {
    expect(periodDays('2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' })
    expect(periodDays('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' })
    expect(periodDays('2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' })
    expect(periodDays('2026-03-05')).toEqual({ from: '2026-03-05', to: '2026-03-05' })
  })

  it('opens members of a source in a month, of a tier, and the league of a month', () => {
    expect(newCardsLink('社区', '2026-03')).toEqual({
      name: 'members',
      query: { source: '社区', joinFrom: '2026-03-01', joinTo: '2026-03-31' },
    })
    expect(tierLink('金卡')).toEqual({ name: 'members', query: { tier: '金卡' } })
    expect(leagueLink('2026-03')).toEqual({ name: 'care-league', query: { month: '2026-03' } })
    expect(birthdayBatchesLink('2026-03')).toEqual({ name: 'birthday-batches', query: { month: '2026-03' } })
  })

  it('takes a month from a link only when it is one', () => {
    expect(isMonthText('2026-03')).toBe(true)
    for (const bad of ['2026-13', '2026-3', '', undefined, ['2026-03'], '2026-03-01'])
      expect(isMonthText(bad)).toBe(false)
  })
})

describe('members list filters from the route', () => {
  it('reads the filters a link names', () => {
    expect(
      filtersFromQuery({
        source: '社区',
        joinFrom: '2026-03-01',
        joinTo: '2026-03-31',
        tier: '金卡',
        status: 'active',
      }),
    ).toEqual({ source: '社区', joinFrom: '2026-03-01', joinTo: '2026-03-31', tier: '金卡', status: 'active' })
  })

  it('ignores what the list cannot filter by, and a link without filters', () => {
    expect(filtersFromQuery({})).toBeNull()
    expect(filtersFromQuery({ page: '2' })).toBeNull()
    expect(filtersFromQuery({ source: '路人', joinFrom: '2026/03/01', tier: '金卡' })).toEqual({
      tier: '金卡',
      source: undefined,
      status: undefined,
      joinFrom: undefined,
      joinTo: undefined,
    })
  })
})
