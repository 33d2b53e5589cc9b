import { FIGURE_HELP, FIGURE_LABELS as LABELS, type FigureName } from '../../rules/figures'
import { monthKeyOf } from '../../rules/months'
import { monthKpi } from '../../services/reports/kpi'
import type { CliContext } from '../context'
import { displayWidth, padCell, UsageError } from '../io'

const yuan = (fen: number) => (fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })

/**
 * `report kpi --month YYYY-MM`: the programme's figures of one month (the current month counts up
 * to today). --json gives exactly the Kpi object: money in fen, the share as a fraction or null.
 */
export async function reportKpiCommand(ctx: CliContext): Promise<void> {
  const m = ctx.args.month
  if (m === undefined) throw new UsageError('命令 report kpi 需要 --month YYYY-MM（要看的月份）')
  // A real calendar month (not 2026-13) is a usage matter, like the format.
  if (!/^\d{4}-\d{2}$/.test(m) || monthKeyOf(m) === null)
    throw new UsageError(`选项 --month 应为 YYYY-MM 格式的月份，收到"${m}"`)
  const kpi = monthKpi(ctx.db, { month: m })
  await ctx.result(kpi)
  const shown = (k: FigureName): string => {
    const v = kpi[k]
    if (v === null) return '—（未录入全店销售）'
    if (k === 'vipShare') return `${(v * 100).toFixed(1)}%`
    return k === 'vipSales' || k === 'storeSales' ? yuan(v) : v.toLocaleString('en-US')
  }
  const names = Object.keys(LABELS) as FigureName[]
  const width = Math.max(...names.map((k) => displayWidth(LABELS[k])))
  const values = names.map(shown)
  const valueWidth = Math.max(...values.map(displayWidth))
  await ctx.say(
    [
      `会员计划月度指标 ${m}`,
      ...names.map(
        (k, i) => `${padCell(LABELS[k], width, false)}  ${padCell(values[i]!, valueWidth, true)}  ${FIGURE_HELP[k]}`,
      ),
    ].join('\n'),
  )
}
