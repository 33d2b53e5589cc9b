import type { FigureName } from '../../../../../db/rules/figures'
import { formatYuan } from '../../../../../db/rules/money'
import { FIGURE_HELP } from '../../../../../db/rules/figures'
import type { DashboardData } from '../../../../../db/services/reports/dashboard'

/** One KPI card: this month's figure, its change against last month, and what it means. */
export interface KpiCard {
  key: FigureName
  label: string
  value: string
  /** '▲ 12' / '▼ 1.5 个百分点' / '持平'; '' when last month has no figure to compare with */
  change: string
  /** green when the change is good for the programme, red when bad */
  tone: 'good' | 'bad' | 'flat'
  help: string
  /** Counted over the whole programme even when a 课别 is chosen */
  programmeWide: boolean
  /** A second line under the figure (e.g. the average spend per active card) */
  note?: string
}

const count = (n: number) => n.toLocaleString('zh-CN')
/** fen → '12,345.00 元' below 10 万元 (the one money style), '123.4 万元' above: a card has little room. */
export function money(fen: number): string {
  const yuan = fen / 100
  return Math.abs(yuan) >= 100_000
    ? `${(yuan / 10_000).toLocaleString('en-US', { maximumFractionDigits: 1 })} 万元`
    : formatYuan(fen)
}
const percent = (share: number) => `${(share * 100).toFixed(1)}%`

interface Spec {
  key: FigureName
  label: string
  format: (v: number) => string
  /** a rise is bad (sleeping members) */
  riseIsBad?: boolean
  /** follows the 课别 filter */
  byDepartment?: boolean
}

const SPECS: Spec[] = [
  { key: 'members', label: '会员数', format: count },
  { key: 'activeCards', label: '活跃卡', format: count },
  { key: 'newCards', label: '本月新开卡', format: count },
  { key: 'sleeping', label: '沉睡会员', format: count, riseIsBad: true },
  { key: 'vipSales', label: 'VIP 销售额', format: money, byDepartment: true },
  { key: 'vipShare', label: 'VIP 业绩占比', format: percent, byDepartment: true },
  { key: 'pointsOutstanding', label: '积分余额', format: count },
]

function changeOf(spec: Spec, now: number | null, before: number | null): Pick<KpiCard, 'change' | 'tone'> {
  if (now == null || before == null) return { change: '', tone: 'flat' }
  // The share moves in percentage points: 25% → 27% is "+2 points", not "+8%".
  const diff = spec.key === 'vipShare' ? Math.round((now - before) * 1000) / 10 : now - before
  if (diff === 0) return { change: '持平', tone: 'flat' }
  const size =
    spec.key === 'vipShare' ? `${Math.abs(diff).toFixed(1)} 个百分点` : spec.format(Math.abs(diff)).replace(/^-/, '')
  const up = diff > 0
  return { change: `${up ? '▲' : '▼'} ${size}`, tone: up !== !!spec.riseIsBad ? 'good' : 'bad' }
}

export function kpiCards(data: DashboardData): KpiCard[] {
  const { current, previous, avgSpendFen } = data.kpi
  return SPECS.map((spec) => {
    const now = current[spec.key]
    const card: KpiCard = {
      key: spec.key,
      label: spec.label,
      value: now == null ? '—' : spec.format(now),
      ...changeOf(spec, now, previous[spec.key]),
      help: FIGURE_HELP[spec.key],
      programmeWide: !!data.department && !spec.byDepartment,
    }
    if (spec.key === 'activeCards' && avgSpendFen != null) {
      card.note = `卡均年消费 ${money(avgSpendFen)}`
      card.help += '；卡均年消费 = 近 12 个月会员消费额 ÷ 活跃卡'
    }
    if (spec.key === 'vipShare' && now == null) card.note = '未录入全店销售'
    return card
  })
}
