import { ZERO, roundHalfAwayFromZero, sum, type Money } from './money';

/*
 * Sum-preserving rounding: tables shown in £'000 must cast (rows add to their totals, columns to theirs)
 * while every shown figure stays within one unit of its exact value. Rounding each cell on its own breaks
 * casting (the paper's own warning: "figures may not cast due to roundings"), so we round the whole table.
 *
 * Inputs are already in the presentation unit (e.g. thousands of pounds); outputs are whole units.
 * Totals are rounded half away from zero (the presentation rule); the cells are then rounded down or up
 * (never further) by the largest-remainder method so that they add up to those totals.
 */

/** Splits a value into its floor and its fractional part in [0, 1). */
function floorAndFraction(value: Money): { floor: Money; fraction: Money } {
  const floor = value.floor();
  return { floor, fraction: value.minus(floor) };
}

/**
 * Largest remainder for one list: each value is rounded down or up so that the list sums to its exact
 * sum rounded half away from zero. Ties go to the earlier item, so the result is deterministic.
 * Values that are already whole are never moved.
 */
export function roundPreservingSum(values: readonly Money[]): Money[] {
  const parts = values.map(floorAndFraction);
  const target = roundHalfAwayFromZero(sum(values), 0);
  let remaining = target.minus(sum(parts.map((p) => p.floor))).toNumber(); // a small whole number: 0..n
  const order = parts
    .map((p, index) => ({ index, fraction: p.fraction }))
    .filter((p) => !p.fraction.isZero())
    .sort((a, b) => b.fraction.comparedTo(a.fraction) || a.index - b.index);
  const result = parts.map((p) => p.floor);
  for (const { index } of order) {
    if (remaining <= 0) break;
    result[index] = (result[index] ?? ZERO).plus(1);
    remaining--;
  }
  return result.map((v) => (v.isZero() ? ZERO : v));
}

export interface RoundedTable {
  /** Whole units, each the floor or the ceiling of the exact cell. */
  cells: Money[][];
  /** Sums of the rounded cells of each row: each the floor or ceiling of the exact row total. */
  rowTotals: Money[];
  /** Sums of the rounded cells of each column: each the floor or ceiling of the exact column total. */
  columnTotals: Money[];
  /** The exact grand total rounded half away from zero; equals the sum of row totals and of column totals. */
  total: Money;
}

/**
 * Controlled rounding of a two-way table (rows of items by columns of amounts) so that rows and columns
 * both cast. Each cell goes to its floor or ceiling; row and column totals go to the floor or ceiling of
 * their exact totals, preferring the nearer; the grand total is the exact one rounded half away from zero.
 *
 * Why a flow: choosing which cells round up is a bipartite problem (rows x columns) with a target count
 * per row and per column. A solution always exists for two-way tables (Bacharach 1966; Cox 1987); a
 * min-cost flow finds one, preferring the cells with the largest remainders, in well under a millisecond
 * for board-paper tables (tens of rows, a dozen columns). No maintained JavaScript library does this.
 */
export function roundTablePreservingSums(table: readonly (readonly Money[])[]): RoundedTable {
  const rowCount = table.length;
  const columnCount = Math.max(0, ...table.map((r) => r.length));
  const cell = (i: number, j: number): Money => table[i]?.[j] ?? ZERO;

  const floors: Money[][] = [];
  const fractions: Money[][] = [];
  for (let i = 0; i < rowCount; i++) {
    floors.push([]);
    fractions.push([]);
    for (let j = 0; j < columnCount; j++) {
      const { floor, fraction } = floorAndFraction(cell(i, j));
      floors[i]!.push(floor);
      fractions[i]!.push(fraction);
    }
  }
  const rowFraction = fractions.map((r) => sum(r));
  const columnFraction = Array.from({ length: columnCount }, (_, j) => sum(fractions.map((r) => r[j] ?? ZERO)));
  const exactTotal = sum(table.flatMap((r) => [...r]));
  const floorTotal = sum(floors.flat());
  const ups = roundHalfAwayFromZero(exactTotal, 0).minus(floorTotal).toNumber();

  const chosen = chooseRoundUps(fractions, rowFraction, columnFraction, ups);
  const cells = floors.map((r, i) =>
    r.map((f, j) => {
      const v = chosen[i]?.[j] ? f.plus(1) : f;
      return v.isZero() ? ZERO : v;
    }),
  );
  const rowTotals = cells.map((r) => sum(r));
  const columnTotals = Array.from({ length: columnCount }, (_, j) => sum(cells.map((r) => r[j] ?? ZERO)));
  return { cells, rowTotals, columnTotals, total: sum(rowTotals) };
}

// Preference weights are whole numbers so the flow never compares floats; they order choices and
// never touch a money value.
const FRACTION_SCALE = 1_000;

function weight(fraction: Money): number {
  return fraction.times(FRACTION_SCALE).toDecimalPlaces(0).toNumber();
}

interface Edge {
  to: number;
  capacity: number;
  cost: number;
  reverse: number;
}

/**
 * Picks `ups` cells to round up, with each row's and column's count between the floor and ceiling of its
 * fractional sum, by successive shortest paths on: source -> row -> column -> sink.
 * Lower bounds are enforced with a large negative cost on the first `floor` units of each margin edge.
 */
function chooseRoundUps(fractions: Money[][], rowFraction: Money[], columnFraction: Money[], ups: number): boolean[][] {
  const rows = fractions.length;
  const columns = columnFraction.length;
  const source = 0;
  const sink = rows + columns + 1;
  const graph: Edge[][] = Array.from({ length: sink + 1 }, () => []);
  const addEdge = (from: number, to: number, capacity: number, cost: number): void => {
    if (capacity <= 0) return;
    graph[from]!.push({ to, capacity, cost, reverse: graph[to]!.length });
    graph[to]!.push({ to: from, capacity: 0, cost: -cost, reverse: graph[from]!.length - 1 });
  };

  const cellCount = rows * columns;
  const marginWeight = FRACTION_SCALE * (cellCount + 1); // a nearer total outweighs any choice of cells
  const otherCosts = Math.max(ups, 1) * (FRACTION_SCALE + 2 * marginWeight * FRACTION_SCALE);
  const mustCost = otherCosts + 1; // outweighs everything else together
  if (!Number.isSafeInteger(mustCost * (ups + 1) * 2)) throw new RangeError('table too large to round');

  const addMargin = (from: number, to: number, fraction: Money): void => {
    const lower = fraction.floor().toNumber();
    const upper = fraction.ceil().toNumber();
    addEdge(from, to, lower, -mustCost);
    // Prefer rounding the total up when its own remainder is large (nearest whole unit).
    addEdge(from, to, upper - lower, -marginWeight * weight(fraction.minus(lower)));
  };
  rowFraction.forEach((f, i) => addMargin(source, 1 + i, f));
  columnFraction.forEach((f, j) => addMargin(1 + rows + j, sink, f));
  const cellEdges: { i: number; j: number; index: number }[] = [];
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < columns; j++) {
      const f = fractions[i]![j]!;
      if (f.isZero()) continue;
      cellEdges.push({ i, j, index: graph[1 + i]!.length });
      addEdge(1 + i, 1 + rows + j, 1, -weight(f));
    }
  }

  for (let unit = 0; unit < ups; unit++) {
    if (!augmentAlongCheapestPath(graph, source, sink)) break;
  }

  const chosen = fractions.map((r) => r.map(() => false));
  for (const { i, j, index } of cellEdges) chosen[i]![j] = graph[1 + i]![index]!.capacity === 0;
  return chosen;
}

/** One unit along the cheapest source-sink path (Bellman-Ford queue; the residual graph has no negative cycles). */
function augmentAlongCheapestPath(graph: Edge[][], source: number, sink: number): boolean {
  const n = graph.length;
  const distance = new Array<number>(n).fill(Number.POSITIVE_INFINITY);
  const previous = new Array<{ node: number; edge: number } | undefined>(n).fill(undefined);
  const queued = new Array<boolean>(n).fill(false);
  distance[source] = 0;
  const queue = [source];
  queued[source] = true;
  while (queue.length > 0) {
    const u = queue.shift()!;
    queued[u] = false;
    graph[u]!.forEach((e, index) => {
      const candidate = distance[u]! + e.cost;
      if (e.capacity > 0 && candidate < distance[e.to]!) {
        distance[e.to] = candidate;
        previous[e.to] = { node: u, edge: index };
        if (!queued[e.to]) {
          queued[e.to] = true;
          queue.push(e.to);
        }
      }
    });
  }
  if (distance[sink] === Number.POSITIVE_INFINITY) return false;
  for (let v = sink; v !== source;) {
    const step = previous[v]!;
    const edge = graph[step.node]![step.edge]!;
    edge.capacity -= 1;
    graph[v]![edge.reverse]!.capacity += 1;
    v = step.node;
  }
  return true;
}
