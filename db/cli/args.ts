import { parseArgs } from 'node:util'
import { ROLES, ROLE_LABELS, type Role } from '../rules/roles'
import { yuanTextToFen } from '../rules/storeSales'
import { UsageError } from './io'

/** The command line once read: command words and file in `words`, options by name. */
export interface CliArgs {
  words: string[]
  db?: string
  json: boolean
  operator?: string
  members?: number
  /** seed: sample purchase lines to generate */
  purchases?: number
  seed?: number
  /** seed --demo: the whole demo store (gifts, maintainers, store sales, birthday cards) */
  demo: boolean
  /** points expire: the day to lapse points up to (YYYY-MM-DD) */
  asOf?: string
  /** gifts receive: unit cost in fen, from --unit-cost (元) or --unit-cost-fen */
  unitCost?: number
  /** gifts redeem: the member's card number */
  card?: string
  /** gifts catalogue: the PDF to write, and the validity period (YYYY-MM-DD) */
  pdf?: string
  from?: string
  until?: string
  /** report table: the last month (YYYY-MM) */
  to?: string
  /** report table: the .xlsx to write */
  xlsx?: string
  /** gifts report: the month (YYYY-MM) */
  month?: string
  /** staff add: department, hire date (YYYY-MM-DD), own capacity, phone */
  department?: string
  hireDate?: string
  capacity?: number
  phone?: string
  /** assign: the maintainer's name */
  staff?: string
  /** birthdays: the SMS list to write (.csv or .xlsx) */
  sms?: string
  /** birthdays --pdf: card design, envelope/label layout, labels used on the first sheet, print again */
  design?: string
  labels?: string
  offset?: number
  reprint: boolean
  /** assign auto: write the proposal instead of only printing it */
  apply: boolean
  /** birthdays --test-print: the one-card sample PDF to write */
  testPrint?: string
  /** settings store: the store's name, address, postal code (and --phone) for the sender block */
  name?: string
  address?: string
  postcode?: string
  /** operators add: the new operator's role */
  role?: Role
  /** vouchers redeem-points: face value in fen (from --value 元), how many, serve outside the window with a reason */
  value?: number
  count?: number
  ignoreWindow: boolean
  reason?: string
  /** vouchers use: the receipt it paid */
  receipt?: string
  /** vouchers list: issued | used | expired | voided */
  status?: string
  /** operators add / reset-password: read the password from stdin instead of prompting */
  passwordStdin: boolean
  /** campaign create: members sleeping this many months, and the voucher kind each gets */
  sleepingMonths?: number
  voucher?: string
  help: boolean
}

/** Options only some commands take, so that a stray one is reported rather than ignored. */
export type CommandOption =
  | 'members'
  | 'purchases'
  | 'seed'
  | 'asOf'
  | 'unitCost'
  | 'card'
  | 'pdf'
  | 'from'
  | 'until'
  | 'to'
  | 'xlsx'
  | 'month'
  | 'department'
  | 'hireDate'
  | 'capacity'
  | 'phone'
  | 'staff'
  | 'sms'
  | 'design'
  | 'labels'
  | 'offset'
  | 'reprint'
  | 'demo'
  | 'apply'
  | 'role'
  | 'passwordStdin'
  | 'testPrint'
  | 'name'
  | 'address'
  | 'postcode'
  | 'value'
  | 'count'
  | 'ignoreWindow'
  | 'reason'
  | 'receipt'
  | 'status'
  | 'sleepingMonths'
  | 'voucher'

function translate(e: unknown): string {
  const err = e as { code?: string; message?: string }
  const name = /'(-[^' ]+)/.exec(err.message ?? '')?.[1] ?? ''
  switch (err.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `未知选项：${name}`
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return `选项 ${name} 需要一个值（例如 ${name} 值）`
    default:
      return `无法识别的参数：${err.message ?? String(e)}`
  }
}

function integer(name: string, raw: string | undefined, min: number): number | undefined {
  if (raw === undefined) return undefined
  if (!/^-?\d+$/.test(raw) || Number(raw) < min || !Number.isSafeInteger(Number(raw))) {
    throw new UsageError(`选项 --${name} 应为不小于 ${min} 的整数，收到"${raw}"`)
  }
  return Number(raw)
}

/** 元 as every other place takes money (at most two decimals); --unit-cost-fen stays for scripts. */
function unitCostFen(yuan: string | undefined, fen: string | undefined): number | undefined {
  if (yuan !== undefined && fen !== undefined)
    throw new UsageError('选项 --unit-cost（元）与 --unit-cost-fen（分）只能用一个')
  if (fen !== undefined) return integer('unit-cost-fen', fen, 0)
  if (yuan === undefined) return undefined
  const value = yuanTextToFen(yuan)
  if (value === null)
    throw new UsageError(`选项 --unit-cost 应为以元计的金额（最多两位小数，例如 12.50），收到"${yuan}"`)
  return value
}

/** --value in 元 (a voucher's face value): a positive amount with at most two decimals. */
function valueFen(yuan: string | undefined): number | undefined {
  if (yuan === undefined) return undefined
  const fen = yuanTextToFen(yuan)
  if (fen === null || fen <= 0) throw new UsageError(`选项 --value 应为以元计的券面值（例如 30），收到"${yuan}"`)
  return fen
}

function roleOf(raw: string | undefined): Role | undefined {
  if (raw === undefined) return undefined
  const role = raw.trim()
  if ((ROLES as readonly string[]).includes(role)) return role as Role
  const names = ROLES.map((r) => `${r}（${ROLE_LABELS[r]}）`).join('、')
  throw new UsageError(`选项 --role 应为 ${names} 之一，收到"${raw}"`)
}

const read = (argv: readonly string[]) =>
  parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      db: { type: 'string' },
      json: { type: 'boolean' },
      operator: { type: 'string' },
      members: { type: 'string' },
      purchases: { type: 'string' },
      seed: { type: 'string' },
      'as-of': { type: 'string' },
      'unit-cost': { type: 'string' },
      'unit-cost-fen': { type: 'string' },
      card: { type: 'string' },
      pdf: { type: 'string' },
      from: { type: 'string' },
      until: { type: 'string' },
      to: { type: 'string' },
      xlsx: { type: 'string' },
      month: { type: 'string' },
      department: { type: 'string' },
      'hire-date': { type: 'string' },
      capacity: { type: 'string' },
      phone: { type: 'string' },
      staff: { type: 'string' },
      sms: { type: 'string' },
      design: { type: 'string' },
      labels: { type: 'string' },
      offset: { type: 'string' },
      reprint: { type: 'boolean' },
      demo: { type: 'boolean' },
      apply: { type: 'boolean' },
      role: { type: 'string' },
      'test-print': { type: 'string' },
      name: { type: 'string' },
      address: { type: 'string' },
      postcode: { type: 'string' },
      value: { type: 'string' },
      count: { type: 'string' },
      'ignore-window': { type: 'boolean' },
      reason: { type: 'string' },
      receipt: { type: 'string' },
      status: { type: 'string' },
      'password-stdin': { type: 'boolean' },
      'sleeping-months': { type: 'string' },
      voucher: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  })

/** Reads argv (without node and the script). Global options may stand before or after the command. */
export function parseCliArgs(argv: readonly string[]): CliArgs {
  let parsed: ReturnType<typeof read>
  try {
    parsed = read(argv)
  } catch (e) {
    throw new UsageError(translate(e))
  }
  const v = parsed.values
  if (v.db !== undefined && !v.db.trim()) throw new UsageError('选项 --db 需要数据库文件路径')
  if (v.operator !== undefined && !v.operator.trim()) throw new UsageError('选项 --operator 需要操作员用户名')
  if (v.card !== undefined && !v.card.trim()) throw new UsageError('选项 --card 需要会员卡号')
  if (v.pdf !== undefined && !v.pdf.trim()) throw new UsageError('选项 --pdf 需要 PDF 文件路径')
  if (v['test-print'] !== undefined && !v['test-print'].trim())
    throw new UsageError('选项 --test-print 需要 PDF 文件路径')
  if (v.xlsx !== undefined && !v.xlsx.trim()) throw new UsageError('选项 --xlsx 需要 .xlsx 文件路径')
  if (v.sms !== undefined && !v.sms.trim()) throw new UsageError('选项 --sms 需要文件路径（.csv 或 .xlsx）')
  return {
    words: parsed.positionals,
    db: v.db,
    json: v.json ?? false,
    operator: v.operator?.trim(),
    members: integer('members', v.members, 1),
    purchases: integer('purchases', v.purchases, 1),
    seed: integer('seed', v.seed, -2147483648),
    asOf: v['as-of'],
    unitCost: unitCostFen(v['unit-cost'], v['unit-cost-fen']),
    card: v.card?.trim(),
    pdf: v.pdf?.trim(),
    from: v.from,
    until: v.until,
    to: v.to?.trim(),
    xlsx: v.xlsx?.trim(),
    month: v.month?.trim(),
    department: v.department?.trim(),
    hireDate: v['hire-date']?.trim(),
    capacity: integer('capacity', v.capacity, 1),
    phone: v.phone?.trim(),
    staff: v.staff?.trim(),
    sms: v.sms?.trim(),
    design: v.design?.trim(),
    labels: v.labels?.trim(),
    offset: integer('offset', v.offset, 0),
    reprint: v.reprint ?? false,
    demo: v.demo ?? false,
    apply: v.apply ?? false,
    role: roleOf(v.role),
    testPrint: v['test-print']?.trim(),
    name: v.name,
    address: v.address,
    postcode: v.postcode,
    value: valueFen(v.value),
    count: integer('count', v.count, 1),
    ignoreWindow: v['ignore-window'] ?? false,
    reason: v.reason?.trim(),
    receipt: v.receipt?.trim(),
    status: v.status?.trim(),
    passwordStdin: v['password-stdin'] ?? false,
    sleepingMonths: integer('sleeping-months', v['sleeping-months'], 1),
    voucher: v.voucher?.trim(),
    help: v.help ?? false,
  }
}
