import { writeFileExplained } from '../../fileErrors'
import { resolve } from 'node:path'
import { birthdayMailPdfs, labelsFileFor } from '../../print/birthdayMail'
import { birthdayTestPrintHtml } from '../../print/birthdayTestPrint'
import {
  CARD_DESIGN_LABELS,
  CARD_DESIGNS,
  LABEL_LAYOUT_LABELS,
  LABEL_LAYOUTS,
  PAPER_HINT,
} from '../../rules/birthdayMail'
import { prepareBirthdayBatch, recordBirthdayBatch } from '../../services/birthdays/batches'
import { photosDirOf } from '../../services/gifts/photos'
import { forbidden } from '../../errors'
import { birthdayLabel } from '../../rules/lunarText'
import { maskPhone } from '../../rules/phone'
import { birthdaysOfMonth } from '../../services/birthdays/month'
import { exportBirthdaySms } from '../../services/birthdays/sms'
import { birthdayVouchersForRun } from '../../services/vouchers/birthday'
import { BIRTHDAY_SENDERS } from '../../rules/roles'
import type { CliContext } from '../context'
import { displayWidth, padCell, UsageError } from '../io'
import { exportFormatOf } from './members'

const count = (n: number) => n.toLocaleString('en-US')
const yuan = (fen: number) => (fen / 100).toFixed(2)

function monthOf(ctx: CliContext): string {
  const m = ctx.args.month
  if (m === undefined) throw new UsageError('命令 birthdays 需要 --month YYYY-MM（要看的月份）')
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(m)) throw new UsageError(`选项 --month 应为 YYYY-MM 格式的月份，收到"${m}"`)
  const year = +m.slice(0, 4)
  if (year < 1901 || year > 2100) throw new UsageError(`选项 --month 的年份须在 1901–2100 之间，收到"${m}"`)
  return m
}

function table(head: string[], rows: string[][], right: number[] = []): string[] {
  const widths = head.map((h, i) => Math.max(displayWidth(h), ...rows.map((c) => displayWidth(c[i]!))))
  const line = (c: string[]) =>
    c
      .map((x, i) => padCell(x, widths[i]!, right.includes(i)))
      .join('  ')
      .trimEnd()
  return [line(head), ...rows.map(line)]
}

function choice<T extends string>(name: string, raw: string | undefined, allowed: readonly T[]): T | undefined {
  if (raw === undefined) return undefined
  if (!allowed.includes(raw as T)) throw new UsageError(`选项 --${name} 应为 ${allowed.join('、')} 之一，收到"${raw}"`)
  return raw as T
}

/**
 * `--pdf FILE`: the cards of everyone mailable not yet printed for this birthday (with --reprint,
 * those printed before too) through headless Chromium, and with --labels their envelopes or
 * label sheets in a second file beside it; recorded as a print run like one from the app.
 */
async function printCards(ctx: CliContext, month: string): Promise<void> {
  if (!BIRTHDAY_SENDERS.includes(ctx.actor.role)) throw forbidden(`操作员"${ctx.actor.name}"的角色无权打印生日贺卡`)
  const file = resolve(ctx.io.cwd ?? process.cwd(), ctx.args.pdf!)
  const input = {
    month,
    design: choice('design', ctx.args.design, CARD_DESIGNS) ?? 'folded-a5',
    labels: choice('labels', ctx.args.labels, LABEL_LAYOUTS) ?? null,
    labelOffset: ctx.args.offset ?? 0,
    reprint: ctx.args.reprint,
  }
  if (ctx.args.offset !== undefined && !input.labels) throw new UsageError('选项 --offset 需与 --labels 一起使用')
  const run = prepareBirthdayBatch(ctx.db, input)
  if (run.senderWarning) await ctx.say(`注意：${run.senderWarning}`)
  // Before the PDF is drawn, so each card carries its voucher number.
  const vouchers = birthdayVouchersForRun(ctx.db, month, ctx.actor)
  if (vouchers?.issued) await ctx.say(`已发放生日礼券 ${vouchers.issued} 张。`)
  // Loaded only here: the other commands need no browser driver.
  const { openPdfRenderer } = await import('../../print/chromium')
  const renderer = await openPdfRenderer(ctx.io.env)
  let labelsFile: string | null = null
  try {
    const pdfs = await birthdayMailPdfs(ctx.db, run, photosDirOf(ctx.dbFile), (html) => renderer.pdf(html))
    writeFileExplained(file, pdfs.cards)
    if (pdfs.labels) writeFileExplained((labelsFile = labelsFileFor(file)), pdfs.labels)
  } finally {
    await renderer.close()
  }
  const batch = recordBirthdayBatch(ctx.db, input, ctx.actor)
  await ctx.result({
    file,
    labelsFile,
    month,
    design: batch.design,
    labels: batch.labels,
    cards: batch.cardCount,
    reprinted: run.reprinted,
    batchId: batch.id,
    costFen: batch.cardFen,
  })
  await ctx.say(
    `已生成 ${count(batch.cardCount)} 张生日贺卡（${CARD_DESIGN_LABELS[batch.design]}）到 ${file}` +
      (labelsFile ? `，${LABEL_LAYOUT_LABELS[batch.labels!]}到 ${labelsFile}` : '') +
      `；记为第 ${batch.id} 批，贺卡费用 ${yuan(batch.cardFen)} 元` +
      (run.reprinted ? `（其中重印 ${run.reprinted} 张）` : '') +
      '。',
  )
}

/** `--test-print FILE [--design …]`: one card with sample data, to try the paper; nothing recorded. */
async function testPrint(ctx: CliContext): Promise<void> {
  if (!BIRTHDAY_SENDERS.includes(ctx.actor.role)) throw forbidden(`操作员"${ctx.actor.name}"的角色无权打印生日贺卡`)
  for (const opt of ['month', 'sms', 'pdf', 'labels', 'offset'] as const) {
    if (ctx.args[opt] !== undefined) throw new UsageError(`选项 --test-print 只与 --design 一起使用，不能加 --${opt}`)
  }
  const design = choice('design', ctx.args.design, CARD_DESIGNS) ?? 'folded-a5'
  const file = resolve(ctx.io.cwd ?? process.cwd(), ctx.args.testPrint!)
  const { htmlToPdf } = await import('../../print/chromium')
  writeFileExplained(file, await htmlToPdf(birthdayTestPrintHtml(ctx.db, design, photosDirOf(ctx.dbFile)), ctx.io.env))
  await ctx.result({ file, design })
  await ctx.say(`已生成${CARD_DESIGN_LABELS[design]}样张到 ${file}（一张示例贺卡，不记批次）。${PAPER_HINT[design]}`)
}

/**
 * `birthdays --month YYYY-MM [--sms FILE]`: who is born in the month. --json gives exactly
 * [{cardNo, name, birthday, birthdayCalendar, birthdayLeapMonth, dateThisYear, hasAddress,
 * smsConsent, mailConsent}] by dateThisYear then cardNo; --sms writes the SMS gateway's list.
 */
export async function birthdaysCommand(ctx: CliContext): Promise<void> {
  if (ctx.args.testPrint !== undefined) return testPrint(ctx)
  const month = monthOf(ctx)
  if (ctx.args.pdf !== undefined && ctx.args.sms !== undefined) throw new UsageError('--pdf 与 --sms 请分两次运行')
  if (ctx.args.pdf !== undefined) return printCards(ctx, month)
  for (const opt of ['design', 'labels', 'offset'] as const) {
    if (ctx.args[opt] !== undefined) throw new UsageError(`选项 --${opt} 只用于 --pdf（打印贺卡）`)
  }
  if (ctx.args.reprint) throw new UsageError('选项 --reprint 只用于 --pdf（打印贺卡）')
  if (ctx.args.sms !== undefined) return smsExport(ctx, month)
  const list = birthdaysOfMonth(ctx.db, { month })
  await ctx.result(
    list.rows.map((r) => ({
      cardNo: r.cardNo,
      name: r.name,
      birthday: r.birthday,
      birthdayCalendar: r.calendar,
      birthdayLeapMonth: r.leapMonth,
      dateThisYear: r.dateThisYear,
      hasAddress: r.hasAddress,
      smsConsent: r.smsConsent,
      mailConsent: r.mailConsent,
    })),
  )
  const c = list.counts
  if (!list.rows.length) return ctx.say(`${list.month} 没有生日在本月的有效会员。`)
  const yesNo = (b: boolean) => (b ? '是' : '')
  await ctx.say(
    [
      `生日关怀 ${list.month}（有效会员；农历生日按当年日期）`,
      '',
      ...table(
        ['今年生日', '卡号', '姓名', '生日', '历法', '等级', '有地址', '短信', '邮寄'],
        list.rows.map((r) => [
          r.dateThisYear,
          r.cardNo,
          r.name,
          birthdayLabel(r.birthday, r.calendar, r.leapMonth),
          r.calendar === 'lunar' ? '农历' : '公历',
          r.tier,
          yesNo(r.hasAddress),
          yesNo(r.smsConsent),
          yesNo(r.mailConsent),
        ]),
      ),
      '',
      `${count(c.born)} 位本月生日 · ${count(c.withAddress)} 位有地址 · ${count(c.sms)} 位可发短信`,
      `${count(c.mail)} 位同意邮寄，其中 ${count(c.mailable)} 位有可用地址（可寄贺卡）`,
    ].join('\n'),
  )
}

async function smsExport(ctx: CliContext, month: string): Promise<void> {
  // The list carries full mobile numbers (audited): the birthday senders only.
  if (!BIRTHDAY_SENDERS.includes(ctx.actor.role)) throw forbidden(`操作员"${ctx.actor.name}"的角色无权导出短信名单`)
  const file = resolve(ctx.io.cwd ?? process.cwd(), ctx.args.sms!)
  const format = exportFormatOf(file)
  const r = await exportBirthdaySms(ctx.db, { month, file, format }, ctx.actor)
  await ctx.result({
    file: r.file,
    month: r.month,
    count: r.rows.length,
    segments: r.segments,
    unitPriceFen: r.priceFen,
    costFen: r.costFen,
    noPhone: r.noPhone,
    rows: r.rows.map((x) => ({ cardNo: x.cardNo, length: x.length, segments: x.segments })),
  })
  await ctx.say(
    [
      ...table(
        ['卡号', '姓名', '手机', '生日', '字数', '条数'],
        r.rows.map((x) => [
          x.cardNo,
          x.name,
          maskPhone(x.phone) ?? '',
          x.dateThisYear,
          String(x.length),
          String(x.segments),
        ]),
        [4, 5],
      ),
      '',
      `已导出 ${count(r.rows.length)} 条生日短信到 ${r.file}：共 ${count(r.segments)} 条计费短信（每条 70 字），` +
        `单价 ${yuan(r.priceFen)} 元，合计 ${yuan(r.costFen)} 元` +
        (r.noPhone ? `；另有 ${count(r.noPhone)} 位同意短信但没有有效手机号，未列入` : ''),
    ].join('\n'),
  )
}
