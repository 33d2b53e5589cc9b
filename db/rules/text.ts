const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/

/** Full-width ASCII (ＡＢＣ１２３, full-width space) to half-width, then trimmed. */
export function toHalfWidth(value: string): string {
  // Most cells have nothing to convert; an import calls this a million times.
  if (!FULL_WIDTH.test(value)) return value.trim()
  return value
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .trim()
}

/** Collapses internal runs of white space (imports are full of them). */
export const squash = (value: string) => toHalfWidth(value).replace(/\s+/g, ' ')
