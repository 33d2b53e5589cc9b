/// <reference types="vite/client" />
import type { Bridge } from '../../server/contract/contract'
import type { ConnectionBridge } from '../../electron/preload/connectionApi'

declare global {
  interface Window {
    vipdesk: Bridge
    /** Set when the page came from the store server (no preload): calls go over HTTPS. */
    vipdeskOverHttp?: boolean
    /** 设置 → 连接 (desktop app only: a browser at a desk has no choice to make). */
    vipdeskConnection?: ConnectionBridge
  }
}

declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, unknown>
  export default component
}

// End-to-end tests find elements by data-testid; let templates pass it wherever attributes go.
declare module 'vue' {
  interface HTMLAttributes {
    'data-testid'?: string
  }
}
