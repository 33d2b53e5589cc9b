import { createDiscreteApi, dateZhCN, zhCN } from 'naive-ui'
import { themeOverrides } from '../theme'
import { isApiError } from './client'

/**
 * Messages that stores and the error handler can raise outside any component. One message stack
 * for the whole app, so a success toast from a view and an error from a store never overlap.
 */
const { message, notification } = createDiscreteApi(['message', 'notification'], {
  configProviderProps: { locale: zhCN, dateLocale: dateZhCN, themeOverrides },
  messageProviderProps: { max: 3, keepAliveOnHover: true },
  // Not scrollable: a scrollable container catches clicks across the whole top-right corner,
  // so the buttons under it (导入, 导出, 退出登录) would stop working while a notice is up.
  notificationProviderProps: { scrollable: false, max: 3 },
})

/** Notifications that stay until read (a PDF the browser would not open, a notice to every desk). */
export { notification }

export const toast = {
  success: (text: string) => message.success(text, { duration: 2500 }),
  info: (text: string) => message.info(text, { duration: 3000 }),
  warning: (text: string) => message.warning(text, { duration: 4000 }),
  error: (text: string) => message.error(text, { duration: 5000, closable: true }),
}

/**
 * The one place errors reach the user. Refusals the user can fix (wrong input, not allowed,
 * already used) are a short message; failures of the program itself are a notification that
 * stays until read, because the work was not done.
 */
export function reportError(e: unknown): void {
  if (isApiError(e)) {
    if (e.reported) return
    e.reported = true
    if (e.kind === 'unauthenticated') toast.warning(e.message || '请重新登录')
    else if (e.kind === 'database' || e.kind === 'busy' || e.kind === 'transport') {
      notification.error({ title: '操作未完成', content: e.message, duration: 15000, closable: true })
    } else toast.error(e.message)
    return
  }
  console.error(e)
  notification.error({
    title: '界面出错',
    content: '刚才的操作没有完成。请重试；如果反复出现，请记下操作步骤并联系管理员。',
    duration: 8000,
    closable: true,
  })
}
