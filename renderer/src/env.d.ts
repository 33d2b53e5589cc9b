/// <reference types="vite/client" />
import type { Bridge } from '../../electron/shared/contract'

declare global {
  interface Window {
    vipdesk: Bridge
  }
}

declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, unknown>
  export default component
}
