import { describe, expect, it } from 'vitest'
import { CHANGES, type ChangeTopic } from '../../server/contract/changes'
import { contract, type CallName } from '../../server/contract/contract'

/**
 * What the other desks' open screens rely on (issue 15): every call that moves points, stock or
 * the birthday print runs tells them so, and a call that only reads never does.
 */
const MUST: [CallName, ChangeTopic[]][] = [
  // A purchase keyed at the desk and a till import move points (and so the tier).
  ['purchases:record', ['members', 'points']],
  ['purchases:importCommit', ['members', 'points']],
  ['points:adjust', ['members', 'points']],
  // A redemption (and its return) spends points and stock at once.
  ['gifts:redeem', ['gifts', 'members', 'points']],
  ['gifts:return', ['gifts', 'members', 'points']],
  ['gifts:receive', ['gifts']],
  ['gifts:issue', ['gifts']],
  ['gifts:stocktake', ['gifts']],
  ['care:cakeDeliver', ['gifts']],
  ['birthdays:prepare', ['birthdays']],
  ['birthdays:print', ['birthdays']],
  ['birthdays:printLabels', ['birthdays']],
  ['birthdays:mark', ['birthdays']],
  ['tiers:review', ['members']],
  ['members:update', ['members']],
]

describe('change events', () => {
  it.each(MUST)('%s tells the other desks about %j', (call, topics) => {
    expect(CHANGES[call]).toBeDefined()
    for (const t of topics) expect(CHANGES[call]).toContain(t)
  })

  it('names only calls of the contract, and no call that only reads', () => {
    for (const name of Object.keys(CHANGES)) {
      expect(Object.keys(contract)).toContain(name)
      expect(name).not.toMatch(/:(get|list|search|ledger|ofMember|preview|eligible|batches|month|movements)$/)
    }
  })
})
