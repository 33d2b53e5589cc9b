/** `help` output. Command names are English (scripts type them); explanations are Chinese. */
export const USAGE = `vipdesk 命令行 — 会员数据维护工具（IT 人员与定时任务使用）

用法：npm run cli -- <命令> [选项]

命令：
  seed --members N [--seed S]   生成 N 名示例会员（同一随机种子结果相同）
       [--purchases N]          再为全部会员生成 N 行近两年的示例消费（含退货、会员日与节假日高峰），
                                经积分引擎计入积分；只给 --purchases 时为已有会员补生成消费
  seed --demo [--seed S] [--members N] [--purchases N]
                                在空数据库中生成整套示例数据（默认 2,000 名会员，每人约 10 行消费）：
                                另有带照片和库存的礼品目录及若干兑换单、维护人及其VIP与维护记录、
                                近 13 个月各课别全店销售、本月生日贺卡打印记录；同一随机种子结果相同
  import members FILE           从 .xlsx / .csv 文件导入会员（重复导入按卡号更新）
  import purchases FILE         从收银导出的 .xlsx / .csv 导入消费并计算积分（已导入的单号行不重复）
  points check                  按积分流水重算全部余额并列出不一致（有不一致时退出码为 1）
  members list                  列出全部会员（按卡号排序；表格中手机号已遮蔽）
  export members FILE           导出全部会员到 FILE（.xlsx 或 .csv，含完整手机号与身份证号）
  points expire [--as-of 日期]  处理截至该日（YYYY-MM-DD，默认今天）到期的积分；重复执行不会重复扣减
  tiers review [--as-of 日期]   做截至该日应做的年度等级评级（降级只在此时发生）；同一评级日只做一次
  cards renew-due [--as-of 日期] 为有效期内积分达标的过期会员卡自动续期；重复执行不会重复续期
  jobs run                      立即执行每日任务（与程序在门店零点后执行的相同）：每日备份（数据库旁的 backups 文件夹）、
                                积分过期、年度等级评级、会员卡有效期与自动续期；重复执行不会重复处理；
                                --json 输出 {day, jobs:[{job, label, ok, summary, result|error}]}；有任务失败时退出码为 1
  import gifts FILE             从 .xlsx / .csv 导入礼品目录（重复导入按编码更新；库存列只在礼品尚无流水时记为期初库存）
  import store-sales FILE       从 .xlsx / .csv 导入全店月度销售（表头：月份、课别、销售额，销售额以元计）；
                                已有的月份课别数字被替换；有任何错误行时整份文件不导入，退出码为 1 并列出全部错误
  departments list              列出课别与专柜（--json 输出 [{"name":"营业一课","counters":["专柜1",…],"active":true}]）
  import departments FILE       从 .xlsx / .csv 导入课别与专柜（表头：课别、专柜；只新增，不删除）；
                                有任何错误行时整份文件不导入，退出码为 1 并列出全部错误
  gifts list                    列出礼品目录（编码、名称、类别、库存、预警库存、兑换积分、成本）
  gifts receive CODE QTY [--unit-cost 元 | --unit-cost-fen 分]
                                礼品入库 QTY 件（单价以元计，最多两位小数，如 12.50；--unit-cost-fen 以分计；默认取目录成本）
  gifts redeem --card 卡号 CODE[xQTY]...
                                为会员兑换礼品（例：G001 G002x2）；不符合兑换条件时退出码为 1 并说明原因
  vouchers redeem-points --card 卡号 --value 元 [--count N] [--ignore-window --reason 原因]
                                年度积分兑换：用积分换 N 张该面值的积分通用券（面值按设置的兑换表，如 30/40/50）；
                                --json 输出 [{"voucherNo","kind","valueFen","pointsUsed","validUntil"}]；
                                不在兑换期内或积分不足时退出码为 1 并说明原因；--ignore-window 仅企划、管理员可用，
                                须附 --reason（记入操作日志），为错过活动的会员补兑
  vouchers use VOUCHERNO [--receipt 单号]
                                核销一张券；--json 输出 {"voucherNo","status":"used"}；已使用、已过期、已作废或
                                找不到时退出码为 1 并说明原因
  vouchers list [--card 卡号] [--status issued|used|expired|voided]
                                列出券（新的在前）；--json 输出 [{"voucherNo","kind","valueFen","cardNo","status",
                                "issuedAt","validUntil","usedAt"}]（时间为门店时区 YYYY-MM-DD HH:mm）
  export gifts FILE             导出礼品目录到 FILE（.xlsx 或 .csv，含库存与库存金额；可用 import gifts 导回）
  gifts report [--month YYYY-MM]
                                礼品月报：按类别与用途的礼品成本、兑换次数与积分、月末库存金额（默认本月）
  gifts catalogue --pdf FILE [--from 日期] [--until 日期]
                                生成积分兑换礼品册（A4 PDF，按积分段分组，含照片；有效期默认本季度）；
                                用无界面 Chromium 排版，可用环境变量 VIPDESK_CHROMIUM 指定其路径
  stock check                   按出入库流水重算全部礼品库存并列出不一致（有不一致时退出码为 1）
  league --month YYYY-MM [--pdf FILE]
                                VIP维护人月度评比（人均交易笔数 = 交易笔数 ÷ 维护VIP数，退货不计）；
                                --pdf 生成会议用 A4 报告（评比表、柱状图、维护记录、下月VIP生日）
  cake-list --month YYYY-MM     当月生日蛋糕名单：生日（公历/农历按当年日期）在该月、积分最高的有效会员
  birthdays --month YYYY-MM [--sms FILE]
  birthdays --month YYYY-MM --pdf FILE [--design folded-a5|postcard] [--labels envelope|3x7|2x5] [--offset N] [--reprint]
                                生日关怀名单：生日（农历按当年日期，闰月与三十日按规则顺延）在该月的有效会员，
                                含有地址/短信/邮寄人数；--sms 导出同意短信会员的手机号与个性化短信
                                （.csv 或 .xlsx，含字数、条数与费用）；--json 输出数组；
                                --pdf 为同意邮寄且地址可用、本次生日尚未打印的会员生成贺卡（默认对折贺卡），
                                --labels 另存信封或标签（文件名加"-信封标签"，--offset 跳过首张已用的标签数），
                                记为一个打印批次；--reprint 连同已打印过的一起重印。
                                纸张：对折贺卡为 A4 横向，双面打印、短边翻转，打印后对折成 A5；
                                明信片为 148×100 毫米卡纸，双面打印（每张两页：祝福面、地址面）。
                                正式打印前先用 --test-print 打一张样张核对纸张方向
  birthdays --test-print FILE [--design folded-a5|postcard]
                                生成一张示例数据的样张 PDF（不选会员、不记批次），用来试纸张和双面方向
  settings store [--name 名称] [--address 地址] [--postcode 邮编] [--phone 电话]
                                门店信息（信封、标签、明信片寄件人一栏）：不带选项时显示当前值；
                                带选项时检查并保存（邮编 6 位数字；记入操作日志）。未设置地址时寄件人只有门店名称
  report kpi --month YYYY-MM    会员计划月度指标：会员数、活跃卡（近12个月有消费）、新开卡、沉睡会员、VIP销售额、
                                全店销售额、VIP业绩占比、积分发放/兑换/过期/余额、券发出/核销/过期/余额（本月计到今天）；
                                --json 输出 {members, activeCards, newCards, sleeping, vipSales, storeSales, vipShare,
                                pointsIssued, pointsRedeemed, pointsExpired, pointsOutstanding, vouchersIssued,
                                vouchersUsed, vouchersExpired, vouchersOutstanding}（金额以分计，占比为小数）
  report monthly --month YYYY-MM --pdf FILE [--department 课别]
                                会员计划月度报告（A4 横向 PDF）：本月指标与上月对比，近 12 个月各图表及数据表
  report table CHART --from YYYY-MM --to YYYY-MM [--department 课别] (--xlsx FILE | --pdf FILE)
                                一张图表的数据表导出为 .xlsx 或 A4 横向 PDF；CHART 为 newCards（新开卡来源）、
                                sales（VIP销售占比）、tiers（会员等级）、points（积分）、giftAlerts（礼品库存预警）、
                                birthdayMail（生日关怀寄送）、league（维护人评比）、vouchers（券负债：各月各券种
                                发放/使用/过期/月末未用）、referrals（推荐办卡：推荐人、推荐入会、奖励积分）
  staff add NAME --department 部门 --hire-date YYYY-MM-DD [--capacity N] [--phone 手机]
                                登记维护人（部门：营业一课…营业五课、企划、贵宾室；名额默认取设置）
  assign --card 卡号 --staff 姓名 [--from YYYY-MM-DD]
                                把会员交给维护人维护（已有维护人时改为调整；开始日期默认今天）
  assign auto [--apply]         自动分配方案：把待分配的高端会员均衡分给合格维护人（同课优先、不超名额）；
                                --apply 按方案一次写入；--json 输出数组
  campaign create --name 名称 --sleeping-months N [--voucher 券种]
                                沉睡会员唤醒活动：N 个月未消费的有效会员进入回访名单，有维护人的会员直接交给其维护人；
                                --voucher 为每人发一张该券种的券（一次活动每人最多一张）；
                                --json 输出 {id, name, members, assigned, vouchers}
  campaign report ID            唤醒活动报告：按回访人统计名单人数、已联系、接通、回店（首次回访后规定天数内消费）、
                                回店销售与用券；--json 输出 {id, name, returnDays, voucherKind, members, contacted,
                                reached, returned, salesFen, vouchersUsed, callers:[{staffId, staffName, …}]}（金额以分计）
  operators add NAME --role admin|planner|viproom|clerk [--password-stdin]
                                新建操作员（管理员、企划、贵宾室、文员）；新的门店服务器用它创建第一个管理员
                                （数据库文件不存在时新建）。不加 --password-stdin 时在终端提示输入两次密码（不显示）；
                                脚本中加 --password-stdin，从标准输入读取一行密码；密码不能写在命令行上
  operators list                列出操作员（编号、用户名、角色、启用或停用）；
                                --json 输出数组 [{id, name, role, roleLabel, active}]
  operators reset-password NAME [--password-stdin]
                                重设操作员的密码（输入方式同 operators add），其已登录的设备全部退出
  backup FILE                   在线备份数据库到 FILE（运行中的程序不受影响）
  restore FILE                  用备份文件 FILE 替换当前数据库（原库另存到 backups 文件夹）
  help                          显示本说明

全局选项：
  --db FILE          数据库文件（未指定时使用环境变量 VIPDESK_DB）
  --json             在标准输出上只输出 JSON，便于脚本处理
  --operator NAME    以该操作员身份执行并记入审计日志（默认：系统）

退出码：0 成功；1 执行出错（错误信息在标准错误上）；2 命令或选项有误。

示例：
  npm run cli -- --db ./vipdesk.sqlite seed --members 500
  npm run cli -- --db ./vipdesk.sqlite seed --members 500 --purchases 5000
  npm run cli -- --db ./vipdesk.sqlite seed --demo --seed 7
  npm run cli -- --db ./vipdesk.sqlite --json import members 会员名单.xlsx
  npm run cli -- --db ./vipdesk.sqlite --json import purchases 收银流水.csv
  npm run cli -- --db ./vipdesk.sqlite --json members list > members.json
  npm run cli -- --db ./vipdesk.sqlite --json import gifts 礼品目录.xlsx
  npm run cli -- --db ./vipdesk.sqlite gifts redeem --card V000123 G001 G002x2
  npm run cli -- --db ./vipdesk.sqlite gifts catalogue --pdf 礼品册.pdf --from 2026-01-01 --until 2026-03-31
  npm run cli -- --db ./vipdesk.sqlite --json gifts report --month 2026-11
  npm run cli -- --db ./vipdesk.sqlite --json league --month 2026-10
  npm run cli -- --db ./vipdesk.sqlite birthdays --month 2026-12 --sms 生日短信.xlsx
  npm run cli -- --db ./vipdesk.sqlite birthdays --month 2026-12 --pdf 贺卡.pdf --design postcard --labels 3x7
  npm run cli -- --db ./vipdesk.sqlite --json report kpi --month 2026-10
  npm run cli -- --db ./vipdesk.sqlite report monthly --month 2026-10 --pdf 会员计划月报-2026-10.pdf
  npm run cli -- --db ./vipdesk.sqlite report table sales --from 2026-01 --to 2026-11 --xlsx VIP销售占比.xlsx
  npm run cli -- --db ./vipdesk.sqlite --json import store-sales 全店销售.xlsx
  npm run cli -- --db ./vipdesk.sqlite backup ./backups/vipdesk-manual.sqlite
  npm run cli -- --db ./vipdesk.sqlite operators add 王店长 --role admin
  npm run cli -- --db ./vipdesk.sqlite --json operators list
`

/** The command words an entry of USAGE's 命令 list starts with (`gifts receive CODE QTY …` → gifts receive). */
function entryWords(header: string): string[] {
  const words: string[] = []
  for (const token of header.trim().split(/\s+/)) {
    if (!/^[a-z][a-z-]*$/.test(token)) break
    words.push(token)
  }
  return words
}

/** USAGE's 命令 list as entries: the header line and its indented continuation lines. */
function usageEntries(): { words: string[]; lines: string[] }[] {
  const body = USAGE.slice(USAGE.indexOf('命令：\n') + 4, USAGE.indexOf('\n全局选项：'))
  const entries: { words: string[]; lines: string[] }[] = []
  for (const line of body.split('\n')) {
    if (!line.trim()) continue
    const last = entries.at(-1)
    // A continuation line is indented to the explanation column; a header starts two spaces in.
    if (/^ {3}/.test(line) && last) last.lines.push(line)
    else entries.push({ words: entryWords(line), lines: [line] })
  }
  return entries
}

/**
 * The help of the commands that start with `words` (`birthdays` → its two forms; `gifts` → every
 * gifts subcommand), with the global options; null when no command starts so.
 */
export function commandHelp(words: readonly string[]): string | null {
  const found = usageEntries().filter((e) => words.every((w, i) => e.words[i] === w))
  if (!found.length || !words.length) return null
  const name = words.join(' ')
  const group = found.some((e) => e.words.length > words.length)
  const title = group ? `命令 ${name} 的子命令：` : `命令 ${name}：`
  const globals = USAGE.slice(USAGE.indexOf('全局选项：'), USAGE.indexOf('\n退出码：'))
  return `用法：npm run cli -- ${name} …\n\n${title}\n${found.flatMap((e) => e.lines).join('\n')}\n\n${globals}`
}
