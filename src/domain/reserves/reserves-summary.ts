import { formatMillions } from '../core/money';
import type { ReserveLine, ReservesPosition } from './reserves-position';

/*
 * Sentences a board member can read instead of the reserves charts, from the figures. £m to two
 * decimals, half away from zero.
 */

const largest = (
  lines: readonly ReserveLine[],
  of: (l: ReserveLine) => ReserveLine['opening'],
): ReserveLine | undefined =>
  lines.filter((l) => of(l) !== null && !of(l)!.isZero()).sort((a, b) => of(b)!.abs().comparedTo(of(a)!.abs()))[0];

/** "Usable reserves fell from £29.68m to £24.23m (down £5.45m); the largest fall: Budget Assistance Reserve, down £4.35m." */
export function summariseReserveBalances(position: ReservesPosition): string {
  const total = position.usable;
  if (!total || total.opening === null || total.closing === null) return 'Usable reserves: no total to summarise.';
  const change = total.closing.minus(total.opening);
  const direction = change.isZero() ? 'were unchanged at' : change.isNegative() ? 'fell from' : 'rose from';
  const head = change.isZero()
    ? `Usable reserves ${direction} ${formatMillions(total.closing)}`
    : `Usable reserves ${direction} ${formatMillions(total.opening)} to ${formatMillions(total.closing)} (${change.isNegative() ? 'down' : 'up'} ${formatMillions(change.abs())})`;
  const net = (l: ReserveLine) => l.netMovement;
  const fall = largest(
    position.reserves.filter((l) => l.netMovement?.isNegative()),
    net,
  );
  const rise = largest(
    position.reserves.filter((l) => l.netMovement?.isPositive()),
    net,
  );
  const parts = [head];
  if (fall) parts.push(`the largest fall: ${fall.name}, down ${formatMillions(fall.netMovement!.abs())}`);
  if (rise) parts.push(`the largest rise: ${rise.name}, up ${formatMillions(rise.netMovement!)}`);
  return `${parts.join('; ')}.`;
}

/** "£4.33m added and £9.78m used; most used: Budget Assistance Reserve £4.35m; most added: Capital Carry Forward Reserve £2.17m." */
export function summariseReserveMovements(position: ReservesPosition): string {
  const total = position.usable;
  if (!total || total.added === null || total.used === null) return 'Reserve movements: no total to summarise.';
  const parts = [`${formatMillions(total.added)} added to reserves and ${formatMillions(total.used)} used`];
  const used = largest(position.reserves, (l) => l.used);
  const added = largest(position.reserves, (l) => l.added);
  if (used) parts.push(`most used: ${used.name} ${formatMillions(used.used!)}`);
  if (added) parts.push(`most added: ${added.name} ${formatMillions(added.added!)}`);
  return `${parts.join('; ')}.`;
}
