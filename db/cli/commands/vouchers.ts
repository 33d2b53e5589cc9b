import { storeZone } from '../../clock'
import { formatZoned } from '../../rules/storeClock'
import { VOUCHER_STATUSES, VOUCHER_STATUS_LABELS, type VoucherStatus } from '../../rules/vouchers'
import { listVouchers, redeemPointsForVouchers, useVoucher } from '../../services/vouchers'
import type { CliContext } from '../context'
import { displayWidth, padCell, UsageError } from '../io'

const yuan = (fen: number) => `${(fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })} 元`

/** `vouchers redeem-points --card CARDNO --value YUAN [--count N] [--ignore-window --reason TEXT]` */
export async function vouchersRedeemPointsCommand(ctx: CliContext): Promise<void> {
  const a = ctx.args
  if (!a.card) throw new UsageError('命令 vouchers redeem-points 需要 --card 会员卡号')
  if (a.value === undefined) throw new UsageError('命令 vouchers redeem-points 需要 --value 券面值（元）')
  if (a.reason !== undefined && !a.ignoreWindow) throw new UsageError('选项 --reason 只与 --ignore-window 一起使用')
  const out = redeemPointsForVouchers(
    ctx.db,
    { cardNo: a.card, valueFen: a.value, count: a.count ?? 1, ignoreWindow: a.ignoreWindow, reason: a.reason ?? '' },
    ctx.actor,
  )
  await ctx.result(out)
  const points = out.reduce((s, v) => s + v.pointsUsed, 0)
  await ctx.say(
    [
      `卡号 ${a.card} 用 ${points.toLocaleString('en-US')} 分兑换 ${out.length} 张券：`,
      ...out.map((v) => `  ${v.voucherNo}  ${v.kind} ${yuan(v.valueFen)}  有效期至 ${v.validUntil}`),
    ].join('\n'),
  )
}

/** `vouchers use VOUCHERNO [--receipt NO]` */
export async function vouchersUseCommand(ctx: CliContext): Promise<void> {
  const [no] = ctx.args.words.slice(2) as [string]
  const v = useVoucher(
    ctx.db,
    { voucherNo: no, ...(ctx.args.receipt ? { receiptNo: ctx.args.receipt } : {}) },
    ctx.actor,
    'cli',
  )
  await ctx.result({ voucherNo: v.voucherNo, status: v.status })
  await ctx.say(
    `已核销券 ${v.voucherNo}（${v.kind} ${yuan(v.valueFen)}，卡号 ${v.cardNo}）${v.usedReceiptNo ? `，单号 ${v.usedReceiptNo}` : ''}`,
  )
}

function statusOf(text: string | undefined): VoucherStatus | undefined {
  if (text === undefined) return undefined
  if ((VOUCHER_STATUSES as readonly string[]).includes(text)) return text as VoucherStatus
  throw new UsageError(`选项 --status 应为 ${VOUCHER_STATUSES.join('、')} 之一，收到"${text}"`)
}

/** `vouchers list [--card CARDNO] [--status issued|used|expired|voided]`: newest first. */
export async function vouchersListCommand(ctx: CliContext): Promise<void> {
  const status = statusOf(ctx.args.status)
  const zone = storeZone(ctx.db)
  const rows = listVouchers(ctx.db, {
    ...(ctx.args.card ? { cardNo: ctx.args.card } : {}),
    ...(status ? { status } : {}),
    limit: 100_000,
  })
  await ctx.result(
    rows.map((v) => ({
      voucherNo: v.voucherNo,
      kind: v.kind,
      valueFen: v.valueFen,
      cardNo: v.cardNo,
      status: v.status,
      issuedAt: formatZoned(v.issuedAt, zone),
      validUntil: v.validUntil,
      usedAt: v.usedAt === null ? null : formatZoned(v.usedAt, zone),
    })),
  )
  if (!rows.length) return ctx.say('没有符合条件的券。')
  const head = ['券号', '券种', '面值', '卡号', '状态', '发放时间', '有效期至', '使用时间']
  const cells = rows.map((v) => [
    v.voucherNo,
    v.kind,
    yuan(v.valueFen),
    v.cardNo,
    VOUCHER_STATUS_LABELS[v.status],
    formatZoned(v.issuedAt, zone),
    v.validUntil,
    v.usedAt === null ? '' : formatZoned(v.usedAt, zone),
  ])
  const widths = head.map((h, i) => Math.max(displayWidth(h), ...cells.map((c) => displayWidth(c[i]!))))
  const line = (c: string[]) => c.map((x, i) => padCell(x, widths[i]!, i === 2)).join('  ')
  const total = rows.reduce((s, v) => s + v.valueFen, 0)
  await ctx.say([line(head), ...cells.map(line), `共 ${rows.length} 张，面值合计 ${yuan(total)}。`].join('\n'))
}
