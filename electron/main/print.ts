import type { Printer } from './context'

/**
 * Printing through Chromium in a hidden window. (Stub: filled in by the catalogue work.)
 */
export const electronPrinter: Printer = {
  pdf() {
    return Promise.reject(new Error('not implemented yet'))
  },
  print() {
    return Promise.reject(new Error('not implemented yet'))
  },
}
