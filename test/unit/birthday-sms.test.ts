import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { isAppError } from '../../db/errors'
import { DEFAULT_BIRTHDAY_MAIL, smsLength, smsSegments, unknownPlaceholders } from '../../db/rules/birthdayMail'
import { birthdaySmsText } from '../../db/services/birthdays/sms'
import { getSettings, updateSettings } from '../../db/services/settings'
import { dumpDb, makeTestDb, type TestDb } from '../support/db'

let t: TestDb
beforeEach(() => (t = makeTestDb()))
afterEach(() => t.close())

const rules = {
  template: DEFAULT_BIRTHDAY_MAIL.smsTemplate,
  storeName: '东方百货',
  giftText: '保温杯一只',
  collectDays: 30,
}

describe('birthday SMS text', () => {
  it('fills every placeholder: 先生/女士 from the gender, 会员 when unknown; the deadline after the birthday', () => {
    expect(birthdaySmsText({ name: '王芳', gender: '女', dateThisYear: '2026-12-24' }, rules)).toBe(
      '尊敬的王芳女士：东方百货祝您12月24日生日快乐！凭会员卡于1月23日前到贵宾室领取保温杯一只。',
    )
    expect(birthdaySmsText({ name: '李强', gender: '男', dateThisYear: '2026-02-28' }, rules)).toContain('李强先生')
    expect(birthdaySmsText({ name: '张三', gender: null, dateThisYear: '2026-02-28' }, rules)).toContain('张三会员：')
    expect(birthdaySmsText({ name: '张三', gender: null, dateThisYear: '2026-02-28' }, rules)).toContain('3月30日前')
  })

  it('counts characters as the phone does and bills per 70', () => {
    expect(smsLength('生日快乐🎂')).toBe(5)
    expect(smsSegments('字'.repeat(70))).toBe(1)
    expect(smsSegments('字'.repeat(71))).toBe(2)
    expect(smsSegments('字'.repeat(140))).toBe(2)
    expect(smsSegments('')).toBe(1)
  })
})

describe('birthdayMail settings', () => {
  it('default to the store plan: SMS 0.05 元, card 2 元', () => {
    expect(getSettings(t.db).birthdayMail).toMatchObject({ smsPriceFen: 5, cardCostFen: 200 })
  })

  it('reject an unknown placeholder or a negative price in Chinese and change nothing', () => {
    const before = dumpDb(t.db)
    for (const [patch, message] of [
      [{ smsTemplate: '{名字}生日快乐' }, '短信模板含未知占位符：{名字}'],
      [{ smsPriceFen: -1 }, '短信单价不能为负'],
      [{ smsTemplate: ' ' }, '请填写短信模板'],
    ] as const) {
      try {
        updateSettings(t.db, { birthdayMail: { ...DEFAULT_BIRTHDAY_MAIL, ...patch } }, t.admin)
        expect.fail('accepted')
      } catch (e) {
        expect(isAppError(e) && e.kind).toBe('validation')
        expect((e as Error).message).toContain(message)
      }
    }
    expect(dumpDb(t.db)).toEqual(before)
    expect(unknownPlaceholders('{姓名}{称谓}{礼品}{x}')).toEqual(['x'])
  })
})
