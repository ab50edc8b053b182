/*
 * Codes as map keys. A cell read from the file is a fresh string every row, which a Map must hash anew
 * on every lookup; an all-digit code as a small integer is its own hash.
 */

/**
 * The map key of a trimmed code: up to 8 digits as the number 1 followed by them ("01234" -> 101234, so
 * that leading zeros still tell codes apart, and the number stays a small integer); anything else as its
 * text. Two codes have the same key exactly when they are the same text.
 */
export function codeKey(code: string): number | string {
  const n = code.length;
  if (n === 0 || n > 8) return code;
  let key = 1;
  for (let i = 0; i < n; i++) {
    const d = code.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return code;
    key = key * 10 + d;
  }
  return key;
}
