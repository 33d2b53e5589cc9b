import { columnFor, formatCell, formatStamp } from '../rules/tableFormat'
import type { ReportColumn, ReportRow, ReportTable } from '../services/reports/tables'
import { escapeHtml as e, printDocument } from './document'
import { A4_LANDSCAPE, PAGE_NUMBERS_CSS, REPORT_TABLE_CSS, TABLE_SHEET_CSS } from './reportTableStyle'

/** Whose report it is and who made it: on every printed report's letterhead. */
export interface ReportLetterhead {
  store: string
  operator: string
  generatedAt: number
  /** The store's zone generatedAt is shown in */
  timeZone: string
}

function cell(row: ReportRow, column: ReportColumn): string {
  const value = row[column.key]
  const text = e(formatCell(value, column))
  if (column.kind === 'text') return `<td${column.key === 'help' ? ' class="help"' : ''}>${text}</td>`
  const trend = column.signed && typeof value === 'number' && value !== 0 ? (value > 0 ? ' up' : ' down') : ''
  return `<td class="n${trend}">${text}</td>`
}

/** The table alone (header repeated on each page, numbers right aligned, totals bold) and its note. */
export function reportTableFragment(table: Omit<ReportTable, 'chart'>): string {
  if (!table.rows.length) return `<p class="empty">${e(table.note ?? '这段时间没有数据。')}</p>`
  const head = table.columns.map((c) => `<th${c.kind === 'text' ? '' : ' class="n"'}>${e(c.title)}</th>`).join('')
  const subtotals = new Set(table.subtotals ?? [])
  const line = (row: ReportRow, i: number, cls: string) =>
    `<tr${cls ? ` class="${cls}"` : ''}>${table.columns.map((c) => cell(row, columnFor(c, table.rowKinds, i))).join('')}</tr>`
  const body = table.rows.map((r, i) => line(r, i, subtotals.has(i) ? 'sub' : ''))
  if (table.footer) body.push(line(table.footer, -1, 'total'))
  const note = table.note ? `<p class="note">${e(table.note)}</p>` : ''
  return `<table class="report"><thead><tr>${head}</tr></thead><tbody>\n${body.join('\n')}\n</tbody></table>${note}`
}

/** One chart's table on A4 landscape: store, title, period, time made and operator, then the table. */
export function reportTableHtml(table: ReportTable, head: ReportLetterhead): string {
  const body = `<main class="paper"><header class="sheet"><div><div class="store">${e(head.store)}</div><h1>${e(table.title)}</h1></div>
<div class="meta">期间 <b>${e(table.period)}</b><br>生成时间 ${e(formatStamp(head.generatedAt, head.timeZone))} · 操作员 ${e(head.operator)}</div></header>
${reportTableFragment(table)}</main>`
  return printDocument({
    title: `${head.store} ${table.title}`,
    css: PAGE_NUMBERS_CSS + REPORT_TABLE_CSS + TABLE_SHEET_CSS,
    body,
    page: A4_LANDSCAPE,
  })
}
