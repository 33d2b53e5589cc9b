/** Full-width ASCII (ＡＢＣ１２３, full-width space) to half-width, then trimmed. */
export function toHalfWidth(value: string): string {
  return value
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .trim()
}

/** Collapses internal runs of white space (imports are full of them). */
export const squash = (value: string) => toHalfWidth(value).replace(/\s+/g, ' ')
