import { storeMonthText } from '@/format/storeClock'
import { defineStore } from 'pinia'
import type { InputOf } from '../../../server/contract/contract'
import { call } from '@/api/client'

/** 月度评比 and 生日蛋糕: thin calls; each screen keeps its own month and reloads after a write. */
export const useCareLeagueStore = defineStore('careLeague', () => {
  const league = (month: string) => call('care:league', { month })
  const report = (month: string) => call('care:leagueReport', { month })
  const saveReport = (month: string) => call('care:leagueSave', { month })
  const printReport = (month: string) => call('care:leaguePrint', { month })
  const cakes = (input: InputOf<'care:cakeList'>) => call('care:cakeList', input)
  const cakeGifts = () => call('care:cakeGifts', undefined)
  const deliverers = () => call('care:cakeDeliverers', undefined)
  const schedule = (input: InputOf<'care:cakeSchedule'>) => call('care:cakeSchedule', input)
  const deliver = (input: InputOf<'care:cakeDeliver'>) => call('care:cakeDeliver', input)
  const cancel = (input: InputOf<'care:cakeCancel'>) => call('care:cakeCancel', input)
  return { league, report, saveReport, printReport, cakes, cakeGifts, deliverers, schedule, deliver, cancel }
})

/** 'YYYY-MM' of the month `offset` months from today's, on the store's calendar. */
export const monthFromNow = (offset: number, now = new Date()): string => storeMonthText(offset, now.getTime())
