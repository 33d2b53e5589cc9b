import { listMembers, type MemberListQuery } from '../../../db/services/members'
import { forgetMemberTotals } from '../../../db/services/members/list'
import type { BenchContext } from '../context'
import type { BenchRow, BenchSection } from '../report'
import { sample } from '../stats'

/**
 * One page of the member list under the filters and sorts staff use, each next to the same page
 * as hand-written SQL (rows and the total for the pager).
 */
interface Variant {
  label: string
  input: MemberListQuery
  where: string
  params: unknown[]
  order: string
}

function variants(ctx: BenchContext): Variant[] {
  const s = ctx.db.sqlite
  const some = s
    .prepare('SELECT phone_last4, name FROM members WHERE phone IS NOT NULL LIMIT 1 OFFSET ?')
    .get(Math.floor(ctx.members / 3)) as { phone_last4: string; name: string }
  const month = ctx.db.now().getMonth() + 1
  const year = ctx.db.now().getFullYear()
  const namePart = [...some.name].slice(0, 2).join('')
  // prettier-ignore
  return [
    { label: 'all, by card no, page 1', input: {}, where: '', params: [], order: 'card_no ASC, id ASC' },
    { label: 'all, newest joiners first, page 7', input: { sort: 'joinDate', order: 'desc', page: 7 }, where: '', params: [], order: 'join_date DESC, id DESC' },
    { label: '金卡, most points first', input: { tier: '金卡', sort: 'points', order: 'desc' }, where: 'WHERE tier = ?', params: ['金卡'], order: 'points DESC, id DESC' },
    { label: '杭州市, by name, page 3', input: { province: '浙江省', city: '杭州市', sort: 'name', page: 3 }, where: 'WHERE province = ? AND city = ?', params: ['浙江省', '杭州市'], order: 'name ASC, id ASC' },
    { label: 'born this month, by birthday', input: { birthMonth: month, sort: 'birthday' }, where: 'WHERE birth_month = ?', params: [month], order: 'birth_month ASC, birth_day ASC, id ASC' },
    { label: 'birthday mail: this month, mail consent, active', input: { birthMonth: month, mailConsent: true, status: 'active', sort: 'birthday' }, where: 'WHERE birth_month = ? AND mail_consent = ? AND status = ?', params: [month, 1, 'active'], order: 'birth_month ASC, birth_day ASC, id ASC' },
    { label: 'active + SMS consent, newest first', input: { status: 'active', smsConsent: true, sort: 'joinDate', order: 'desc' }, where: 'WHERE status = ? AND sms_consent = ?', params: ['active', 1], order: 'join_date DESC, id DESC' },
    { label: 'referred (推荐), oldest first', input: { source: '推荐', sort: 'joinDate' }, where: 'WHERE source = ?', params: ['推荐'], order: 'join_date ASC, id ASC' },
    { label: 'women in 浙江省, by points, page 20', input: { gender: '女', province: '浙江省', sort: 'points', order: 'desc', page: 20 }, where: 'WHERE gender = ? AND province = ?', params: ['女', '浙江省'], order: 'points DESC, id DESC' },
    { label: `joined in ${year - 1}, by card no, page 3`, input: { joinFrom: `${year - 1}-01-01`, joinTo: `${year - 1}-12-31`, page: 3 }, where: 'WHERE join_date >= ? AND join_date <= ?', params: [(year - 1) * 10000 + 101, (year - 1) * 10000 + 1231], order: 'card_no ASC, id ASC' },
    { label: 'keyword: phone last 4', input: { keyword: some.phone_last4 }, where: 'WHERE (phone_last4 = ? OR id IN (SELECT member_id FROM member_cards WHERE card_no >= ? AND card_no < ?))', params: [some.phone_last4, some.phone_last4, some.phone_last4 + '\uffff'], order: 'card_no ASC, id ASC' },
    { label: 'keyword: part of a name, by name', input: { keyword: namePart, sort: 'name' }, where: 'WHERE id IN (SELECT member_id FROM member_name_grams WHERE gram = ?) AND name LIKE ?', params: [namePart, `%${namePart}%`], order: 'name ASC, id ASC' },
    { label: 'lost cards, by status then tier', input: { status: 'lost', sort: 'tier' }, where: 'WHERE status = ?', params: ['lost'], order: 'tier ASC, id ASC' },
  ]
}

export const pageSection: BenchSection = {
  name: 'member list page',
  async run(ctx) {
    const rows: BenchRow[] = []
    const s = ctx.db.sqlite
    const pageSize = 50
    const all = variants(ctx).map((v) => ({
      ...v,
      offset: ((v.input.page ?? 1) - 1) * pageSize,
      page: s.prepare(`SELECT * FROM members ${v.where} ORDER BY ${v.order} LIMIT ? OFFSET ?`),
      count: s.prepare(`SELECT count(*) FROM members ${v.where}`).pluck(),
    }))
    // Paging and re-sorting within a filter: the service remembers the total, so the bare
    // equivalent is the page statement alone.
    for (const v of all) {
      rows.push({
        label: `page of 50: ${v.label}`,
        unit: 'ms',
        service: sample([v.input], (input) => listMembers(ctx.db, input), 200, 20),
        bare: sample([v], (x) => x.page.all(...x.params, pageSize, x.offset), 200, 20),
        target: 10,
      })
    }
    // The first page after choosing a filter: the total has to be counted too.
    rows.push({
      label: `first page of a new filter, with its total (all ${all.length})`,
      unit: 'ms',
      service: sample(
        all,
        (v) => {
          forgetMemberTotals(ctx.db)
          listMembers(ctx.db, v.input)
        },
        480,
        48,
      ),
      bare: sample(
        all,
        (v) => {
          v.page.all(...v.params, pageSize, v.offset)
          v.count.get(...v.params)
        },
        480,
        48,
      ),
      target: 10,
    })
    return rows
  },
}
