import type { Printer } from '../../electron/main/context'

/** For handler tests that print nothing: any attempt fails the test loudly. */
export const noPrinter: Printer = {
  pdf: () => Promise.reject(new Error('this test does not print')),
  print: () => Promise.reject(new Error('this test does not print')),
}
