import type { BoardPack, PackCell, PackStatus, PackTable } from './board-pack';
import { packTables } from './board-pack-build';
import { Money } from '../core/money';

/*
 * Two packs compared (two frozen snapshots, or a snapshot and the live figures): which figures moved by
 * more than a threshold, which statuses turned red, and which reserve balances changed at all. Figures are
 * compared exactly (the `exact` pounds of each amount cell), never by their rounded £'000.
 */

export interface MovedFigure {
  table: string;
  row: string;
  rowLabel: string;
  column: string;
  /** Pounds, exact; null where the figure is not shown (or the line is not in that pack). */
  before: string | null;
  after: string | null;
  /** after - before, pounds; null when either is missing. */
  change: string | null;
}

export interface NewRed {
  table: string;
  row: string;
  rowLabel: string;
  column: string;
  before: PackStatus | null;
  after: PackStatus;
}

export interface ReserveChange {
  reserve: string;
  row: string;
  /** Pounds, exact, by column key (opening, added, usage, closing, net). */
  before: Readonly<Record<string, string | null>> | null;
  after: Readonly<Record<string, string | null>> | null;
  /** Closing balance after - before, pounds; null when either is missing. */
  closingChange: string | null;
}

export interface PackComparison {
  /** Pounds: a figure is listed when |after - before| is more than this. */
  threshold: string;
  moved: MovedFigure[];
  newReds: NewRed[];
  reserveChanges: ReserveChange[];
}

/** Paged tables (the failures, split across pages) are one table for comparing. */
const tableFamily = (id: string): string => id.replace(/-\d+$/, '');

const RESERVES_TABLE = 'reserves-position';

interface Located<T> {
  table: PackTable;
  rowKey: string;
  rowLabel: string;
  column: string;
  value: T;
}

function collect<T>(pack: BoardPack, pick: (cell: PackCell) => T | undefined): Map<string, Located<T>> {
  const found = new Map<string, Located<T>>();
  for (const table of packTables(pack).values()) {
    for (const row of table.rows) {
      for (const column of table.columns) {
        const cell = row.cells[column.key];
        const value = cell === undefined ? undefined : pick(cell);
        if (value === undefined) continue;
        found.set(`${tableFamily(table.id)}\u0000${row.key}\u0000${column.key}`, {
          table,
          rowKey: row.key,
          rowLabel: row.label,
          column: column.header,
          value,
        });
      }
    }
  }
  return found;
}

const sameFigure = (x: string | null, y: string | null): boolean =>
  x === null || y === null ? x === y : new Money(x).equals(new Money(y));

const amountOf = (cell: PackCell): string | null | undefined => (cell.kind === 'amount' ? cell.exact : undefined);
const statusOf = (cell: PackCell): PackStatus | undefined => (cell.kind === 'status' ? cell.status : undefined);

/** Compares pack `before` with pack `after`. `threshold` is pounds (a figure must move by more than it). */
export function comparePacks(before: BoardPack, after: BoardPack, threshold: Money): PackComparison {
  const a = collect(before, amountOf);
  const b = collect(after, amountOf);
  const moved: MovedFigure[] = [];
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(key);
    const y = b.get(key);
    const where = (y ?? x)!;
    if (tableFamily(where.table.id) === 'cover-sources') continue;
    const bx = x?.value ?? null;
    const by = y?.value ?? null;
    if (bx === null && by === null) continue;
    const change = bx !== null && by !== null ? new Money(by).minus(new Money(bx)) : null;
    // A figure that appears or disappears has moved by its whole self.
    const size = change ?? new Money(by ?? bx!).abs();
    if (size.abs().gt(threshold)) {
      moved.push({
        table: where.table.caption,
        row: where.rowKey,
        rowLabel: where.rowLabel,
        column: where.column,
        before: bx,
        after: by,
        change: change === null ? null : change.toString(),
      });
    }
  }

  const sa = collect(before, statusOf);
  const sb = collect(after, statusOf);
  const newReds: NewRed[] = [];
  for (const [key, y] of sb) {
    if (y.value.level !== 'red') continue;
    const x = sa.get(key);
    if (x?.value.level === 'red') continue;
    newReds.push({
      table: y.table.caption,
      row: y.rowKey,
      rowLabel: y.rowLabel,
      column: y.column,
      before: x?.value ?? null,
      after: y.value,
    });
  }

  const reserveRows = (pack: BoardPack) => {
    const table = packTables(pack).get(RESERVES_TABLE);
    return new Map((table?.rows ?? []).filter((r) => r.rowType === 'item').map((r) => [r.key, r]));
  };
  const ra = reserveRows(before);
  const rb = reserveRows(after);
  const figures = (row: ReturnType<typeof reserveRows> extends Map<string, infer R> ? R : never) =>
    Object.fromEntries(Object.entries(row.cells).flatMap(([k, c]) => (c.kind === 'amount' ? [[k, c.exact]] : [])));
  const reserveChanges: ReserveChange[] = [];
  for (const key of new Set([...ra.keys(), ...rb.keys()])) {
    const x = ra.get(key);
    const y = rb.get(key);
    const fx = x ? figures(x) : null;
    const fy = y ? figures(y) : null;
    if (fx && fy && Object.keys({ ...fx, ...fy }).every((k) => sameFigure(fx[k] ?? null, fy[k] ?? null))) continue;
    const cx = fx?.closing ?? null;
    const cy = fy?.closing ?? null;
    reserveChanges.push({
      reserve: (y ?? x)!.label,
      row: key,
      before: fx,
      after: fy,
      closingChange: cx !== null && cy !== null ? new Money(cy).minus(new Money(cx)).toString() : null,
    });
  }
  return { threshold: threshold.toString(), moved, newReds, reserveChanges };
}
