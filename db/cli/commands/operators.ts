import { conflict, notFound } from '../../errors'
import { createOperator, listOperators, updateOperator, type OperatorInfo } from '../../services/operators'
import type { CliContext } from '../context'
import { padCell } from '../io'
import { readNewPassword } from '../password'

/** The one shape `operators list --json` promises (and `operators add --json` prints for its operator). */
const toJson = (o: OperatorInfo) => ({ id: o.id, name: o.name, role: o.role, roleLabel: o.roleLabel, active: o.active })

const nameOperand = (ctx: CliContext) => ctx.args.words[2]!.trim()

/**
 * `operators add NAME --role ROLE [--password-stdin]`: how a fresh store server gets its first
 * administrator (the database file is created if needed), and any later operator.
 */
export async function operatorsAddCommand(ctx: CliContext): Promise<void> {
  const name = nameOperand(ctx)
  // Said before the password is typed twice; createOperator checks again in its transaction.
  if (listOperators(ctx.db).some((o) => o.name === name)) throw conflict(`用户名"${name}"已存在`)
  const password = await readNewPassword(ctx.args, ctx.io)
  const op = createOperator(ctx.db, { name, password, role: ctx.args.role! }, ctx.actor)
  await ctx.result(toJson(op))
  await ctx.say(`已新建操作员 ${op.name}（${op.roleLabel}），编号 ${op.id}。`)
}

/** `operators list`: every operator, active or not, in the order they were created. */
export async function operatorsListCommand(ctx: CliContext): Promise<void> {
  const ops = listOperators(ctx.db)
  await ctx.result(ops.map(toJson))
  if (ctx.json) return
  if (!ops.length) return ctx.say('还没有操作员。用 operators add NAME --role admin 创建第一个管理员。')
  const head = `${padCell('编号', 6, true)}  ${padCell('用户名', 20)}  ${padCell('角色', 8)}  状态`
  const lines = ops.map(
    (o) =>
      `${padCell(String(o.id), 6, true)}  ${padCell(o.name, 20)}  ${padCell(o.roleLabel, 8)}  ${o.active ? '启用' : '停用'}`,
  )
  await ctx.say([head, ...lines, `共 ${ops.length} 名操作员。`].join('\n'))
}

/** `operators reset-password NAME [--password-stdin]`: a new password; their logins end (updateOperator). */
export async function operatorsResetPasswordCommand(ctx: CliContext): Promise<void> {
  const name = nameOperand(ctx)
  const target = listOperators(ctx.db).find((o) => o.name === name)
  if (!target) throw notFound(`找不到操作员"${name}"`)
  const password = await readNewPassword(ctx.args, ctx.io)
  const op = updateOperator(ctx.db, { id: target.id, password }, ctx.actor)
  await ctx.result(toJson(op))
  await ctx.say(`已重设 ${op.name} 的密码；其已登录的设备须用新密码重新登录。`)
}
