import { KIND_COLUMNS, type CanonicalColumn } from './dataset-kinds';
import type { ImportPlan } from './import-plan';

/*
 * The header row bound to the kind's columns, once per import: which cell of a row is which canonical
 * column, in which unit, and which columns each check on a row needs (amounts, codes, required cells,
 * period, dates, the label, a "Row type" column). Its own step so that the row reader only indexes into
 * lists made here, and so that the mapping's rules (a ledger with Debit and Credit and no Amount; a mapped
 * column beyond the header's width) are tested without reading a row.
 */

/** One canonical column found in the file. */
export interface Bound {
  column: CanonicalColumn;
  /** Its cell in each row. */
  index: number;
  /** The file's header text for it (trimmed). */
  header: string;
  /** 1000 for an amount column in £'000. */
  scale: 1 | 1000;
}

export interface Binding {
  /** The header row, trimmed. */
  headers: string[];
  /**
   * Amount columns read one by one, in the kind's order. Empty in a split ledger, whose one amount is
   * read from splitColumns.
   */
  amountColumns: Bound[];
  /** A ledger with Debit and/or Credit and no Amount: its amount is debit - credit. */
  split: boolean;
  /** In a split ledger: Debit (+1) and Credit (-1). */
  splitColumns: [Bound, 1 | -1][];
  /** The amount columns as the file has them, for messages: splitColumns' columns or amountColumns. */
  amountCells: Bound[];
  /** Keys of the amounts a row has, slot by slot: 'amount' alone in a split ledger. */
  amountKeys: string[];
  codeColumns: Bound[];
  /** Required columns: the others first, then the required amount columns. */
  requiredColumns: Bound[];
  periodColumn: Bound | undefined;
  /** Date and financial-year columns, in the kind's order. */
  dateColumns: Bound[];
  dateKeys: string[];
  /** The posting date among dateColumns; -1 when there is none. */
  postingDateSlot: number;
  /** The first mapped text column (0 when none): a row's label. */
  labelColumn: number;
  /** A ledger's debit/credit indicator (SAP's S/H) beside its Amount, which is slot 0; -1 when none or split. */
  sideColumn: number;
  /** A column headed "Row type" (item, subtotal, total); -1 when none. */
  rowTypeColumn: number;
  /** Cells of the ledger sums' first and second codes (cost centre, subjective); -1 when unmapped. */
  firstCode: number;
  secondCode: number;
}

const ROW_TYPE = /^row\s*type$/i;

/** Binds a header record to the plan's kind, mapping and scales. */
export function bindHeaders(plan: Pick<ImportPlan, 'kind' | 'mapping' | 'scales'>, record: readonly string[]): Binding {
  const headers = record.map((h) => h.trim());
  const bound = KIND_COLUMNS[plan.kind].flatMap((column): Bound[] => {
    const index = plan.mapping[column.key];
    if (index === null || index === undefined || index >= record.length) return [];
    return [{ column, index, header: headers[index] ?? '', scale: plan.scales[column.key] === 'thousands' ? 1000 : 1 }];
  });
  let amountColumns = bound.filter((b) => b.column.type === 'amount');
  // A ledger without an Amount column takes its value from Debit and Credit (debit positive, credit negative).
  const split = plan.kind === 'ledger' && !amountColumns.some((b) => b.column.key === 'amount');
  let splitColumns: [Bound, 1 | -1][] = [];
  if (split) {
    amountColumns = [];
    splitColumns = bound.flatMap((b): [Bound, 1 | -1][] =>
      b.column.key === 'debit' ? [[b, 1]] : b.column.key === 'credit' ? [[b, -1]] : [],
    );
  }
  const codeColumns = bound.filter((b) => b.column.type === 'code');
  const requiredColumns = bound.filter((b) => b.column.required && b.column.type !== 'amount');
  // A required amount column may be blank only where the file prints nil as blank; parsePence treats blank as missing.
  requiredColumns.push(...amountColumns.filter((b) => b.column.required));
  const dateColumns = bound.filter((b) => b.column.type === 'date' || b.column.type === 'year');
  return {
    headers,
    amountColumns,
    split,
    splitColumns,
    amountCells: split ? splitColumns.map(([b]) => b) : amountColumns,
    amountKeys: split ? ['amount'] : amountColumns.map((b) => b.column.key),
    codeColumns,
    requiredColumns,
    periodColumn: bound.find((b) => b.column.type === 'period'),
    dateColumns,
    dateKeys: dateColumns.map((b) => b.column.key),
    postingDateSlot: dateColumns.findIndex((b) => b.column.key === 'postingDate'),
    labelColumn: bound.find((b) => b.column.type === 'text')?.index ?? 0,
    sideColumn: split ? -1 : (bound.find((b) => b.column.key === 'side')?.index ?? -1),
    rowTypeColumn: headers.findIndex((h) => ROW_TYPE.test(h)),
    firstCode: codeColumns[0]?.index ?? -1,
    secondCode: codeColumns[1]?.index ?? -1,
  };
}
