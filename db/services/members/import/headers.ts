import { toHalfWidth } from '../../../rules/text'
import type { ColumnMapping, ImportField } from './types'

/**
 * Header spellings seen in stores' member sheets, in their normalised form (see `headerKey`).
 * Our own export's headers are here too, so an exported list imports back unchanged.
 */
const SPELLINGS: Record<ImportField, string[]> = {
  cardNo: ['卡号', '会员卡号', 'vip卡号', '贵宾卡号', '会员号', '会员编号', '卡号码', 'cardno', 'card'],
  name: ['姓名', '会员姓名', '客户姓名', '顾客姓名', '名字', '会员名称', 'name'],
  gender: ['性别', 'sex', 'gender'],
  phone: [
    '手机',
    '手机号',
    '手机号码',
    '电话',
    '联系电话',
    '电话号码',
    '移动电话',
    '联系方式',
    '手机电话',
    'mobile',
    'phone',
  ],
  birthday: ['生日', '出生日期', '出生年月日', '生日日期', '会员生日', 'birthday'],
  lunar: ['农历', '是否农历', '历法', '阴历', '公历/农历', '农历/公历'],
  leapMonth: ['闰月', '是否闰月', '农历闰月'],
  idNumber: ['身份证', '身份证号', '身份证号码', '证件号', '证件号码', '身份证件号'],
  address: ['地址', '联系地址', '通讯地址', '家庭地址', '详细地址', '邮寄地址', '住址', '街道地址'],
  province: ['省', '省份', '所在省', '所在省份', '省/直辖市'],
  city: ['市', '城市', '地市', '所在市', '所在城市'],
  district: ['区', '区县', '县区', '区/县', '县/区', '所在区县'],
  postalCode: ['邮编', '邮政编码'],
  tier: ['等级', '会员等级', '卡类', '卡类型', '卡种', '卡级别', '级别'],
  joinDate: ['开卡日期', '入会日期', '办卡日期', '开卡时间', '入会时间', '注册日期'],
  source: ['开卡方式', '来源', '开卡来源', '办卡方式', '入会渠道', '渠道'],
  referrerCardNo: ['推荐人卡号', '推荐人', '推荐人会员卡号'],
  smsConsent: ['短信同意', '接收短信', '同意短信', '是否接收短信', '短信'],
  mailConsent: ['邮寄同意', '接收邮寄', '同意邮寄', '是否接收邮寄', '邮寄'],
  notes: ['备注', '说明', '备注信息'],
  openingPoints: ['期初积分', '积分', '可用积分', '积分余额', '当前积分', '剩余积分'],
}

/**
 * How a header is compared: half-width, no spaces, lower case, and without the decorations
 * staff add to templates — a required-star, or a hint in brackets such as 生日（yyyy-mm-dd）.
 */
export function headerKey(header: string): string {
  return toHalfWidth(header)
    .replace(/\s/g, '')
    .replace(/[*＊]/g, '')
    .replace(/[(（[【][^)）\]】]*[)）\]】]$/, '')
    .toLowerCase()
}

const LOOKUP = new Map<string, ImportField>()
for (const [field, names] of Object.entries(SPELLINGS) as [ImportField, string[]][]) {
  for (const n of names) LOOKUP.set(headerKey(n), field)
}

/**
 * Proposes which field each column feeds. A field is given to its first matching column only;
 * later look-alikes and unknown columns stay null for the user to map by hand.
 */
export function guessMapping(headers: string[]): ColumnMapping {
  const taken = new Set<ImportField>()
  return headers.map((h) => {
    const field = LOOKUP.get(headerKey(h ?? ''))
    if (!field || taken.has(field)) return null
    taken.add(field)
    return field
  })
}
