import { storeDayInt } from '../clock'
import type { Db } from '../handle'
import { formatAverage } from '../rules/care'
import { dayString } from '../rules/dates'
import { formatYuanNumber } from '../rules/money'
import {
  leagueContacts,
  leagueMonthOf,
  monthlyLeague,
  nextMonth,
  vipBirthdaysIn,
  type LeagueContact,
} from '../services/care/league'
import { getSettings } from '../services/settings'
import { chineseDate, escapeHtml, printDocument } from './document'
import { leagueBarsSvg } from './leagueChart'
import { LEAGUE_REPORT_CSS } from './leagueReportStyle'

/**
 * The monthly meeting's printed report (月度评比): the league table, its bar chart, what each
 * maintainer logged that month and the VIP birthdays of the month ahead. One flowing A4 document;
 * tables repeat their header on a new page.
 */

export interface LeagueReport {
  html: string
  month: string
  maintainers: number
}

const yuan = formatYuanNumber
const md = (ymd: number) => dayString(ymd)
const e = escapeHtml

export function leagueReportHtml(db: Db, input: { month: string }): LeagueReport {
  const m = leagueMonthOf(input?.month)
  const league = monthlyLeague(db, { month: input.month })
  const contacts = leagueContacts(db, { month: input.month })
  const next = nextMonth(m)
  const birthdays = vipBirthdaysIn(db, next)
  const staffNames = new Map<number, string>(
    (db.sqlite.prepare('SELECT id, name FROM staff').all() as { id: number; name: string }[]).map((s) => [
      s.id,
      s.name,
    ]),
  )
  const store = getSettings(db).storeName
  const title = `${m.year}年${m.month}月 VIP维护人月度评比`
  const made = chineseDate(storeDayInt(db))

  const winners = league.rows.filter((r) => r.winner)
  const verdict = !league.rows.length
    ? '本月没有维护人名下的VIP，无评比结果。'
    : winners.length
      ? `本月冠军：${winners.map((w) => `<b>${e(w.staff)}</b>`).join('、')}${winners.length > 1 ? '（并列）' : ''}，人均 ${formatAverage(winners[0]!.average)} 笔。`
      : '本月各维护人名下VIP均无消费，不设冠军。'

  const tableRows = league.rows
    .map((r) => {
      const notes = [r.winner ? '冠军' : '', r.tied ? '并列' : '', r.active ? '' : '已离职'].filter(Boolean).join('，')
      return `<tr class="${r.winner ? 'win' : ''}"><td class="c">${r.rank}${r.tied ? '=' : ''}</td><td>${e(r.staff)}</td><td>${e(r.department)}</td>
<td class="n">${r.vips}</td><td class="n">${r.purchases}</td><td class="n avg">${formatAverage(r.average)}</td><td class="n">${yuan(r.spendFen)}</td><td>${notes}</td></tr>`
    })
    .join('\n')
  const table = league.rows.length
    ? `<table class="league"><thead><tr><th class="c">名次</th><th>维护人</th><th>部门</th><th class="n">维护VIP</th><th class="n">交易笔数</th><th class="n">人均笔数</th><th class="n">消费金额(元)</th><th>备注</th></tr></thead>
<tbody>${tableRows}</tbody></table>
<p class="note">人均笔数 = 交易笔数 ÷ 维护VIP数（退货不计）。月中换了维护人的VIP，两位维护人都计入；每笔消费归消费当日的维护人。人均相同时按消费金额排名，仍相同则并列。</p>`
    : ''
  const chart = league.rows.length
    ? `<figure class="chart">${leagueBarsSvg(league.rows.map((r) => ({ label: r.staff, value: r.average, highlight: r.winner })))}</figure>`
    : ''

  // Everyone with VIPs that month, then anyone else who logged contacts.
  const order = [
    ...league.rows.map((r) => r.staffId),
    ...[...contacts.keys()].filter((id) => !league.rows.some((r) => r.staffId === id)),
  ]
  const contactBlocks = order
    .map((id) => {
      const list = contacts.get(id) ?? []
      const name = staffNames.get(id) ?? `#${id}`
      if (!list.length) return `<div class="who"><h3>${e(name)}</h3><p class="none">本月没有维护记录。</p></div>`
      const kinds = new Map<string, number>()
      for (const c of list) kinds.set(c.kindLabel, (kinds.get(c.kindLabel) ?? 0) + 1)
      const summary = [...kinds].map(([k, n]) => `${k} ${n}`).join('，')
      return `<div class="who"><h3>${e(name)} <span>${list.length} 次（${e(summary)}）</span></h3>
<table class="contacts"><thead><tr><th class="d">日期</th><th class="mem">会员</th><th class="k">方式</th><th>内容</th></tr></thead><tbody>
${list.map((c: LeagueContact) => `<tr><td class="d">${md(c.day)}</td><td class="mem">${e(c.member)}</td><td class="k">${e(c.kindLabel)}</td><td>${e(c.note)}</td></tr>`).join('\n')}
</tbody></table></div>`
    })
    .join('\n')

  const birthdayTable = birthdays.length
    ? `<table class="birthdays"><thead><tr><th class="d">生日</th><th>会员</th><th>卡号</th><th>历法</th><th>维护人</th></tr></thead><tbody>
${birthdays.map((b) => `<tr><td class="d">${md(b.day)}</td><td>${e(b.name)}</td><td>${e(b.cardNo)}</td><td>${b.lunar ? '农历' : '公历'}</td><td>${e(staffNames.get(b.staffId) ?? '')}</td></tr>`).join('\n')}
</tbody></table>`
    : '<p class="none">下月没有VIP过生日。</p>'

  const body = `<main class="paper"><header><div class="store">${e(store)}</div><h1>${e(title)}</h1><div class="made">制表日期 ${made}</div></header>
<section><h2>评比结果</h2><p class="verdict">${verdict}</p>${table}${chart}</section>
<section class="log"><h2>本月维护记录</h2>${order.length ? contactBlocks : '<p class="none">本月没有维护记录。</p>'}</section>
<section><h2>下月VIP生日（${next.year}年${next.month}月）</h2>${birthdayTable}</section></main>`
  return {
    html: printDocument({ title: `${store} ${title}`, css: LEAGUE_REPORT_CSS, body }),
    month: league.month,
    maintainers: league.rows.length,
  }
}
