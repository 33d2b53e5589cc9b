import { campaignReport, createCampaign } from '../../services/campaigns'
import type { CliContext } from '../context'
import { displayWidth, padCell, UsageError } from '../io'

const yuan = (fen: number) =>
  (fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })

/** `campaign create --name N --sleeping-months 6 [--voucher KIND]`: the segment's members, one voucher each. */
export async function campaignCreateCommand(ctx: CliContext): Promise<void> {
  const { name, sleepingMonths, voucher } = ctx.args
  if (!name?.trim()) throw new UsageError('命令 campaign create 需要 --name 活动名称')
  if (sleepingMonths === undefined)
    throw new UsageError('命令 campaign create 需要 --sleeping-months N（沉睡月数，例如 6）')
  const c = createCampaign(ctx.db, { name, sleepingMonths, voucherKind: voucher }, ctx.actor)
  await ctx.result({ id: c.id, name: c.name, members: c.members, assigned: c.assigned, vouchers: c.vouchers })
  const vouchers = c.vouchers ? `，发券 ${c.vouchers} 张（${voucher}）` : ''
  await ctx.say(
    `已创建唤醒活动 #${c.id}「${c.name}」：${c.members} 名会员，其中 ${c.assigned} 名已交给其维护人${vouchers}。` +
      (c.members > c.assigned ? '其余会员请在程序的"唤醒活动"中分配给员工。' : ''),
  )
}

/** `campaign report ID`: contacted, reached, returned and sales, per caller and in total. */
export async function campaignReportCommand(ctx: CliContext): Promise<void> {
  const raw = ctx.args.words[2]!
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw new UsageError(`活动编号应为正整数，收到"${raw}"`)
  const r = campaignReport(ctx.db, Number(raw))
  await ctx.result(r)
  const head = ['回访人', '名单', '已联系', '接通', '回店', '回店销售（元）', '用券']
  const line = (who: string, f: typeof r) => [
    who,
    String(f.members),
    String(f.contacted),
    String(f.reached),
    String(f.returned),
    yuan(f.salesFen),
    String(f.vouchersUsed),
  ]
  const cells = [...r.callers.map((c) => line(c.staffName ?? '未分配', { ...r, ...c })), line('合计', r)]
  const widths = head.map((h, i) => Math.max(displayWidth(h), ...cells.map((c) => displayWidth(c[i]!))))
  const fmt = (c: string[]) => c.map((x, i) => padCell(x, widths[i]!, i > 0)).join('  ')
  const voucher = r.voucherKind ? `，每人一张${r.voucherKind}` : ''
  await ctx.say(
    [
      `唤醒活动 #${r.id}「${r.name}」（回店：首次回访后 ${r.returnDays} 天内消费${voucher}）`,
      fmt(head),
      ...cells.map(fmt),
    ].join('\n'),
  )
}
