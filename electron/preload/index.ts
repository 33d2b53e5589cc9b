import { contextBridge, ipcRenderer } from 'electron'
import { CALL_NAMES, EVENT_CHANNEL, type Bridge, type CallName } from '../../server/contract/contract'

/**
 * Exposes exactly the contract's calls and nothing else of ipcRenderer. Sandboxed preloads may
 * only require 'electron', so the contract's names are bundled in.
 */
const allowed = new Set<string>(CALL_NAMES)

const bridge: Bridge = {
  invoke(name, input) {
    if (!allowed.has(name)) return Promise.reject(new Error(`未知的操作：${String(name)}`))
    return ipcRenderer.invoke(name as CallName, input)
  },
  on(event, listener) {
    const wrapped = (_e: unknown, name: string, payload: unknown) => {
      if (name === event) listener(payload as never)
    }
    ipcRenderer.on(EVENT_CHANNEL, wrapped)
    return () => ipcRenderer.removeListener(EVENT_CHANNEL, wrapped)
  },
}

contextBridge.exposeInMainWorld('vipdesk', bridge)
