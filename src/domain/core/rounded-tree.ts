import type { Money } from './money';
import { ZERO, roundHalfAwayFromZero, sum } from './money';

/*
 * Rounding a hierarchy of figures for presentation so that every level casts: the Table 1 total, its
 * lines, their areas and the cost centres under them, each in whole £'000 (or whole pence), with every
 * parent equal to the sum of its children as shown.
 *
 * The root is rounded half away from zero (the presentation rule). Each parent's shown figure is then
 * shared among its children by largest remainder: each child goes to its floor or its ceiling, the
 * largest fractions going up first (ties to the earlier child), until they add to the parent. So a shown
 * figure is never more than one unit from its exact value, and the exact figure stays in the model. This
 * is the paper's "figures may not cast due to roundings", solved instead of footnoted.
 */

export interface TreeValues {
  id: string;
  /** Exact values, one per column, in pounds; null where there is no figure (e.g. no actual). */
  values: readonly (Money | null)[];
  children: readonly TreeValues[];
}

/** Whole units, one per column; null where the exact figure is null. */
export type Shown = (Money | null)[];

/**
 * Shares `target` (whole units) among `values` (in units) by largest remainder. Returns null when the
 * target is not reachable by floors and ceilings (the values do not add to what the parent says).
 */
export function shareByLargestRemainder(values: readonly Money[], target: Money): Money[] | null {
  const floors = values.map((v) => v.floor());
  const fractions = values.map((v, i) => v.minus(floors[i]!));
  const ups = target.minus(sum(floors));
  const candidates = fractions.map((f, i) => ({ f, i })).filter((c) => !c.f.isZero());
  if (ups.isNegative() || ups.greaterThan(candidates.length) || !ups.isInteger()) return null;
  candidates.sort((a, b) => b.f.comparedTo(a.f) || a.i - b.i);
  const up = new Set(candidates.slice(0, ups.toNumber()).map((c) => c.i));
  return floors.map((f, i) => {
    const v = up.has(i) ? f.plus(1) : f;
    return v.isZero() ? ZERO : v;
  });
}

/**
 * Rounds every node of the trees to whole `unit`s (1000 for £'000, 0.01 for pence), casting at every
 * level. Returns node id -> shown values in units. A parent whose children do not add to it (bad input)
 * has its children rounded each on its own instead.
 */
export function roundTree(roots: readonly TreeValues[], unit: Money): Map<string, Shown> {
  const shown = new Map<string, Shown>();
  const inUnits = (v: Money | null): Money | null => (v === null ? null : v.dividedBy(unit));
  const visit = (node: TreeValues, mine: Shown): void => {
    shown.set(node.id, mine);
    if (node.children.length === 0) return;
    const columns = node.values.length;
    const childShown: Shown[] = node.children.map(() => new Array<Money | null>(columns).fill(null));
    for (let c = 0; c < columns; c++) {
      const exact = node.children.map((child) => inUnits(child.values[c] ?? null));
      const target = mine[c] ?? null;
      const shared =
        target === null
          ? null
          : shareByLargestRemainder(
              exact.map((v) => v ?? ZERO),
              target,
            );
      exact.forEach((v, i) => {
        childShown[i]![c] = v === null ? null : shared ? shared[i]! : roundHalfAwayFromZero(v, 0);
      });
    }
    node.children.forEach((child, i) => visit(child, childShown[i]!));
  };
  for (const root of roots)
    visit(
      root,
      root.values.map((v) => (v === null ? null : roundHalfAwayFromZero(v.dividedBy(unit), 0))),
    );
  return shown;
}
