import type { ImportField } from '../../../../../db/services/members/import/types'

/**
 * The importer's field names in Chinese. A copy of IMPORT_FIELDS, because that object lives in
 * db/services, which the renderer may only import types from; the Record type makes the compiler
 * flag any field added there and missing here. Drop this file once IMPORT_FIELDS moves to db/rules.
 */
export const IMPORT_FIELD_LABELS: Record<ImportField, string> = {
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
}
