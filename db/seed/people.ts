import type { Birthday } from '../rules/birthday'
import type { Ymd } from '../rules/dates'
import { idCheckChar } from '../rules/idNumber'
import type { MemberColumns } from '../services/members/fields'
import { LunarTable, dayNumber, fromDayNumber } from './lunar'
import { personName } from './names'
import { areaCodeOf, divisionCodes, pickPlace, postalCodeFor, streetAddress, type Place } from './places'
import { HOME } from './placeData'
import { Random, Weighted } from './random'

/** The personal part of a sample member; card, tier, dates and source are the programme's. */
export type Person = Pick<
  MemberColumns,
  | 'name'
  | 'gender'
  | 'phone'
  | 'phoneLast4'
  | 'birthYear'
  | 'birthMonth'
  | 'birthDay'
  | 'birthdayCalendar'
  | 'birthdayLeapMonth'
  | 'idNumber'
  | 'province'
  | 'city'
  | 'district'
  | 'address'
  | 'postalCode'
>

/**
 * Mobile prefixes that really exist. Older customers kept their 13x numbers; younger ones more
 * often carry the later 15x/18x/19x ranges.
 */
const PREFIXES = {
  13: ['130', '131', '132', '133', '134', '135', '136', '137', '138', '139'],
  15: ['150', '151', '152', '153', '155', '156', '157', '158', '159'],
  18: ['180', '181', '182', '183', '184', '185', '186', '187', '188', '189'],
  19: ['191', '193', '195', '198', '199'],
} as const
const OLDER_RANGES = new Weighted<keyof typeof PREFIXES>([
  [13, 55],
  [15, 25],
  [18, 17],
  [19, 3],
])
const YOUNGER_RANGES = new Weighted<keyof typeof PREFIXES>([
  [13, 25],
  [15, 25],
  [18, 35],
  [19, 15],
])

const GENDER = new Weighted<'男' | '女' | null>([
  ['女', 64],
  ['男', 35],
  [null, 1],
])

/** Share of members who keep a lunar birthday, by age: the older, the likelier. */
const lunarShare = (age: number) => (age < 35 ? 0.12 : age < 55 ? 0.28 : 0.45)

export class PersonFactory {
  private readonly lunar: LunarTable
  private readonly todayDay: number
  private readonly homeCodes: string[]

  constructor(
    private readonly rnd: Random,
    today: Ymd,
    private readonly usedPhones: Set<string>,
    private readonly usedIds: Set<string>,
  ) {
    this.todayDay = dayNumber(today)
    this.lunar = new LunarTable(today.y - 92, today.y)
    this.homeCodes = [...divisionCodes()]
      .filter(([k]) => k.startsWith(`${HOME.province}|${HOME.city}|`))
      .map(([, code]) => code)
  }

  make(): Person {
    const rnd = this.rnd
    const gender = GENDER.pick(rnd)
    const age = Math.round(Math.min(82, Math.max(20, rnd.bell(44, 24))))
    let solarDay = this.todayDay - Math.floor(age * 365.25) - rnd.int(0, 364)
    let birthday: Birthday
    if (rnd.chance(lunarShare(age))) {
      birthday = this.lunar.toLunar(fromDayNumber(solarDay))
      // Leap-month birthdays are rare in life (about 3 % of lunar dates); nudge a few more in so
      // that sample data exercises them, keeping the member's age.
      const leap = this.lunar.leapMonth(birthday.year)
      if (leap && rnd.chance(0.06)) {
        birthday = { ...birthday, month: leap.month, day: Math.min(birthday.day, leap.days), leapMonth: true }
        solarDay = leap.start + birthday.day - 1
      }
    } else {
      const s = fromDayNumber(solarDay)
      birthday = { calendar: 'solar', year: s.y, month: s.m, day: s.d, leapMonth: false }
    }
    const solar = fromDayNumber(solarDay)
    const place = rnd.chance(0.94) ? pickPlace(rnd) : null
    const street = place && rnd.chance(0.9) ? streetAddress(rnd, place) : null
    const phone = rnd.chance(0.98) ? this.phone(age) : null
    const idNumber = gender && rnd.chance(0.6) ? this.idNumber(solar, gender, place) : null
    const name = personName(rnd, gender ?? (rnd.chance(0.5) ? '女' : '男'), birthday.year)
    return {
      name,
      gender,
      phone,
      phoneLast4: phone ? phone.slice(-4) : null,
      birthYear: birthday.year,
      birthMonth: birthday.month,
      birthDay: birthday.day,
      birthdayCalendar: birthday.calendar,
      birthdayLeapMonth: birthday.leapMonth,
      idNumber,
      province: place?.province ?? null,
      city: place?.city ?? null,
      district: place?.district ?? null,
      address: street,
      postalCode: place && street && rnd.chance(0.85) ? postalCodeFor(rnd, place) : null,
    }
  }

  private phone(age: number): string {
    const ranges = age >= 45 ? OLDER_RANGES : YOUNGER_RANGES
    for (;;) {
      const p = this.rnd.pick(PREFIXES[ranges.pick(this.rnd)]) + this.rnd.digits(8)
      if (!this.usedPhones.has(p)) {
        this.usedPhones.add(p)
        return p
      }
    }
  }

  /**
   * An ID number that passes the check digit, encodes the real date of birth and the gender
   * (odd 17th digit for men), and begins with a real county code: usually where the member
   * lives, sometimes elsewhere (the number records where one was first registered).
   */
  private idNumber(born: Ymd, gender: '男' | '女', place: Place | null): string {
    const rnd = this.rnd
    const own = place ? areaCodeOf(place) : undefined
    let area = own && rnd.chance(0.7) ? own : rnd.chance(0.6) ? rnd.pick(this.homeCodes) : this.anyCode()
    const date = `${born.y}${String(born.m).padStart(2, '0')}${String(born.d).padStart(2, '0')}`
    for (let tries = 0; ; tries++) {
      if (tries > 20) area = this.anyCode()
      const seq = rnd.int(0, 499) * 2 + (gender === '男' ? 1 : 0)
      const first17 = `${area}${date}${String(seq).padStart(3, '0')}`
      const id = first17 + idCheckChar(first17)
      if (!this.usedIds.has(id)) {
        this.usedIds.add(id)
        return id
      }
    }
  }

  private allCodes: string[] | undefined
  private anyCode(): string {
    this.allCodes ??= [...divisionCodes().values()]
    return this.rnd.pick(this.allCodes)
  }
}
