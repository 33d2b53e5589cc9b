import { htmlToPdf } from '../../db/print/chromium'
import type { Printer } from '../../server/core/context'

/** For handler tests that print nothing: any attempt fails the test loudly. */
export const noPrinter: Printer = {
  pdf: () => Promise.reject(new Error('this test does not print')),
  print: () => Promise.reject(new Error('this test does not print')),
}

/**
 * Prints for real where Electron is not: PDFs from headless Chromium, and a printer that keeps
 * the HTML it was sent (and always "prints") so tests can read what went out.
 */
export function chromiumPrinter(): Printer & { printed: string[] } {
  const printed: string[] = []
  return {
    printed,
    pdf: (html) => htmlToPdf(html),
    print: async (html) => {
      printed.push(html)
      return true
    },
  }
}
