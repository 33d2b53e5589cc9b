import { z } from 'zod'
import { validationError, type FieldIssue } from './errors'

z.config(z.locales.zhCN())

/** Names shown in messages for fields whose schema key is English. */
const fieldLabels: Record<string, string> = {
  cardNo: '卡号',
  name: '姓名',
  gender: '性别',
  phone: '手机',
  birthday: '生日',
  birthdayCalendar: '历法',
  birthdayLeapMonth: '闰月',
  idNumber: '身份证号',
  province: '省份',
  city: '城市',
  district: '区县',
  address: '地址',
  postalCode: '邮编',
  tier: '等级',
  status: '状态',
  joinDate: '开卡日期',
  source: '开卡方式',
  referrerCardNo: '推荐人卡号',
  notes: '备注',
  password: '密码',
  role: '角色',
  page: '页码',
  pageSize: '每页条数',
  query: '搜索内容',
  fee: '补卡费',
  newCardNo: '新卡号',
  feeFen: '补卡费',
  reason: '原因',
}

export const labelOf = (field: string) => fieldLabels[field] ?? field

/** Parses input or throws a validation AppError listing every problem in Chinese. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input)
  if (result.success) return result.data
  const issues: FieldIssue[] = result.error.issues.map((i) => {
    const field = i.path.map(String).join('.') || '输入'
    return { field, message: i.message }
  })
  const first = issues[0]
  const message = issues.map((i) => (i.field === '输入' ? i.message : `${labelOf(i.field)}：${i.message}`)).join('；')
  throw validationError(first ? message : '输入无效', issues)
}

export { z }
