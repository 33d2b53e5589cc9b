import { storeDayInt } from '../../clock'
import { dayString, parseIsoDay, ymdToInt } from '../../rules/dates'
import { reviewTiers } from '../../services/tiers/review'
import { renewDueCards } from '../../services/tiers/validity'
import { validationError } from '../../errors'
import type { CliContext } from '../context'

/** `tiers review [--as-of YYYY-MM-DD]`: the yearly review due by that day; a second run changes nothing. */
export async function tiersReviewCommand(ctx: CliContext): Promise<void> {
  const asOf = ctx.args.asOf ?? dayString(storeDayInt(ctx.db))
  const run = reviewTiers(ctx.db, { asOf }, ctx.actor)
  await ctx.say(
    run.alreadyRan
      ? `${run.reviewDay} 的年度评级已经做过，本次未作改动`
      : `已完成 ${run.reviewDay} 的年度评级：${run.checked} 名会员，升级 ${run.upgraded}，降级 ${run.downgraded}`,
  )
  await ctx.result(run)
}

/** `cards renew-due [--as-of YYYY-MM-DD]`: automatic renewals of cards lapsed by that day. */
export async function cardsRenewDueCommand(ctx: CliContext): Promise<void> {
  const asOf = ctx.args.asOf ?? dayString(storeDayInt(ctx.db))
  const day = parseIsoDay(asOf)
  if (day === null) throw validationError('日期应为 YYYY-MM-DD 格式的有效日期')
  const run = renewDueCards(ctx.db, { asOf: ymdToInt(day) }, ctx.actor)
  await ctx.say(`截至 ${asOf}：新设有效期 ${run.assigned} 张，检查过期卡 ${run.checked} 张，自动续期 ${run.renewed} 张`)
  await ctx.result(run)
}
