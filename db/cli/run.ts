import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { SYSTEM_ACTOR, type Actor } from '../actor'
import { BUSY_MESSAGE, isAppError, isSqliteBusy, notFound } from '../errors'
import { checkSaveTarget, fileError } from '../fileErrors'
import { fileLogger, logDirOf, type Logger } from '../log'
import type { Db } from '../handle'
import { createJobRunner } from '../jobs/runner'
import { closeDatabase, openDatabase } from '../open'
import { REPORT_READERS, type Role } from '../rules/roles'
import { parseCliArgs, type CliArgs, type CommandOption } from './args'
import { backupCommand, restoreCommand } from './commands/data'
import {
  giftsCatalogueCommand,
  giftsListCommand,
  giftsReceiveCommand,
  giftsRedeemCommand,
  importGiftsCommand,
  stockCheckCommand,
} from './commands/gifts'
import { GIFT_KEEPERS } from '../services/gifts/catalogue'
import { exportGiftsCommand, giftsReportCommand } from './commands/giftReport'
import { cakeListCommand, leagueCommand } from './commands/careLeague'
import { birthdaysCommand } from './commands/birthdays'
import { assignAutoCommand, assignCommand, staffAddCommand } from './commands/careAssign'
import { exportCommand, exportFormatOf, importCommand, listCommand, seedCommand } from './commands/members'
import { importPurchasesCommand, pointsCheckCommand } from './commands/purchases'
import { jobLog, jobsRunCommand } from './commands/jobs'
import { pointsExpireCommand } from './commands/points'
import { cardsRenewDueCommand, tiersReviewCommand } from './commands/tiers'
import { reportKpiCommand } from './commands/reports'
import { reportMonthlyCommand, reportTableCommand } from './commands/reportFiles'
import { importStoreSalesCommand } from './commands/storeSales'
import { settingsStoreCommand } from './commands/settings'
import { departmentsListCommand, importDepartmentsCommand } from './commands/departments'
import { operatorsAddCommand, operatorsListCommand, operatorsResetPasswordCommand } from './commands/operators'
import { ADMIN, actorFor, IMPORTERS, REVEALERS, type CliContext } from './context'
import { POINTS_ADJUSTERS } from '../services/points/adjust'
import { emit, redact, UsageError, type CliIo } from './io'
import { checkPasswordSource } from './password'
import { commandHelp, USAGE } from './usage'

interface Command {
  words: string[]
  /** Takes one FILE argument after the command words. */
  file?: string
  /** Takes other arguments after the command words (e.g. `gifts receive CODE QTY`). */
  operands?: { min: number; max: number; usage: string }
  options?: CommandOption[]
  /** Roles allowed when --operator names someone (the same limits as the app). */
  roles?: readonly Role[]
  /** 'create': a missing database file is created (new store); 'none': the command opens it itself. */
  database: 'existing' | 'create' | 'none'
  /** Reads or writes points or tiers: the daily jobs due since the store's midnight run first. */
  dailyJobs?: true
  /** Asks for a password: on a terminal, or from stdin with --password-stdin (checked before opening). */
  password?: true
  /** Checks the FILE argument before anything is opened (a usage error wins over a missing database). */
  check?(file: string): void
  /** Resolves to the exit code when it is not simply 0 (e.g. `points check` finding differences). */
  run(ctx: CliContext): Promise<void | number>
}

const COMMANDS: Command[] = [
  {
    words: ['seed'],
    options: ['members', 'purchases', 'seed', 'demo'],
    roles: ADMIN,
    database: 'create',
    run: seedCommand,
  },
  { words: ['import', 'members'], file: 'FILE', roles: IMPORTERS, database: 'create', run: importCommand },
  {
    words: ['import', 'purchases'],
    file: 'FILE',
    roles: IMPORTERS,
    database: 'existing',
    dailyJobs: true,
    run: importPurchasesCommand,
  },
  { words: ['points', 'check'], database: 'existing', dailyJobs: true, run: pointsCheckCommand },
  // Anyone may list (masked); the JSON form checks REVEALERS itself as it prints full numbers.
  { words: ['members', 'list'], database: 'existing', dailyJobs: true, run: listCommand },
  {
    words: ['export', 'members'],
    file: 'FILE',
    roles: REVEALERS,
    database: 'existing',
    check: exportFormatOf,
    dailyJobs: true,
    run: exportCommand,
  },
  // Expiry also runs at every app start; the CLI is for scheduled jobs and catching up.
  {
    words: ['points', 'expire'],
    options: ['asOf'],
    roles: POINTS_ADJUSTERS,
    database: 'existing',
    run: pointsExpireCommand,
  },
  // The review and the renewals also run at every app start.
  {
    words: ['tiers', 'review'],
    options: ['asOf'],
    roles: ['admin', 'planner'],
    database: 'existing',
    run: tiersReviewCommand,
  },
  {
    words: ['cards', 'renew-due'],
    options: ['asOf'],
    roles: ['admin', 'planner'],
    database: 'existing',
    run: cardsRenewDueCommand,
  },
  { words: ['import', 'gifts'], file: 'FILE', roles: GIFT_KEEPERS, database: 'existing', run: importGiftsCommand },
  { words: ['gifts', 'list'], database: 'existing', run: giftsListCommand },
  {
    words: ['gifts', 'receive'],
    operands: { min: 2, max: 2, usage: 'CODE QTY [--unit-cost 元 | --unit-cost-fen 分]' },
    options: ['unitCost'],
    roles: GIFT_KEEPERS,
    database: 'existing',
    run: giftsReceiveCommand,
  },
  {
    words: ['gifts', 'redeem'],
    operands: { min: 1, max: 50, usage: '--card 卡号 CODE[xQTY]...' },
    options: ['card'],
    roles: GIFT_KEEPERS,
    database: 'existing',
    dailyJobs: true,
    run: giftsRedeemCommand,
  },
  // Prints nothing personal and writes nothing to the database: anyone may make the catalogue.
  {
    words: ['gifts', 'catalogue'],
    options: ['pdf', 'from', 'until'],
    database: 'existing',
    run: giftsCatalogueCommand,
  },
  {
    words: ['export', 'gifts'],
    file: 'FILE',
    roles: GIFT_KEEPERS,
    database: 'existing',
    check: exportFormatOf,
    run: exportGiftsCommand,
  },
  {
    words: ['gifts', 'report'],
    options: ['month'],
    roles: ['admin', 'planner', 'viproom'],
    database: 'existing',
    run: giftsReportCommand,
  },
  { words: ['stock', 'check'], database: 'existing', run: stockCheckCommand },
  // Read-only figures for the monthly meeting (--pdf writes the printed report).
  { words: ['league'], options: ['month', 'pdf'], database: 'existing', run: leagueCommand },
  { words: ['cake-list'], options: ['month'], database: 'existing', dailyJobs: true, run: cakeListCommand },
  // The programme's figures carry no personal data, but they are the planners' business.
  {
    words: ['report', 'kpi'],
    options: ['month'],
    roles: REPORT_READERS,
    database: 'existing',
    dailyJobs: true,
    run: reportKpiCommand,
  },
  // What the app runs once per store day (backup, expiry, tier review, renewals), for a scheduler.
  { words: ['jobs', 'run'], roles: ['admin', 'planner'], database: 'existing', run: jobsRunCommand },
  {
    words: ['report', 'monthly'],
    options: ['month', 'pdf', 'department'],
    roles: REPORT_READERS,
    database: 'existing',
    dailyJobs: true,
    run: reportMonthlyCommand,
  },
  {
    words: ['report', 'table'],
    operands: {
      min: 1,
      max: 1,
      usage: 'CHART --from YYYY-MM --to YYYY-MM [--department 课别] (--xlsx FILE | --pdf FILE)',
    },
    options: ['from', 'to', 'department', 'xlsx', 'pdf'],
    roles: REPORT_READERS,
    database: 'existing',
    dailyJobs: true,
    run: reportTableCommand,
  },
  { words: ['departments', 'list'], database: 'existing', run: departmentsListCommand },
  // All rows or none, like store sales.
  {
    words: ['import', 'departments'],
    file: 'FILE',
    roles: ['admin', 'planner'],
    database: 'existing',
    run: importDepartmentsCommand,
  },
  // All rows or none: a file with a bad row exits 1 listing every bad cell.
  {
    words: ['import', 'store-sales'],
    file: 'FILE',
    roles: IMPORTERS,
    database: 'existing',
    run: importStoreSalesCommand,
  },
  // The list has no phone numbers; --sms (full numbers) and --pdf (a recorded print run) check BIRTHDAY_SENDERS.
  {
    words: ['birthdays'],
    options: ['month', 'sms', 'pdf', 'design', 'labels', 'offset', 'reprint', 'testPrint'],
    database: 'existing',
    run: birthdaysCommand,
  },
  {
    words: ['staff', 'add'],
    operands: { min: 1, max: 1, usage: 'NAME --department 部门 --hire-date YYYY-MM-DD [--capacity N] [--phone 手机]' },
    options: ['department', 'hireDate', 'capacity', 'phone'],
    roles: ['admin', 'planner'],
    database: 'existing',
    run: staffAddCommand,
  },
  // Before `assign`: commands are matched by their leading words.
  {
    words: ['assign', 'auto'],
    options: ['apply'],
    roles: ['admin', 'planner'],
    database: 'existing',
    run: assignAutoCommand,
  },
  {
    words: ['assign'],
    options: ['card', 'staff', 'from'],
    roles: ['admin', 'planner'],
    database: 'existing',
    run: assignCommand,
  },
  // How a fresh store server gets its first administrator: a missing database file is created.
  {
    words: ['operators', 'add'],
    operands: { min: 1, max: 1, usage: 'NAME --role admin|planner|viproom|clerk [--password-stdin]' },
    options: ['role', 'passwordStdin'],
    roles: ADMIN,
    database: 'create',
    password: true,
    run: operatorsAddCommand,
  },
  // With no option it only shows the values; the service checks each given one.
  {
    words: ['settings', 'store'],
    options: ['name', 'address', 'postcode', 'phone'],
    roles: ADMIN,
    database: 'existing',
    run: settingsStoreCommand,
  },
  { words: ['operators', 'list'], roles: ADMIN, database: 'existing', run: operatorsListCommand },
  {
    words: ['operators', 'reset-password'],
    operands: { min: 1, max: 1, usage: 'NAME [--password-stdin]' },
    options: ['passwordStdin'],
    roles: ADMIN,
    database: 'existing',
    password: true,
    run: operatorsResetPasswordCommand,
  },
  { words: ['backup'], file: 'FILE', roles: ADMIN, database: 'existing', run: backupCommand },
  { words: ['restore'], file: 'FILE', roles: ADMIN, database: 'none', run: restoreCommand },
]

const HINT = '运行 npm run cli -- help 查看用法。'

/** Whether the words begin with a whole command (`gifts list …`), not only a group's first word (`gifts`). */
const isCommand = (words: readonly string[]) => COMMANDS.some((c) => c.words.every((w, i) => words[i] === w))

function findCommand(args: CliArgs): { command: Command; file: string | undefined } {
  const words = args.words
  const command = COMMANDS.find((c) => c.words.every((w, i) => words[i] === w))
  if (!command) {
    const typed = words.slice(0, 2).join(' ')
    throw new UsageError(`未知命令：${typed}`)
  }
  const rest = words.slice(command.words.length)
  const name = command.words.join(' ')
  if (command.file && rest.length !== 1) throw new UsageError(`命令 ${name} 需要一个文件参数：${name} ${command.file}`)
  const ops = command.operands
  if (ops && (rest.length < ops.min || rest.length > ops.max))
    throw new UsageError(`命令 ${name} 的用法：${name} ${ops.usage}`)
  if (!command.file && !ops && rest.length) throw new UsageError(`命令 ${name} 不接受参数"${rest.join(' ')}"`)
  for (const opt of [
    'members',
    'purchases',
    'seed',
    'asOf',
    'unitCost',
    'card',
    'pdf',
    'from',
    'until',
    'to',
    'xlsx',
    'month',
    'department',
    'hireDate',
    'capacity',
    'phone',
    'staff',
    'sms',
    'design',
    'labels',
    'offset',
    'role',
  ] as const) {
    if (args[opt] !== undefined && !command.options?.includes(opt)) {
      const flag = opt === 'asOf' ? 'as-of' : opt === 'unitCost' ? 'unit-cost' : opt === 'hireDate' ? 'hire-date' : opt
      throw new UsageError(`命令 ${name} 不接受选项 --${flag}`)
    }
  }
  if (args.apply && !command.options?.includes('apply')) throw new UsageError(`命令 ${name} 不接受选项 --apply`)
  if (args.reprint && !command.options?.includes('reprint')) throw new UsageError(`命令 ${name} 不接受选项 --reprint`)
  if (args.demo && !command.options?.includes('demo')) throw new UsageError(`命令 ${name} 不接受选项 --demo`)
  if (args.passwordStdin && !command.options?.includes('passwordStdin'))
    throw new UsageError(`命令 ${name} 不接受选项 --password-stdin`)
  if (command.file && rest[0] !== undefined) command.check?.(rest[0])
  if (name === 'seed' && !args.demo && args.members === undefined && args.purchases === undefined)
    throw new UsageError(
      '命令 seed 需要 --members N（要生成的会员数）、--purchases N（要生成的消费行数）或 --demo（整套示例数据）',
    )
  if (name === 'operators add' && args.role === undefined)
    throw new UsageError('命令 operators add 需要 --role admin|planner|viproom|clerk（管理员、企划、贵宾室、文员）')
  return { command, file: command.file ? rest[0] : undefined }
}

function dbFileOf(args: CliArgs, io: CliIo): string {
  const file = args.db ?? io.env.VIPDESK_DB
  if (!file) {
    throw new UsageError(
      '未指定数据库文件：请用 --db 文件路径 指定（例如 --db ./vipdesk.sqlite），或设置环境变量 VIPDESK_DB。',
    )
  }
  return resolve(io.cwd ?? process.cwd(), file)
}

/**
 * Runs one CLI invocation and returns its exit code: 0 done, 1 the command failed (an AppError or
 * an unexpected error), 2 the command line itself was wrong. Nothing here calls process.exit, so
 * tests run it in-process and main.ts can let stdout drain.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let json = argv.includes('--json')
  let db: Db | undefined
  /** Where unexpected failures are logged: beside the database once it has been opened. */
  let log: Logger | undefined
  let commandName = ''
  try {
    const args = parseCliArgs(argv)
    json = args.json
    const helpWords = args.words[0] === 'help' ? args.words.slice(1) : args.words
    if (args.help || args.words[0] === 'help' || !isCommand(args.words)) {
      // `birthdays --help`, `help gifts`, or a group's first word alone (`gifts`): that part of the usage.
      const text = helpWords.length ? commandHelp(helpWords) : USAGE
      if (text === null && (args.help || args.words[0] === 'help'))
        throw new UsageError(`未知命令：${helpWords.join(' ')}`)
      if (text !== null) {
        await emit(io.stdout, text)
        return 0
      }
    }
    const { command, file } = findCommand(args)
    commandName = command.words.join(' ')
    const dbFile = dbFileOf(args, io)
    // Before the database is opened (or created): a script must not wait for a prompt it cannot answer.
    if (command.password) checkPasswordSource(commandName, args, io)
    if (command.database === 'existing' && !existsSync(dbFile)) throw notFound(`找不到数据库文件：${dbFile}`)
    let actor: Actor = SYSTEM_ACTOR
    if (command.database !== 'none') {
      db = openDatabase(dbFile)
      log = fileLogger(logDirOf(dbFile))
      actor = actorFor(db, args.operator, command.roles)
      if (command.dailyJobs) createJobRunner({ db: () => db!, log: jobLog({ io }) }).ensureToday()
    }
    // An output file's folder is checked before any work (a PDF takes seconds to render).
    for (const out of [args.pdf, args.sms, args.xlsx]) if (out) checkSaveTarget(resolve(io.cwd ?? process.cwd(), out))
    const ctx: CliContext = {
      io,
      args,
      json,
      dbFile,
      db: db!,
      actor,
      file: file === undefined ? '' : resolve(io.cwd ?? process.cwd(), file),
      say: async (text) => {
        if (!json) await emit(io.stdout, text.endsWith('\n') ? text : `${text}\n`)
      },
      result: async (value) => {
        if (json) await emit(io.stdout, `${JSON.stringify(value)}\n`)
      },
    }
    return (await command.run(ctx)) ?? 0
  } catch (e) {
    if (e instanceof UsageError) {
      await report(io, json, 'usage', e.message, `${e.message}\n${HINT}`)
      return 2
    }
    if (isAppError(e)) {
      await report(io, json, e.kind, e.message, e.message)
      return 1
    }
    const onFile = fileError(e, undefined, 'access')
    if (onFile) {
      await report(io, json, onFile.kind, onFile.message, onFile.message)
      return 1
    }
    // Only the command's name and the error's own text: the command line may hold personal data.
    log?.(`[cli ${commandName}] ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`)
    if (isSqliteBusy(e)) {
      // SQLite already waited busy_timeout; a script gets the same words as the desk.
      await report(io, json, 'busy', BUSY_MESSAGE, BUSY_MESSAGE)
      return 1
    }
    const message = e instanceof Error ? e.message : String(e)
    await report(io, json, 'internal', message, `意外错误：${message}`)
    return 1
  } finally {
    if (db) closeDatabase(db)
  }
}

async function report(io: CliIo, json: boolean, kind: string, message: string, text: string): Promise<void> {
  await emit(io.stderr, `${redact(text)}\n`)
  if (json) await emit(io.stdout, `${JSON.stringify({ error: { kind, message: redact(message) } })}\n`)
}
