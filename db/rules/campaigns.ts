/** Wake-up campaigns (沉睡会员唤醒): what a call can come to. Pure data, safe for the renderer. */
export const CALL_OUTCOMES = ['reached', 'no_answer', 'invalid', 'refused', 'will_come'] as const
export type CallOutcome = (typeof CALL_OUTCOMES)[number]
export const CALL_OUTCOME_LABELS: Record<CallOutcome, string> = {
  reached: '接通',
  no_answer: '未接通',
  invalid: '空号',
  refused: '拒绝',
  will_come: '表示会来店',
}
/** Outcomes in which the member was spoken to (counted as 接通 in the report) */
export const REACHED_OUTCOMES: readonly CallOutcome[] = ['reached', 'refused', 'will_come']
