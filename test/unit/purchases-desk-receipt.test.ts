import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createMember } from '../../db/services/members'
import { memberPurchases, recordPurchase } from '../../db/services/purchases'
import { updateSettings } from '../../db/services/settings'
import { makeTestDb, type TestDb } from '../support/db'

let t: TestDb
let id: number
beforeEach(() => {
  // 01:30 on the 24th in Shanghai is still the 23rd in UTC and in Los Angeles.
  t = makeTestDb(new Date('2026-11-23T17:30:00Z'))
  id = createMember(t.db, { cardNo: 'V0001', name: '王芳', phone: '13912345678' }, t.admin).id
})
afterEach(() => t.close())

const keyIn = (receiptNo?: string) =>
  recordPurchase(t.db, { memberId: id, amountFen: 10000, ...(receiptNo === undefined ? {} : { receiptNo }) }, t.admin)

describe('the desk numbers its own receipts', () => {
  it('counts 服务台 + the store day + 0001 upwards, by the store zone, skipping numbers typed in', () => {
    expect(keyIn().receiptNo).toBe('服务台20261124-0001')
    expect(keyIn('').receiptNo).toBe('服务台20261124-0002')
    expect(keyIn('T-998').receiptNo).toBe('T-998')
    expect(keyIn('服务台20261124-0002-R').receiptNo).toBe('服务台20261124-0002-R')
    expect(keyIn().receiptNo).toBe('服务台20261124-0003')
    t.setNow(new Date('2026-11-24T16:10:00Z'))
    expect(keyIn().receiptNo).toBe('服务台20261125-0001')
  })

  it('follows the zone set in 设置, not the machine', () => {
    updateSettings(t.db, { timeZone: 'America/Los_Angeles' }, t.admin)
    expect(keyIn().receiptNo).toBe('服务台20261123-0001')
  })

  it('stays within the receipt length and shows in the history as saved, old numbers included', () => {
    keyIn('desk-20261123-214750')
    const saved = keyIn()
    expect(saved.receiptNo.length).toBeLessThanOrEqual(40)
    const shown = memberPurchases(t.db, { memberId: id }).rows.map((r) => r.receiptNo)
    expect(shown.sort()).toEqual(['desk-20261123-214750', '服务台20261124-0001'].sort())
  })
})
