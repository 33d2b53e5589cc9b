import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { SYSTEM_ACTOR, type Actor } from '../actor'
import { BUSY_MESSAGE, isAppError, isSqliteBusy, notFound } from '../errors'
import { checkSaveTarget, fileError } from '../fileErrors'
import { fileLogger, logDirOf, type Logger } from '../log'
import type { Db } from '../handle'
import { createJobRunner } from '../jobs/runner'
import { closeDatabase, openDatabase } from '../open'
import { parseCliArgs, type CliArgs } from './args'
import { COMMANDS, type Command } from './commandTable'
import { jobLog } from './commands/jobs'
import { actorFor, type CliContext } from './context'
import { emit, redact, UsageError, type CliIo } from './io'
import { checkPasswordSource } from './password'
import { commandHelp, USAGE } from './usage'

const HINT = '运行 npm run cli -- help 查看用法。'

/** Whether the words begin with a whole command (`gifts list …`), not only a group's first word (`gifts`). */
const isCommand = (words: readonly string[]) => COMMANDS.some((c) => c.words.every((w, i) => words[i] === w))

function findCommand(args: CliArgs): { command: Command; file: string | undefined } {
  const words = args.words
  const FLAGS: Partial<Record<string, string>> = {
    asOf: 'as-of',
    unitCost: 'unit-cost',
    hireDate: 'hire-date',
    sleepingMonths: 'sleeping-months',
  }
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
    'sleepingMonths',
    'voucher',
    'value',
    'count',
    'reason',
    'receipt',
    'status',
  ] as const) {
    if (args[opt] !== undefined && !command.options?.includes(opt)) {
      const flag = FLAGS[opt] ?? opt
      throw new UsageError(`命令 ${name} 不接受选项 --${flag}`)
    }
  }
  if (args.apply && !command.options?.includes('apply')) throw new UsageError(`命令 ${name} 不接受选项 --apply`)
  if (args.reprint && !command.options?.includes('reprint')) throw new UsageError(`命令 ${name} 不接受选项 --reprint`)
  if (args.ignoreWindow && !command.options?.includes('ignoreWindow'))
    throw new UsageError(`命令 ${name} 不接受选项 --ignore-window`)
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
