import { storeDayInt } from '../../clock'
import { dayString } from '../../rules/dates'
import { expirePoints } from '../../services/points/expiry'
import type { CliContext } from '../context'

/** `points expire [--as-of YYYY-MM-DD]`: lapses what is due by that day (today by default). */
export async function pointsExpireCommand(ctx: CliContext): Promise<void> {
  const asOf = ctx.args.asOf ?? dayString(storeDayInt(ctx.db))
  const run = expirePoints(ctx.db, { asOf }, ctx.actor)
  await ctx.say(
    run.members
      ? `已处理截至 ${asOf} 到期的积分：${run.members} 名会员，共 ${run.points.toLocaleString('en-US')} 分过期`
      : `截至 ${asOf} 没有需要过期的积分`,
  )
  await ctx.result(run)
}
