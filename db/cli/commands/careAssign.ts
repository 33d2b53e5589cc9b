import {
  addStaff,
  applyAutoAssign,
  assignMember,
  memberIdByCardNo,
  moveMember,
  openAssignmentOf,
  proposeAutoAssign,
  staffByName,
} from '../../services/care'
import { getSettings } from '../../services/settings'
import type { CliContext } from '../context'
import { displayWidth, padCell, UsageError } from '../io'

/** `staff add NAME --department D --hire-date YYYY-MM-DD [--capacity N] [--phone P]` */
export async function staffAddCommand(ctx: CliContext): Promise<void> {
  const [name] = ctx.args.words.slice(2) as [string]
  const { department, hireDate, capacity, phone } = ctx.args
  if (!department) throw new UsageError('命令 staff add 需要 --department 部门（例如 营业一课）')
  if (!hireDate) throw new UsageError('命令 staff add 需要 --hire-date 入职日期（YYYY-MM-DD）')
  const s = addStaff(ctx.db, { name, department: department as never, hireDate, capacity, phone }, ctx.actor)
  await ctx.result({
    name: s.name,
    department: s.department,
    hireDate: s.hireDate,
    capacity: s.capacity,
    eligible: s.eligible,
  })
  const note = s.eligible ? '可以维护VIP' : `入职未满 ${getSettings(ctx.db).care.minServiceMonths} 个月，暂不能维护VIP`
  await ctx.say(`已登记维护人 ${s.name}（${s.department}，入职 ${s.hireDate}，名额 ${s.capacity} 位）：${note}。`)
}

/** `assign --card CARDNO --staff NAME [--from YYYY-MM-DD]`: gives the member to them, or moves them there. */
export async function assignCommand(ctx: CliContext): Promise<void> {
  const { card, staff, from } = ctx.args
  if (!card) throw new UsageError('命令 assign 需要 --card 会员卡号')
  if (!staff) throw new UsageError('命令 assign 需要 --staff 维护人姓名')
  const memberId = memberIdByCardNo(ctx.db, card)
  const staffId = staffByName(ctx.db, staff).id
  const input = { memberId, staffId, from, reason: '命令行分配' }
  const r = openAssignmentOf(ctx.db, memberId)
    ? moveMember(ctx.db, input, ctx.actor)
    : assignMember(ctx.db, input, ctx.actor)
  await ctx.result({ cardNo: r.cardNo, staff: r.staffName, previousStaff: r.previousStaffName, from: r.from })
  const was = r.previousStaffName ? `（原维护人 ${r.previousStaffName}）` : ''
  await ctx.say(`会员 ${r.cardNo} 自 ${r.from} 起由 ${r.staffName} 维护${was}。`)
}

const yuan = (fen: number) =>
  (fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })

/** `assign auto [--apply]`: prints the proposal; --apply writes it as proposed, in one transaction. */
export async function assignAutoCommand(ctx: CliContext): Promise<void> {
  const proposal = proposeAutoAssign(ctx.db)
  const measure = getSettings(ctx.db).care.highValue.measure
  const show = (v: number) => (measure === 'points' ? `${v.toLocaleString('en-US')} 分` : `${yuan(v)} 元`)
  const rows = proposal.rows.map((r) => ({
    cardNo: r.cardNo,
    name: r.name,
    value: r.value,
    department: r.department,
    staff: r.staffName,
    previousStaff: r.currentStaffName,
    reason: r.reason,
  }))
  if (ctx.args.apply && rows.length) {
    const rowsIn = proposal.rows.map((r) => ({
      memberId: r.memberId,
      staffId: r.staffId,
      currentStaffId: r.currentStaffId,
    }))
    applyAutoAssign(ctx.db, { rows: rowsIn }, ctx.actor)
  }
  await ctx.result(rows)
  const waiting = proposal.unplaced.length
  const tail = waiting ? `另有 ${waiting} 位没有可分配的维护人（名额已满或无合格维护人）。` : ''
  if (!rows.length) return ctx.say(`没有待分配的高端会员。${tail}`)
  const head = ['卡号', '姓名', '价值', '常购部门', '建议维护人', '原因']
  const cells = rows.map((r) => [r.cardNo, r.name, show(r.value), r.department ?? '-', r.staff, r.reason])
  const widths = head.map((h, i) => Math.max(displayWidth(h), ...cells.map((c) => displayWidth(c[i]!))))
  const line = (c: string[]) => c.map((x, i) => padCell(x, widths[i]!, i === 2)).join('  ')
  const done = ctx.args.apply ? `已分配 ${rows.length} 位VIP。` : `共 ${rows.length} 位；加 --apply 按此方案分配。`
  await ctx.say([line(head), ...cells.map(line), done + tail].join('\n'))
}
