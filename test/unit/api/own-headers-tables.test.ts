// A table of the user's own (its headers not the paper's) read by what the import mapped its columns to: the
// reserves model (Reserves page) and the planner's position (Projections, the board pack) find "Balance b/fwd",
// "Transfers out" and "Reserve Type" by their mapping. Before, both looked only for the paper's headings
// ("Balance 1/4/18", "Actual usage", "Group"), and found nothing. Figures are the rows' own, in £'000.
import { describe, expect, it } from 'vitest';
import { toReservesPosition } from '../../../src/api/planner-inputs';
import { toReserveRows } from '../../../src/api/reserves-mappings';
import { checkPrintedTable } from '../../../src/domain/checks/table-checks';
import { PAPER_2017_18 } from '../../../src/domain/papers/paper-2017-18';
import { mappedColumn, printedTableFromRows } from '../../../src/import/printed-table';

const HEADERS = ['Reserve Name', 'Reserve Type', 'Balance b/fwd', 'Transfers in', 'Transfers out', 'Balance c/fwd'];
const ROWS = [
  { line: 4, cells: ['Road Casualty Reduction & Support Reserve', 'Earmarked', '1,250', '310', '(402)', '1,158'] },
  { line: 5, cells: ['Insurance Reserve', 'Contingency', '1,000', '0', '(125)', '875'] },
];
const MAPPED = {
  reserve: 'Reserve Name',
  group: 'Reserve Type',
  opening: 'Balance b/fwd',
  added: 'Transfers in',
  used: 'Transfers out',
  closing: 'Balance c/fwd',
};
const AMOUNTS = {
  'Balance b/fwd': 'thousands',
  'Transfers in': 'thousands',
  'Transfers out': 'thousands',
  'Balance c/fwd': 'thousands',
} as const;

const table = (mapped?: Record<string, string>) =>
  printedTableFromRows('reserves', HEADERS, ROWS, { amounts: AMOUNTS, ...(mapped ? { mapped } : {}) });

describe('a table with its own headers', () => {
  it('reads the mapped label and group columns as such', () => {
    const t = table(MAPPED);
    expect(t.columns.map((c) => c.kind)).toEqual(['label', 'group', 'amount', 'amount', 'amount', 'amount']);
    expect(t.rows.map((r) => [r.label, r.group])).toEqual([
      ['Road Casualty Reduction & Support Reserve', 'Earmarked'],
      ['Insurance Reserve', 'Contingency'],
    ]);
  });

  it('finds a column by its mapping, and by the paper’s heading only where there is none', () => {
    expect(mappedColumn(table(MAPPED), 'closing', /^balance 31\//i)).toBe('Balance c/fwd');
    expect(mappedColumn(table(), 'closing', /^balance 31\//i)).toBeUndefined();
    // A key mapped to a column that is not an amount is not taken as one.
    expect(mappedColumn(table(MAPPED), 'reserve', /^balance 31\//i)).toBeUndefined();
  });

  it('gives the reserves model its figures, usage as drawn (positive)', () => {
    const [fund] = toReserveRows(table(MAPPED));
    expect(fund).toMatchObject({ name: 'Road Casualty Reduction & Support Reserve', group: 'earmarked' });
    expect([fund!.opening, fund!.added, fund!.used, fund!.closing].map((m) => m?.toFixed(2))).toEqual([
      '1250000.00',
      '310000.00',
      '402000.00',
      '1158000.00',
    ]);
  });

  it("gives the planner its position, the year from the dataset's where the column names none", () => {
    const position = toReservesPosition(table(MAPPED), 2017, 2020);
    expect(position.actualYear).toBe(2020);
    expect(position.source).toBe('the 2020/21 reserves position, Balance c/fwd');
    expect(position.reserves.map((r) => [r.label, r.group, r.closing.toFixed(0), r.used.toFixed(0)])).toEqual([
      ['Road Casualty Reduction & Support Reserve', 'earmarked', '1158000', '402000'],
      ['Insurance Reserve', 'contingency', '875000', '125000'],
    ]);
  });

  it("casts each reserve's closing balance from its own columns, and names a row that does not cast", () => {
    const spec = PAPER_2017_18['table-5-reserves.csv'];
    // 1,250 + 310 - 402 = 1,158 casts; 1,000 + 0 - 125 = 875, printed 880, does not (by 5, above the rounding of
    // three printed terms).
    const off = printedTableFromRows(
      'reserves',
      HEADERS,
      [ROWS[0]!, { line: 5, cells: ['Insurance Reserve', 'Contingency', '1,000', '0', '(125)', '880'] }],
      { amounts: AMOUNTS, mapped: MAPPED },
    );
    const checked = checkPrintedTable(spec, off);
    expect(checked.unmatched).toEqual([]);
    const closing = checked.checks.filter((c) => c.ruleId === 't5.closing');
    expect(closing.map((c) => [c.row, c.status, c.difference?.toFixed(0)])).toEqual([
      ['road-casualty-reduction-and-support-reserve', 'pass', '0'],
      ['insurance-reserve', 'fail', '5000'],
    ]);
    // Without the mapping (the paper's headings only), the rule cannot find its columns: said, not passed.
    expect(checkPrintedTable(spec, table()).unmatched).toEqual([spec.formulas[0]!.description]);
  });
});
