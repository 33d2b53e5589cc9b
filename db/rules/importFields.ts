/** Pure data shared by the member importer and the renderer's column-mapping screen. */

/** The member fields a spreadsheet column can be mapped to. */
export const IMPORT_FIELDS = {
  cardNo: '卡号',
  name: '姓名',
  gender: '性别',
  phone: '手机',
  birthday: '生日',
  lunar: '农历',
  leapMonth: '闰月',
  idNumber: '身份证号',
  address: '地址',
  province: '省份',
  city: '城市',
  district: '区县',
  postalCode: '邮编',
  tier: '等级',
  joinDate: '开卡日期',
  source: '开卡方式',
  referrerCardNo: '推荐人卡号',
  smsConsent: '短信同意',
  mailConsent: '邮寄同意',
  notes: '备注',
  /** The balance carried over from the old system, posted once as an opening ledger entry */
  openingPoints: '期初积分',
} as const
export type ImportField = keyof typeof IMPORT_FIELDS
