import type { CastingRule } from './casting';

/** How a row of a printed table counts: a line of data, or a subtotal or total of lines above it. */
export type RowType = 'item' | 'subtotal' | 'total';

export interface TypedRow {
  key: string;
  rowType: RowType;
}

/**
 * Casting rules read off a table's layout, as a reader of the paper would: a subtotal adds the items
 * since the previous subtotal or total; a total adds the subtotals and the loose items since the
 * previous total. Tables whose totals do not follow their layout (Table 5's nested totals) list their
 * rules explicitly instead.
 */
export function inferTotalRules(tableId: string, rows: readonly TypedRow[], columns: readonly string[]): CastingRule[] {
  const rules: CastingRule[] = [];
  let sinceSubtotal: string[] = [];
  let sinceTotal: string[] = [];
  for (const row of rows) {
    if (row.rowType === 'item') {
      sinceSubtotal.push(row.key);
      sinceTotal.push(row.key);
    } else if (row.rowType === 'subtotal') {
      rules.push({
        kind: 'total',
        id: `${tableId}.${row.key}`,
        description: `Items add to ${row.key}`,
        total: row.key,
        parts: sinceSubtotal,
        columns,
      });
      sinceTotal = sinceTotal.filter((k) => !sinceSubtotal.includes(k));
      sinceTotal.push(row.key);
      sinceSubtotal = [];
    } else {
      rules.push({
        kind: 'total',
        id: `${tableId}.${row.key}`,
        description: `Lines add to ${row.key}`,
        total: row.key,
        parts: sinceTotal,
        columns,
      });
      sinceTotal = [];
      sinceSubtotal = [];
    }
  }
  return rules;
}

/** A stable key from a printed label: "TOTAL CONSTABULARY BUDGET" -> "total-constabulary-budget". */
export function keyOf(label: string): string {
  return label
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
