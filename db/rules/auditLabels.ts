/**
 * The audit log stores short codes (`replace-card`, `login_failed`); people read them in words. One
 * map for the 操作日志 screen and its filter; a test checks that every code the services write has
 * its words here.
 */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  create: '新建',
  update: '修改',
  delete: '删除',
  status: '状态变更',
  'replace-card': '补卡',
  reveal: '查看完整信息',
  import: '导入',
  export: '导出',
  backup: '备份',
  restore: '恢复',
  seed: '示例数据',
  login: '登录',
  login_failed: '登录失败',
  login_locked: '登录锁定',
  logout: '退出登录',
  adjust: '调整',
  expire: '积分过期',
  redeem: '兑换',
  return: '退回',
  receive: '入库',
  issue: '出库',
  stocktake: '盘点',
  upgrade: '升级',
  review: '年度评级',
  renew: '续期',
  assign: '分配维护人',
  move: '调整维护人',
  auto_assign: '自动分配',
  release: '解除维护',
  handover: '交接',
  leave: '离开维护',
  rejoin: '重新加入',
  contact: '维护记录',
  schedule: '安排送达',
  deliver: '送达',
  cancel: '取消',
}

export const AUDIT_ENTITY_LABELS: Record<string, string> = {
  member: '会员',
  operator: '操作员',
  session: '登录',
  settings: '设置',
  database: '数据库',
  restore: '数据库',
  points: '积分',
  purchase: '消费',
  card: '会员卡',
  tier: '等级',
  gift: '礼品',
  staff: '维护人',
  vip_assignment: 'VIP维护',
  cake_delivery: '生日蛋糕',
  store_sales: '全店销售',
  department: '课别',
  counter: '专柜',
  department_alias: '课别别名',
  counter_alias: '专柜别名',
}

/** The words for an action code; an unknown (older or newer) code is shown as it is. */
export const auditActionLabel = (code: string): string => AUDIT_ACTION_LABELS[code] ?? code
export const auditEntityLabel = (code: string): string => AUDIT_ENTITY_LABELS[code] ?? code
