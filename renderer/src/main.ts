import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { onNotice, onUnauthenticated } from './api/client'
import { notification, reportError } from './api/feedback'
import { router } from './router'
import { useSessionStore } from './stores/session'
import './styles.css'

const app = createApp(App)
const pinia = createPinia()
app.use(pinia)
app.use(router)

// Errors thrown by calls that no view handled end up here and are shown once, in Chinese.
app.config.errorHandler = (e) => reportError(e)
window.addEventListener('unhandledrejection', (event) => {
  event.preventDefault()
  reportError(event.reason)
})
router.onError((e) => reportError(e))

// Main forgot this window's session (restore, restart, account deactivated): back to login.
onUnauthenticated(() => {
  useSessionStore(pinia).forget()
  void router.push({ name: 'login' })
})

// Said to every desk (a restore on the server is about to log everyone out): stays until read.
onNotice(({ message }) => notification.warning({ title: '重要通知', content: message, duration: 0, closable: true }))

app.mount('#app')
