/*
 * Transfers to and from reserves are planned movements, not spending: a board approves them, so a transfer
 * larger than its budget is not an overspend and is not given a status. The papers name them ("Transfer to
 * Reserves", "Reserves", "Constabulary reserve transfers"), as they name income; a line is one when its name
 * says reserve(s) and it is not itself a total.
 */
const RESERVE = /\breserves?\b/i;
const TOTAL = /^\s*total\b/i;

/** True for a line that moves money to or from a reserve, by its name. */
export function isReserveTransfer(label: string): boolean {
  return RESERVE.test(label) && !TOTAL.test(label);
}
