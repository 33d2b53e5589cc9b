import { writeFileExplained } from '../../fileErrors'
import { resolve } from 'node:path'
import { leagueReportHtml } from '../../print/leagueReport'
import { formatAverage } from '../../rules/care'
import { cakeList, monthlyLeague } from '../../services/care'
import type { CliContext } from '../context'
import { displayWidth, padCell, UsageError } from '../io'

function month(ctx: CliContext, command: string): string {
  const m = ctx.args.month
  if (m === undefined) throw new UsageError(`命令 ${command} 需要 --month YYYY-MM（要看的月份）`)
  if (!/^\d{4}-\d{2}$/.test(m)) throw new UsageError(`选项 --month 应为 YYYY-MM 格式的月份，收到"${m}"`)
  return m
}

function table(head: string[], rows: string[][], right: number[]): string[] {
  const widths = head.map((h, i) => Math.max(displayWidth(h), ...rows.map((c) => displayWidth(c[i]!))))
  const line = (c: string[]) => c.map((x, i) => padCell(x, widths[i]!, right.includes(i))).join('  ')
  return [line(head), ...rows.map(line)]
}

/**
 * `league --month YYYY-MM [--pdf FILE]`: the monthly league. --json gives exactly
 * [{staff, vips, purchases, average, rank}] by rank; --pdf writes the meeting report.
 */
export async function leagueCommand(ctx: CliContext): Promise<void> {
  const m = month(ctx, 'league')
  const league = monthlyLeague(ctx.db, { month: m })
  if (ctx.args.pdf) {
    const file = resolve(ctx.io.cwd ?? process.cwd(), ctx.args.pdf)
    const doc = leagueReportHtml(ctx.db, { month: m })
    // Loaded only here: the other commands need no browser driver.
    const { htmlToPdf } = await import('../../print/chromium')
    const pdf = await htmlToPdf(doc.html, ctx.io.env)
    writeFileExplained(file, pdf)
    await ctx.result({ file, month: doc.month, maintainers: doc.maintainers, bytes: pdf.length })
    return ctx.say(`月度评比报告已保存到 ${file}：${doc.month}，${doc.maintainers} 位维护人。`)
  }
  await ctx.result(
    league.rows.map((r) => ({
      staff: r.staff,
      vips: r.vips,
      purchases: r.purchases,
      average: r.average,
      rank: r.rank,
    })),
  )
  if (!league.rows.length) return ctx.say(`${league.month} 没有维护人名下的VIP，无评比结果。`)
  const rows = league.rows.map((r) => [
    `${r.rank}${r.tied ? '=' : ''}`,
    r.staff + (r.active ? '' : '（已离职）'),
    String(r.vips),
    String(r.purchases),
    formatAverage(r.average),
    (r.spendFen / 100).toFixed(2),
    r.winner ? '★ 冠军' : '',
  ])
  await ctx.say(
    [
      `月度评比 ${league.month}（人均 = 交易笔数 ÷ 维护VIP数，退货不计；= 表示并列）`,
      '',
      ...table(['名次', '维护人', 'VIP数', '交易笔数', '人均', '消费(元)', ''], rows, [0, 2, 3, 4, 5]),
    ].join('\n'),
  )
}

/** `cake-list --month YYYY-MM`: the month's birthday cake list; --json gives the documented fields. */
export async function cakeListCommand(ctx: CliContext): Promise<void> {
  const list = cakeList(ctx.db, { month: month(ctx, 'cake-list') })
  const rows = list.rows.filter((r) => r.inTop)
  await ctx.result(
    rows.map((r) => ({
      cardNo: r.cardNo,
      name: r.name,
      points: r.points,
      birthdayThisYear: r.birthdayThisYear,
      maintainer: r.maintainer,
    })),
  )
  if (!rows.length) return ctx.say(`${list.month} 没有生日在本月的有效会员。`)
  await ctx.say(
    [
      `生日蛋糕 ${list.month}：积分最高的 ${rows.length} 位${list.skipLastYear ? `（已跳过去年同月已送的 ${list.skipped} 位）` : ''}`,
      '',
      ...table(
        ['卡号', '姓名', '积分', '今年生日', '历法', '维护人'],
        rows.map((r) => [
          r.cardNo,
          r.name,
          r.points.toLocaleString('en-US'),
          r.birthdayThisYear,
          r.lunar ? '农历' : '公历',
          r.maintainer ?? '-',
        ]),
        [2],
      ),
    ].join('\n'),
  )
}
