import type { BirthdayCounts } from '../../../../../db/services/birthdays/month'

const grouped = (n: number) => n.toLocaleString('en-US')

/** "2,031 位本月生日 · 1,012 位有地址 · …": the month at a glance, as the clerks count it. */
export function countsLine(c: BirthdayCounts): string {
  return [
    `${grouped(c.born)} 位本月生日`,
    `${grouped(c.withAddress)} 位有地址`,
    `${grouped(c.sms)} 位可发短信`,
    `${grouped(c.mailable)} 位可寄贺卡`,
    `已打印 ${grouped(c.printed)}`,
    `待打印 ${grouped(c.toPrint)}`,
    `地址退回 ${grouped(c.returned)}`,
  ].join(' · ')
}
