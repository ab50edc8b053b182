/**
 * Text or bytes cut at the given places (each taken modulo one past its length, then sorted; repeats dropped): the
 * pieces a reader is fed in the differential tests of the record reader, from a property's arbitrary numbers.
 */
export function cutPieces<T extends { readonly length: number; slice(from: number, to?: number): T }>(
  whole: T,
  at: readonly number[],
): T[] {
  const points = [...new Set(at.map((a) => a % (whole.length + 1)))].sort((a, b) => a - b);
  const pieces: T[] = [];
  let from = 0;
  for (const p of points) {
    pieces.push(whole.slice(from, p));
    from = p;
  }
  pieces.push(whole.slice(from));
  return pieces;
}
