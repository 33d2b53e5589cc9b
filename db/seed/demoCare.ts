import type { Actor } from '../actor'
import { storeToday } from '../clock'
import type { Db } from '../handle'
import { dayString, intToYmd, ymdToInt } from '../rules/dates'
import { STAFF_DEPARTMENTS, type ContactKind } from '../rules/care'
import { addStaff, assignMember, highValueMembers, logContact } from '../services/care'
import { dayNumber, fromDayNumber } from './lunar'
import type { Random } from './random'

/**
 * The sample 高端VIP维护: a register of staff maintainers (all past the six months' service the
 * rules ask for), the top spenders shared out among them some months ago, and a maintenance log,
 * so that 维护人, 我的VIP, 月度评比 and the cake list have something to show.
 */

const STAFF: { name: string; department: (typeof STAFF_DEPARTMENTS)[number] }[] = [
  { name: '李娜', department: '营业一课' },
  { name: '王芳', department: '营业一课' },
  { name: '张伟', department: '营业二课' },
  { name: '刘敏', department: '营业二课' },
  { name: '陈静', department: '营业三课' },
  { name: '杨洋', department: '营业三课' },
  { name: '赵丽', department: '营业四课' },
  { name: '黄磊', department: '营业五课' },
  { name: '周婷', department: '贵宾室' },
  { name: '吴倩', department: '企划' },
]

const NOTES: Record<ContactKind, string[]> = {
  phone: ['电话问候，告知本月会员日活动', '提醒积分即将到期', '邀请参加新品品鉴会', '回访上次购物体验，满意'],
  visit: ['到店接待，陪同选购', '来店试穿新款，已留意尺码', '接待并介绍VIP室服务'],
  birthday: ['生日当天送达蛋糕和鲜花', '送达生日贺卡及礼品'],
  gift: ['赠送新品试用装', '送上回门礼'],
  other: ['代为预约维修服务', '协助办理补卡'],
}

/** Mostly calls and visits. */
const KIND_MIX: ContactKind[] = ['phone', 'phone', 'phone', 'visit', 'visit', 'birthday', 'gift', 'other']

const day = (n: number) => ymdToInt(fromDayNumber(n))

export interface SampleCare {
  staff: number
  assigned: number
  contacts: number
}

/**
 * `vips` of the high-value list (by the care settings' measure) are given out in turn, from the
 * first of a month three to eight months back (never before the member joined), each with a few
 * logged contacts since.
 */
export function seedCare(db: Db, rnd: Random, vips: number, actor: Actor): SampleCare {
  const today = dayNumber(storeToday(db))
  const staffIds = STAFF.map((s) => {
    const phone = `13${rnd.int(5, 9)}${rnd.digits(8)}`
    const hired = day(today - rnd.int(400, 12 * 365))
    return addStaff(db, { name: s.name, department: s.department, hireDate: dayString(hired), phone }, actor).id
  })
  const joinDay = db.sqlite.prepare('SELECT join_date FROM members WHERE id = ?').pluck()
  const top = highValueMembers(db).slice(0, vips)
  let contacts = 0
  top.forEach(({ id: memberId }, i) => {
    const back = fromDayNumber(today - rnd.int(3, 8) * 30)
    const firstOfMonth = ymdToInt({ ...back, d: 1 })
    const joined = joinDay.get(memberId) as number
    const from = Math.max(firstOfMonth, joined)
    assignMember(db, { memberId, staffId: staffIds[i % staffIds.length]!, from: dayString(from) }, actor)
    // A maintainer calls or sees most of their VIPs every month or two.
    const fromN = dayNumber(intToYmd(from))
    const logs = rnd.int(0, 4)
    const days = Array.from({ length: logs }, () => rnd.int(fromN, today)).sort((a, b) => a - b)
    for (const d of days) {
      const kind = rnd.pick(KIND_MIX)
      const follow = rnd.chance(0.3) && d + 30 <= today + 60 ? dayString(day(d + 30)) : null
      logContact(
        db,
        { memberId, kind, day: dayString(day(d)), note: rnd.pick(NOTES[kind]), nextFollowUp: follow },
        actor,
      )
      contacts++
    }
  })
  return { staff: staffIds.length, assigned: top.length, contacts }
}
