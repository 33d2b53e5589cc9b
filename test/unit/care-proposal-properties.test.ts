import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { proposeAssignments, type ProposalMember, type ProposalStaff } from '../../db/rules/careProposal'

const DEPTS = ['营业一课', '营业二课', '营业三课']

const memberArb = fc
  .array(
    fc.record({
      value: fc.integer({ min: 1, max: 5_000_000 }),
      department: fc.option(fc.constantFrom(...DEPTS), { nil: null }),
      current: fc.option(fc.integer({ min: 1, max: 12 }), { nil: null }),
    }),
    { maxLength: 120 },
  )
  .map((ms): ProposalMember[] => ms.map((m, i) => ({ memberId: i + 1, ...m })))

const staffArb = (fresh: boolean) =>
  fc
    .array(
      fc.record({
        department: fc.constantFrom(...DEPTS, '企划'),
        capacity: fc.integer({ min: 1, max: 40 }),
        eligible: fc.boolean(),
        count: fresh ? fc.constant(0) : fc.integer({ min: 0, max: 10 }),
        value: fresh ? fc.constant(0) : fc.integer({ min: 0, max: 10_000_000 }),
      }),
      { maxLength: 12 },
    )
    .map((ss): ProposalStaff[] => ss.map((s, i) => ({ id: i + 1, ...s, count: Math.min(s.count, s.capacity) })))

function finalLoads(members: ProposalMember[], staff: ProposalStaff[]) {
  const result = proposeAssignments(members, staff)
  const value = new Map(members.map((m) => [m.memberId, m.value]))
  const loads = new Map(staff.map((s) => [s.id, { s, count: s.count, value: s.value, added: 0, addedValue: 0 }]))
  for (const p of result.pairs) {
    const l = loads.get(p.staffId)!
    l.count++
    l.added++
    l.value += value.get(p.memberId)!
    l.addedValue += value.get(p.memberId)!
  }
  return { result, loads: [...loads.values()] }
}

describe('the automatic proposal', () => {
  it('places only the members given, once each, with eligible staff within capacity', () => {
    fc.assert(
      fc.property(memberArb, staffArb(false), (members, staff) => {
        const { result, loads } = finalLoads(members, staff)
        const ids = [...result.pairs.map((p) => p.memberId), ...result.unplaced]
        expect(ids.sort((a, b) => a - b)).toEqual(members.map((m) => m.memberId))
        for (const l of loads) {
          if (l.added) expect(l.s.eligible).toBe(true)
          expect(l.count).toBeLessThanOrEqual(Math.max(l.s.capacity, l.s.count))
        }
        // Nobody is left waiting while an eligible maintainer still has room.
        if (result.unplaced.length) expect(loads.every((l) => !l.s.eligible || l.count >= l.s.capacity)).toBe(true)
      }),
    )
  })

  it('keeps counts level: whoever was given a member holds at most one more than anyone with room', () => {
    fc.assert(
      fc.property(memberArb, staffArb(false), (members, staff) => {
        const { loads } = finalLoads(members, staff)
        const open = loads.filter((l) => l.s.eligible && l.count < l.s.capacity)
        for (const b of loads.filter((l) => l.added > 0)) {
          for (const a of open) expect(b.count).toBeLessThanOrEqual(a.count + 1)
        }
      }),
    )
  })

  it('spreads value: maintainers starting empty and not full differ by at most the largest member value', () => {
    fc.assert(
      fc.property(memberArb, staffArb(true), (members, staff) => {
        const { loads } = finalLoads(members, staff)
        const free = loads.filter((l) => l.s.eligible && l.count < l.s.capacity)
        const max = Math.max(0, ...members.map((m) => m.value))
        for (const a of free) for (const b of free) expect(a.addedValue - b.addedValue).toBeLessThanOrEqual(max)
      }),
    )
  })

  it("prefers the member's department when such a maintainer is in the round", () => {
    const staff: ProposalStaff[] = [
      { id: 1, department: '营业一课', capacity: 5, eligible: true, count: 0, value: 0 },
      { id: 2, department: '营业二课', capacity: 5, eligible: true, count: 0, value: 0 },
    ]
    const members: ProposalMember[] = [
      { memberId: 1, value: 900, department: '营业二课' },
      { memberId: 2, value: 800, department: '营业二课' },
      { memberId: 3, value: 100, department: null },
    ]
    expect(proposeAssignments(members, staff).pairs).toEqual([
      { memberId: 1, staffId: 2, reason: 'department' },
      { memberId: 2, staffId: 1, reason: 'balance' },
      { memberId: 3, staffId: 1, reason: 'balance' },
    ])
  })
})
