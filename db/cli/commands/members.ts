import { extname } from 'node:path'
import { forbidden } from '../../errors'
import { STATUS_LABELS } from '../../rules/members'
import { seedMembers } from '../../seed'
import { DEMO_MEMBERS, seedDemo } from '../../seed/demo'
import { seedPurchases } from '../../seed/purchases'
import { photosDirOf } from '../../services/gifts/photos'
import { recordAudit } from '../../services/audit'
import { toExportRecord, toListItem, type MemberRowRaw } from '../../services/members'
import { exportMembers } from '../../services/members/export'
import { commitMemberImport, guessMapping } from '../../services/members/import'
import { REVEALERS, type CliContext } from '../context'
import { emit, padCell, UsageError } from '../io'
import { runSheetImport } from '../sheetImport'

const secsSince = (t: number) => ((performance.now() - t) / 1000).toFixed(1)

/** `seed --demo`: the whole demo store, members included, into an empty database. */
async function seedDemoCommand(ctx: CliContext, seeds: { seed?: number }): Promise<void> {
  const started = performance.now()
  const r = seedDemo(
    ctx.db,
    {
      members: ctx.args.members ?? DEMO_MEMBERS,
      purchases: ctx.args.purchases,
      photosDir: photosDirOf(ctx.dbFile),
      ...seeds,
    },
    ctx.actor,
  )
  await ctx.say(
    `已生成示例数据（用时 ${secsSince(started)} 秒）：会员 ${r.members} 名，消费 ${r.purchases} 行；` +
      `礼品 ${r.gifts} 种（含照片与库存），发放 ${r.issued} 件，兑换 ${r.redemptions} 单；` +
      `维护人 ${r.staff} 名，分配VIP ${r.assigned} 位，维护记录 ${r.contacts} 条；` +
      `全店销售 ${r.storeSales} 条（近 13 个月）；本月生日贺卡 ${r.birthdayCards} 张。`,
  )
  await ctx.result(r)
}

/** Members first (when asked), then purchase history for every member in the database. */
export async function seedCommand(ctx: CliContext): Promise<void> {
  const seeds = ctx.args.seed === undefined ? {} : { seed: ctx.args.seed }
  if (ctx.args.demo) return seedDemoCommand(ctx, seeds)
  let result: Record<string, number> = {}
  if (ctx.args.members !== undefined) {
    const started = performance.now()
    result = seedMembers(ctx.db, { members: ctx.args.members, ...seeds }, ctx.actor)
    await ctx.say(`已生成 ${result.members} 名示例会员（用时 ${secsSince(started)} 秒）。`)
  }
  if (ctx.args.purchases !== undefined) {
    const started = performance.now()
    const p = seedPurchases(ctx.db, { purchases: ctx.args.purchases, ...seeds }, ctx.actor)
    await ctx.say(
      `已生成 ${p.purchases} 行示例消费（${p.receipts} 张小票，其中退货 ${p.returns} 张；用时 ${secsSince(started)} 秒）。`,
    )
    result = { ...result, ...p }
  }
  await ctx.result(result)
}

export async function importCommand(ctx: CliContext): Promise<number> {
  return runSheetImport(
    ctx,
    (sheet, onProgress) => commitMemberImport(ctx.db, sheet, guessMapping(sheet.headers), ctx.actor, onProgress),
    (r, bad) => `导入完成：新增 ${r.inserted} 名，更新 ${r.updated} 名，未导入 ${bad} 行。`,
  )
}

/** Members are read in card-number order a page at a time, so 100,000 never sit in memory. */
const PAGE = 1000

function* memberPages(ctx: CliContext): Generator<MemberRowRaw[]> {
  const next = ctx.db.sqlite.prepare('SELECT * FROM members WHERE card_no > ? ORDER BY card_no LIMIT ?')
  let after = ''
  for (;;) {
    const rows = next.all(after, PAGE) as MemberRowRaw[]
    if (!rows.length) return
    yield rows
    after = rows[rows.length - 1]!.card_no
  }
}

const COLUMNS: [string, number, boolean?][] = [
  ['卡号', 14],
  ['姓名', 10],
  ['性别', 4],
  ['手机', 12],
  ['生日', 18],
  ['等级', 7],
  ['状态', 7],
  ['积分', 8, true],
]

export async function listCommand(ctx: CliContext): Promise<void> {
  const out = ctx.io.stdout
  const total = ctx.db.sqlite.prepare('SELECT count(*) FROM members').pluck().get() as number
  if (ctx.json) {
    // The JSON carries full phone and ID numbers: the same limit and audit as revealing them in the app.
    if (ctx.args.operator && !REVEALERS.includes(ctx.actor.role)) {
      throw forbidden(`操作员"${ctx.actor.name}"的角色无权查看完整手机号和身份证号`)
    }
    recordAudit(
      ctx.db,
      ctx.actor,
      'export',
      'member',
      null,
      `命令行输出完整会员资料 ${total} 条（members list --json）`,
    )
    let first = true
    await emit(out, '[')
    for (const rows of memberPages(ctx)) {
      const chunk = rows.map((r) => JSON.stringify(toExportRecord(r))).join(',\n')
      await emit(out, `${first ? '\n' : ',\n'}${chunk}`)
      first = false
    }
    await emit(out, first ? ']\n' : '\n]\n')
    return
  }
  const row = (cells: string[]) =>
    COLUMNS.map(([, w, right], i) => padCell(cells[i]!, w, right))
      .join(' ')
      .trimEnd()
  await emit(out, `${row(COLUMNS.map(([h]) => h))}\n`)
  for (const rows of memberPages(ctx)) {
    const lines = rows.map((r) => {
      const m = toListItem(r)
      return row([
        m.cardNo,
        m.name,
        m.gender ?? '',
        m.phone ?? '',
        m.birthdayText ?? '',
        m.tier,
        STATUS_LABELS[m.status],
        String(m.points),
      ])
    })
    await emit(out, `${lines.join('\n')}\n`)
  }
  await emit(out, `共 ${total} 名会员（手机号已遮蔽；用 --json 输出完整资料）\n`)
}

/** The export format follows the file name; checked before the database is opened. */
export function exportFormatOf(file: string): 'xlsx' | 'csv' {
  const ext = extname(file).toLowerCase()
  if (ext !== '.xlsx' && ext !== '.csv') throw new UsageError('导出文件名须以 .xlsx 或 .csv 结尾')
  return ext === '.xlsx' ? 'xlsx' : 'csv'
}

export async function exportCommand(ctx: CliContext): Promise<void> {
  const format = exportFormatOf(ctx.file)
  const result = await exportMembers(ctx.db, { file: ctx.file, format, filter: {}, full: true }, ctx.actor)
  await ctx.say(`已导出 ${result.count} 名会员到 ${result.file}`)
  await ctx.result({ file: result.file, count: result.count })
}
