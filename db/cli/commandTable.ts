/**
 * Every CLI command: its words, arguments and options, the roles that may run it and what must be
 * opened first. run.ts matches a command line against this table in order.
 */
import { REPORT_READERS, type Role } from '../rules/roles'
import type { CommandOption } from './args'
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
import { campaignCreateCommand, campaignReportCommand } from './commands/campaigns'
import { assignAutoCommand, assignCommand, staffAddCommand } from './commands/careAssign'
import { exportCommand, exportFormatOf, importCommand, listCommand, seedCommand } from './commands/members'
import { importPurchasesCommand, pointsCheckCommand } from './commands/purchases'
import { jobsRunCommand } from './commands/jobs'
import { pointsExpireCommand } from './commands/points'
import { cardsRenewDueCommand, tiersReviewCommand } from './commands/tiers'
import { reportKpiCommand } from './commands/reports'
import { reportMonthlyCommand, reportTableCommand } from './commands/reportFiles'
import { importStoreSalesCommand } from './commands/storeSales'
import { settingsStoreCommand } from './commands/settings'
import { departmentsListCommand, importDepartmentsCommand } from './commands/departments'
import { operatorsAddCommand, operatorsListCommand, operatorsResetPasswordCommand } from './commands/operators'
import { ADMIN, IMPORTERS, REVEALERS, type CliContext } from './context'
import { POINTS_ADJUSTERS } from '../services/points/adjust'
import { vouchersListCommand, vouchersRedeemPointsCommand, vouchersUseCommand } from './commands/vouchers'

export interface Command {
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

export const COMMANDS: Command[] = [
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
  {
    words: ['vouchers', 'redeem-points'],
    options: ['card', 'value', 'count', 'ignoreWindow', 'reason'],
    roles: GIFT_KEEPERS,
    database: 'existing',
    dailyJobs: true,
    run: vouchersRedeemPointsCommand,
  },
  {
    words: ['vouchers', 'use'],
    operands: { min: 1, max: 1, usage: 'VOUCHERNO [--receipt 单号]' },
    options: ['receipt'],
    roles: GIFT_KEEPERS,
    database: 'existing',
    dailyJobs: true,
    run: vouchersUseCommand,
  },
  {
    words: ['vouchers', 'list'],
    options: ['card', 'status'],
    roles: GIFT_KEEPERS,
    database: 'existing',
    dailyJobs: true,
    run: vouchersListCommand,
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
  // 沉睡会员唤醒: the planners make campaigns (as in the app); the report is theirs to read.
  {
    words: ['campaign', 'create'],
    options: ['name', 'sleepingMonths', 'voucher'],
    roles: ['admin', 'planner'],
    database: 'existing',
    run: campaignCreateCommand,
  },
  {
    words: ['campaign', 'report'],
    operands: { min: 1, max: 1, usage: 'ID' },
    roles: REPORT_READERS,
    database: 'existing',
    run: campaignReportCommand,
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
