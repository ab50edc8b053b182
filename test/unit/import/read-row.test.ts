// Reading one row, on its own: what it is (blank, accepted, rejected, skipped), its values, and its
// issues in the order they are reported. The reader is built as the session builds it, from a header row.
import { describe, expect, it } from 'vitest';
import { bindHeaders } from '../../../src/import/bind-headers';
import type { ColumnMapping } from '../../../src/import/column-mapping';
import { addAccepted, newControlTotals } from '../../../src/import/control-totals';
import type { DatasetKind } from '../../../src/import/dataset-kinds';
import { newIssueLog } from '../../../src/import/issue-log';
import {
  newRowReader,
  readRow,
  ROW_ACCEPTED,
  ROW_BLANK,
  ROW_REJECTED,
  ROW_SKIPPED,
  rowLabel,
  type RowReader,
} from '../../../src/import/read-row';

function reader(
  kind: DatasetKind,
  headers: string[],
  mapping: ColumnMapping,
  options: { replaced?: boolean; scales?: Record<string, 'pounds' | 'thousands'> } = {},
): RowReader {
  const plan = {
    kind,
    mapping,
    scales: options.scales ?? {},
    delimiter: ',' as const,
    encoding: { replaced: options.replaced },
  };
  const binding = bindHeaders(plan, headers);
  return newRowReader(binding, plan, newIssueLog(), newControlTotals(binding.split ? 1 : binding.amountColumns.length));
}

const LEDGER_HEADERS = ['Date', 'Period', 'Cost Centre', 'Subjective', 'Description', 'Amount', 'Supplier'];
const ledger = (options: { replaced?: boolean; scales?: Record<string, 'pounds' | 'thousands'> } = {}) =>
  reader(
    'ledger',
    LEDGER_HEADERS,
    { postingDate: 0, period: 1, costCentre: 2, subjective: 3, description: 4, amount: 5, supplier: 6 },
    options,
  );
const codes = (r: RowReader) => r.log.issues.map((i) => i.code);

/** Reads a row and, when accepted, adds it to the totals, as the session does. */
function read(r: RowReader, cells: string[], line = 2) {
  const outcome = readRow(r, cells, line);
  if (outcome === ROW_ACCEPTED) addAccepted(r.totals, r.amounts, r.period);
  return outcome;
}

describe('readRow: accepted rows', () => {
  it.each([
    // Issue 15: dates as Oracle and transparency files write them; the fast path declines, parseDate reads them.
    ['20-Apr-17', 20170420, 1],
    ['20-Apr-2017', 20170420, 1],
    ['05-MAR-18', 20180305, 12],
    ['20/04/2017 00:00', 20170420, 1],
  ])('a posting date %j is read as %i, in P%i', (date, ymd, period) => {
    const r = ledger();
    expect(read(r, [date, '', 'C100', '5000', 'Fuel', '1.00', 'Shell'])).toBe(ROW_ACCEPTED);
    expect(r.dates).toEqual([ymd]);
    expect(r.period).toBe(period);
    expect(r.log.issueCount).toBe(0);
  });

  it('a plain ledger row: pence, period, date as yyyymmdd, no issues', () => {
    const r = ledger();
    expect(read(r, ['03/04/2017', '1', 'C100', '5000', 'Fuel', '1,234.56', 'Shell'])).toBe(ROW_ACCEPTED);
    expect(r.amounts).toEqual([123456]);
    expect(r.period).toBe(1);
    expect(r.dates).toEqual([20170403]);
    expect(r.warned).toBe(false);
    expect(r.log.issueCount).toBe(0);
  });

  it('no period: taken from the posting date (January is P10)', () => {
    const r = ledger();
    expect(read(r, ['15/01/2018', '', 'C100', '5000', 'Fuel', '(5.00)', ''])).toBe(ROW_ACCEPTED);
    expect(r.amounts).toEqual([-500]);
    expect(r.period).toBe(10);
  });

  it('a period and a posting date that disagree: the period is kept, with a warning', () => {
    const r = ledger();
    expect(read(r, ['03/04/2017', '2', 'C100', '5000', 'Fuel', '1', ''], 7)).toBe(ROW_ACCEPTED);
    expect(r.period).toBe(2);
    expect(r.warned).toBe(true);
    expect(r.log.issues).toEqual([
      {
        row: 7,
        column: 'Period',
        code: 'period-date-mismatch',
        message: 'Period P2 but the posting date 2017-04-03 falls in P1',
        value: '2',
        severity: 'warning',
      },
    ]);
  });

  it('an adjustment period (P13-P16) never disagrees with a date', () => {
    const r = ledger();
    expect(read(r, ['03/04/2017', '13', 'C100', '5000', 'Fuel', '1', ''])).toBe(ROW_ACCEPTED);
    expect(r.period).toBe(13);
    expect(r.warned).toBe(false);
  });

  it('dates and periods off the fast path go through the general parsers', () => {
    const r = ledger();
    expect(read(r, ['3/4/2017', 'P3', 'C100', '5000', 'Fuel', '1', ''])).toBe(ROW_ACCEPTED);
    expect(r.dates).toEqual([20170403]);
    expect(r.period).toBe(3);
  });

  it('an amount column in thousands', () => {
    const r = ledger({ scales: { amount: 'thousands' } });
    expect(read(r, ['', '1', 'C100', '5000', '', '1.5', ''])).toBe(ROW_ACCEPTED);
    expect(r.amounts).toEqual([150000]);
  });

  it('fewer cells than the header: accepted, the rest read as blank, with a warning', () => {
    const r = ledger();
    expect(read(r, ['03/04/2017', '1', 'C100', '5000', 'Fuel', '1'])).toBe(ROW_ACCEPTED);
    expect(r.warned).toBe(true);
    expect(r.log.issues[0]!.code).toBe('missing-cells');
    expect(r.log.issues[0]!.message).toBe(
      'This row has 6 cells but the header has 7; the missing cells were read as blank',
    );
  });

  it('a code with an invisible character: accepted, with a warning that it will not match', () => {
    const r = ledger();
    expect(read(r, ['03/04/2017', '1', 'C1\u200B00', '5000', 'Fuel', '1', ''])).toBe(ROW_ACCEPTED);
    expect(r.warned).toBe(true);
    expect(codes(r)).toEqual(['invisible-character']);
    expect(r.log.issues[0]!.column).toBe('Cost Centre');
  });

  it('a byte that was not UTF-8 is flagged only when the decoder replaced bytes', () => {
    const clean = ledger();
    expect(read(clean, ['', '1', 'C100', '5000', 'Caf\uFFFD', '1', ''])).toBe(ROW_ACCEPTED);
    expect(clean.log.issueCount).toBe(0);
    const mixed = ledger({ replaced: true });
    expect(read(mixed, ['', '1', 'C100', '5000', 'Caf\uFFFD', '1', ''])).toBe(ROW_ACCEPTED);
    expect(mixed.warned).toBe(true);
    expect(mixed.log.issues.map((i) => [i.code, i.column])).toEqual([['invalid-character', 'Description']]);
  });
});

describe('readRow: blank and rejected rows', () => {
  it('a row of blank cells is blank', () => {
    const r = ledger();
    expect(read(r, ['', ' ', ''])).toBe(ROW_BLANK);
    expect(read(r, [''])).toBe(ROW_BLANK);
  });

  it('an amount that is not one: rejected, the reason from the amount parser', () => {
    const r = ledger();
    expect(read(r, ['03/04/2017', '1', 'C100', '5000', 'Fuel', 'abc', ''], 4)).toBe(ROW_REJECTED);
    expect(r.log.issues.map((i) => [i.row, i.column, i.code, i.severity])).toEqual([
      [4, 'Amount', 'not-a-number', 'error'],
    ]);
  });

  it('a ledger line with no amount is rejected (blank is missing, not nil)', () => {
    const r = ledger();
    expect(read(r, ['03/04/2017', '1', 'C100', '5000', 'Fuel', '', ''])).toBe(ROW_REJECTED);
    expect(r.log.issues.map((i) => [i.column, i.code])).toEqual([['Amount', 'missing-amount']]);
    // "-" is nil: accepted as zero.
    expect(read(r, ['03/04/2017', '1', 'C100', '5000', 'Fuel', '-', ''])).toBe(ROW_ACCEPTED);
    expect(r.amounts).toEqual([0]);
  });

  it('a required code that is blank', () => {
    const r = ledger();
    expect(read(r, ['03/04/2017', '1', '', '5000', 'Fuel', '1', ''])).toBe(ROW_REJECTED);
    expect(r.log.issues.map((i) => [i.column, i.code, i.message])).toEqual([
      ['Cost Centre', 'missing-required', 'Cost centre is required but this row has none'],
    ]);
  });

  it('issues in the order of the checks: amounts, then required cells, then the period, then dates', () => {
    const r = ledger();
    expect(read(r, ['31/02/2017', 'P99', 'C100', '', 'Fuel', 'abc', ''])).toBe(ROW_REJECTED);
    expect(r.log.issues.map((i) => i.column)).toEqual(['Amount', 'Subjective', 'Period', 'Date']);
    expect(r.log.issues.every((i) => i.severity === 'error')).toBe(true);
  });

  it('one cell that another delimiter splits to the header width: rejected as written with the wrong delimiter', () => {
    const r = ledger();
    expect(read(r, ['03/04/2017;1;C100;5000;Fuel;1;Shell'])).toBe(ROW_REJECTED);
    expect(codes(r)).toEqual(['wrong-delimiter']);
    expect(r.log.issues[0]!.message).toMatch(/^This row is split by semicolons, but the file's header by commas/);
  });
});

describe('readRow: skipped rows', () => {
  it('a row with no codes whose amount equals the rows above is a subtotal', () => {
    const r = ledger();
    read(r, ['', '1', 'C100', '5000', 'a', '1.00', '']);
    read(r, ['', '1', 'C100', '5001', 'b', '2.50', '']);
    expect(read(r, ['', '', '', '', 'Total', '3.50', ''])).toBe(ROW_SKIPPED);
    expect(r.skipType).toBe('subtotal');
    expect(r.amounts).toEqual([350]);
    expect(r.log.issueCount).toBe(0);
  });

  it('a row with no codes and no amounts is a footer', () => {
    const r = ledger();
    read(r, ['', '1', 'C100', '5000', 'a', '1.00', '']);
    expect(read(r, ['', '', '', '', 'Prepared by Finance', '', ''])).toBe(ROW_SKIPPED);
    expect(r.skipType).toBe('footer');
  });

  it('a Row type column says which rows are totals', () => {
    const r = reader('outturn', ['Area', 'Budget', 'Row type'], { area: 0, budget: 1 });
    expect(read(r, ['Policing', '100', 'item'])).toBe(ROW_ACCEPTED);
    expect(read(r, ['All areas', '100', 'total'])).toBe(ROW_SKIPPED);
    expect(r.skipType).toBe('total');
    expect(r.skipReason).toBe('marked "total" in the Row type column');
  });

  it("a skipped row's label: its label cell, or its first cell with text", () => {
    const r = ledger();
    expect(rowLabel(r.binding, ['', '', '', '', ' Total ', '3.50', ''])).toBe('Total');
    expect(rowLabel(r.binding, [' ', 'Note: draft', '', '', '', '', ''])).toBe('Note: draft');
    expect(rowLabel(r.binding, ['', ''])).toBe('');
  });
});

describe('readRow: a ledger with Debit and Credit', () => {
  const split = () =>
    reader('ledger', ['Cost Centre', 'Subjective', 'Debit', 'Credit'], {
      costCentre: 0,
      subjective: 1,
      debit: 2,
      credit: 3,
    });

  it('debit less credit, either blank', () => {
    const r = split();
    expect(read(r, ['C100', '5000', '10.00', ''])).toBe(ROW_ACCEPTED);
    expect(r.amounts).toEqual([1000]);
    expect(read(r, ['C100', '5000', '', '2.50'])).toBe(ROW_ACCEPTED);
    expect(r.amounts).toEqual([-250]);
    expect(read(r, ['C100', '5000', '0.00', '2.50'])).toBe(ROW_ACCEPTED); // a nil on the other side is no debit
    expect(r.amounts).toEqual([-250]);
    expect(r.log.issueCount).toBe(0);
  });

  it('both a debit and a credit: debit less credit, with a warning on the row (issue 15: was netted silently)', () => {
    const r = split();
    expect(read(r, ['C100', '5000', '5', '2'], 6)).toBe(ROW_ACCEPTED);
    expect(r.amounts).toEqual([300]);
    expect(r.warned).toBe(true);
    expect(r.log.issues).toEqual([
      {
        row: 6,
        column: 'Debit/Credit',
        code: 'debit-and-credit',
        message:
          'This row has both a debit (5) and a credit (2); it was read as debit minus credit, 3.00, not as two lines',
        value: '5 / 2',
        severity: 'warning',
      },
    ]);
  });

  it('a negative credit: read as a debit, with a warning on the Credit column (issue 15: was flipped silently)', () => {
    const r = split();
    expect(read(r, ['C100', '5000', '', '-2.50'], 8)).toBe(ROW_ACCEPTED);
    expect(r.amounts).toEqual([250]);
    expect(r.warned).toBe(true);
    expect(r.log.issues).toEqual([
      {
        row: 8,
        column: 'Credit',
        code: 'negative-credit',
        message:
          'The credit "-2.50" is negative, so it was read as a debit (debit minus credit); if this file writes its credits as negative numbers, this row\'s sign is wrong',
        value: '-2.50',
        severity: 'warning',
      },
    ]);
    // Both at once: both said, the credit first.
    expect(read(r, ['C100', '5000', '1', '(2)'], 9)).toBe(ROW_ACCEPTED);
    expect(r.amounts).toEqual([300]);
    expect(r.log.issues.slice(1).map((i) => [i.row, i.column, i.code])).toEqual([
      [9, 'Credit', 'negative-credit'],
      [9, 'Debit/Credit', 'debit-and-credit'],
    ]);
  });

  it('a negative debit is a credit, as ledgers write reversals: no warning', () => {
    const r = split();
    expect(read(r, ['C100', '5000', '-4', ''])).toBe(ROW_ACCEPTED);
    expect(r.amounts).toEqual([-400]);
    expect(r.log.issueCount).toBe(0);
  });

  it('debit minus a negative credit beyond 2^53 pence: rejected as too large, never inexact', () => {
    const r = split();
    expect(read(r, ['C100', '5000', '90,071,992,547,409.91', '-0.01'], 5)).toBe(ROW_REJECTED);
    expect(r.log.issues.map((i) => [i.row, i.column, i.code, i.severity])).toEqual([
      [5, 'Debit/Credit', 'too-large', 'error'],
    ]);
  });

  it('neither given: rejected', () => {
    const r = split();
    expect(read(r, ['C100', '5000', '', ''])).toBe(ROW_REJECTED);
    expect(r.log.issues.map((i) => [i.column, i.code])).toEqual([['Debit/Credit', 'missing-amount']]);
  });

  it('a bad credit is reported against the Credit column', () => {
    const r = split();
    expect(read(r, ['C100', '5000', '1', 'x'])).toBe(ROW_REJECTED);
    expect(r.log.issues.map((i) => [i.column, i.code])).toEqual([['Credit', 'not-a-number']]);
  });
});

describe('readRow: more cells than the header (issue 15)', () => {
  const header = ['Cost Centre', 'Subjective', 'Period', 'Date', 'Description', 'Amount'];
  const sixColumns = () =>
    reader('ledger', header, { costCentre: 0, subjective: 1, period: 2, postingDate: 3, description: 4, amount: 5 });

  it('an amount with an unquoted thousands separator is rejected, never read as its first group (was £1.00)', () => {
    const r = sixColumns();
    expect(read(r, ['10100', '4001', '1', '01/04/2018', 'Fuel', '1', '234.56'], 9)).toBe(ROW_REJECTED);
    expect(r.log.issues).toEqual([
      {
        row: 9,
        column: 'Amount',
        code: 'too-many-cells',
        message:
          'This row has 7 cells but the header has 6: Amount "1" then "234.56" looks like 1,234.56 written without quotes round it, so its comma split it into 2 cells and moved the cells after it. The row was not imported',
        value: '1,234.56',
        severity: 'error',
      },
    ]);
    expect(r.totals.sinceStart[0]).toBe(0);
  });

  it('two separators, amount in the middle of the row: the cells after it shifted, named', () => {
    const r = ledger();
    const cells = ['03/04/2017', '1', 'C100', '5000', 'Fuel', '(12', '345', '678.90)', 'Shell'];
    expect(read(r, cells)).toBe(ROW_REJECTED);
    // "(12" alone is not an amount either, and is said first, as the cell's own issue.
    expect(r.log.issues.map((i) => [i.column, i.code, i.value])).toEqual([
      ['Amount', 'not-a-number', '(12'],
      ['Amount', 'too-many-cells', '(12,345,678.90)'],
    ]);
    expect(r.log.issues[1]!.message).toContain('looks like (12,345,678.90) written without quotes round it');
    expect(r.log.issues[1]!.message).toContain('split it into 3 cells');
  });

  it('a split amount whose last column was blank leaves only an empty extra cell: still rejected', () => {
    // Supplier blank: "1,234.56," unquoted is "1", "234.56", "" where the header has Amount, Supplier.
    const r = ledger();
    expect(read(r, ['03/04/2017', '1', 'C100', '5000', 'Fuel', '1', '234.56', ''])).toBe(ROW_REJECTED);
    expect(r.log.issues.map((i) => [i.column, i.code, i.value])).toEqual([['Amount', 'too-many-cells', '1,234.56']]);
  });

  it('extra cells with text and no amount to explain them: rejected, saying how many cells each has', () => {
    const r = ledger();
    expect(read(r, ['03/04/2017', '1', 'C100', '5000', 'Fuel', '1', 'Shell', 'x', 'y'], 4)).toBe(ROW_REJECTED);
    expect(r.log.issues).toEqual([
      {
        row: 4,
        column: '',
        code: 'too-many-cells',
        message:
          'This row has 9 cells but the header has 7, so its cells cannot be matched to the columns (a delimiter inside a cell without quotes round it?). The row was not imported',
        value: '03/04/2017,1,C100,5000,Fuel,1,Shell,x,y',
        severity: 'error',
      },
    ]);
  });

  it('only empty cells past the header (a trailing comma): accepted as read, with a warning', () => {
    const r = ledger();
    expect(read(r, ['03/04/2017', '1', 'C100', '5000', 'Fuel', '1', 'Shell', '', ' '], 3)).toBe(ROW_ACCEPTED);
    expect(r.amounts).toEqual([100]);
    expect(r.warned).toBe(true);
    expect(r.log.issues.map((i) => [i.row, i.code, i.severity])).toEqual([[3, 'extra-cells', 'warning']]);
    expect(r.log.issues[0]!.message).toBe(
      'This row has 9 cells but the header has 7; the extra cells are empty and were not read (if a cell of this row has a delimiter without quotes round it, its cells are shifted: check it)',
    );
  });
});
