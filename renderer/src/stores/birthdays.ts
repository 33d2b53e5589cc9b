import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { InputOf } from '../../../server/contract/contract'
import type { BirthdayMailRules } from '../../../db/rules/birthdayMail'
import { call } from '@/api/client'
import { monthFromNow } from './careLeague'

/**
 * 生日关怀: thin calls over the contract. The month lives here so that every tab (list, batches,
 * costs) shows the same one; it opens on next month because the clerks prepare cards ahead.
 */
export const useBirthdaysStore = defineStore('birthdays', () => {
  const month = ref(monthFromNow(1))
  /** Bumped after a print run or a mark, so open tabs reload their counts. */
  const changed = ref(0)
  const touch = () => changed.value++

  const page = (input: InputOf<'birthdays:month'>) => call('birthdays:month', input)
  const costs = (m: string) => call('birthdays:costs', { month: m })
  const prepare = (input: InputOf<'birthdays:prepare'>) => call('birthdays:prepare', input)
  const preview = (input: InputOf<'birthdays:preview'>) => call('birthdays:preview', input)
  async function print(input: InputOf<'birthdays:print'>) {
    const r = await call('birthdays:print', input)
    if (r.batch) touch()
    return r
  }
  async function savePdf(input: InputOf<'birthdays:savePdf'>) {
    const r = await call('birthdays:savePdf', input)
    if (r) touch()
    return r
  }
  const testPrint = (design: InputOf<'birthdays:testPrint'>['design']) => call('birthdays:testPrint', { design })
  const printLabels = (input: InputOf<'birthdays:printLabels'>) => call('birthdays:printLabels', input)
  const batches = (m: string) => call('birthdays:batches', { month: m })
  const batchCards = (batchId: number) => call('birthdays:batchCards', { batchId })
  async function mark(input: InputOf<'birthdays:mark'>) {
    const r = await call('birthdays:mark', input)
    touch()
    return r
  }
  const smsExport = (input: InputOf<'birthdays:smsExport'>) => call('birthdays:smsExport', input)
  /** The saved rules (greeting, SMS text, prices, gift), read from the settings. */
  const rules = async () => (await call('settings:get', undefined)).birthdayMail
  const saveRules = (r: BirthdayMailRules) => call('birthdays:settingsUpdate', r)
  const gifts = () => call('gifts:list', { activeOnly: true })

  return {
    month,
    changed,
    page,
    costs,
    prepare,
    preview,
    print,
    savePdf,
    printLabels,
    testPrint,
    batches,
    batchCards,
    mark,
    smsExport,
    rules,
    saveRules,
    gifts,
  }
})
