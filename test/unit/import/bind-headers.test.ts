// Binding a header row to the kind's columns, without reading a row: which cell is which column, the
// split ledger (Debit and Credit, no Amount), units, required columns and the label.
import { describe, expect, it } from 'vitest';
import { bindHeaders } from '../../../src/import/bind-headers';
import type { ColumnMapping } from '../../../src/import/column-mapping';

const ledgerMapping = (over: ColumnMapping): ColumnMapping => ({
  postingDate: null,
  period: null,
  costCentre: null,
  subjective: null,
  description: null,
  amount: null,
  debit: null,
  credit: null,
  supplier: null,
  reference: null,
  ...over,
});

describe('bindHeaders', () => {
  it('a ledger with an Amount column', () => {
    const b = bindHeaders(
      {
        kind: 'ledger',
        mapping: ledgerMapping({ postingDate: 0, period: 1, costCentre: 2, subjective: 3, description: 4, amount: 5 }),
        scales: {},
      },
      [' Date ', 'Period', 'Cost Centre', 'Subjective', 'Description', 'Amount'],
    );
    expect(b.headers).toEqual(['Date', 'Period', 'Cost Centre', 'Subjective', 'Description', 'Amount']);
    expect(b.split).toBe(false);
    expect(b.amountColumns.map((x) => [x.column.key, x.index, x.header, x.scale])).toEqual([
      ['amount', 5, 'Amount', 1],
    ]);
    expect(b.amountKeys).toEqual(['amount']);
    expect(b.amountCells.map((x) => x.index)).toEqual([5]);
    expect(b.splitColumns).toEqual([]);
    expect(b.codeColumns.map((x) => x.index)).toEqual([2, 3]);
    expect([b.firstCode, b.secondCode]).toEqual([2, 3]);
    // Cost centre and subjective are required in a ledger; its Amount is not (a split ledger has none).
    expect(b.requiredColumns.map((x) => x.column.key)).toEqual(['costCentre', 'subjective']);
    expect(b.periodColumn?.index).toBe(1);
    expect(b.dateColumns.map((x) => x.index)).toEqual([0]);
    expect(b.dateKeys).toEqual(['postingDate']);
    expect(b.postingDateSlot).toBe(0);
    expect(b.labelColumn).toBe(4);
    expect(b.rowTypeColumn).toBe(-1);
  });

  it('a ledger with Debit and Credit and no Amount is split: debit +1, credit -1, stored as "amount"', () => {
    const b = bindHeaders(
      { kind: 'ledger', mapping: ledgerMapping({ costCentre: 0, subjective: 1, debit: 2, credit: 3 }), scales: {} },
      ['CC', 'Subj', 'Debit', 'Credit'],
    );
    expect(b.split).toBe(true);
    expect(b.amountColumns).toEqual([]);
    expect(b.splitColumns.map(([x, sign]) => [x.column.key, x.index, sign])).toEqual([
      ['debit', 2, 1],
      ['credit', 3, -1],
    ]);
    expect(b.amountCells.map((x) => x.column.key)).toEqual(['debit', 'credit']);
    expect(b.amountKeys).toEqual(['amount']);
    // No text column: the label is the first cell; no dates, no period.
    expect(b.labelColumn).toBe(0);
    expect(b.periodColumn).toBeUndefined();
    expect(b.postingDateSlot).toBe(-1);
  });

  it('a column mapped beyond the header row is not bound', () => {
    const b = bindHeaders(
      { kind: 'ledger', mapping: ledgerMapping({ costCentre: 0, subjective: 1, amount: 5 }), scales: {} },
      ['CC', 'Subj', 'Amount'],
    );
    expect(b.amountColumns).toEqual([]);
    // With its Amount gone the ledger is read as split, with neither Debit nor Credit.
    expect(b.split).toBe(true);
    expect(b.splitColumns).toEqual([]);
  });

  it('an amount column in thousands has scale 1000', () => {
    const b = bindHeaders(
      {
        kind: 'ledger',
        mapping: ledgerMapping({ costCentre: 0, subjective: 1, amount: 2 }),
        scales: { amount: 'thousands' },
      },
      ['CC', 'Subj', "£'000"],
    );
    expect(b.amountColumns[0]!.scale).toBe(1000);
  });

  it('an outturn return: required Budget last among required columns, Year as a date column, a Row type column found by its header', () => {
    const mapping: ColumnMapping = {
      year: 0,
      period: null,
      costCentre: 1,
      area: 2,
      subjective: null,
      budget: 3,
      actual: 4,
      forecast: null,
      commitments: null,
    };
    const b = bindHeaders({ kind: 'outturn', mapping, scales: {} }, [
      'Year',
      'Cost centre',
      'Area',
      'Budget',
      'Actual',
      'Row Type',
    ]);
    expect(b.amountKeys).toEqual(['budget', 'actual']);
    expect(b.requiredColumns.map((x) => x.column.key)).toEqual(['budget']);
    expect(b.dateColumns.map((x) => [x.column.key, x.column.type])).toEqual([['year', 'year']]);
    expect(b.postingDateSlot).toBe(-1);
    expect(b.labelColumn).toBe(2);
    expect(b.rowTypeColumn).toBe(5);
    expect([b.firstCode, b.secondCode]).toEqual([1, -1]);
  });
});
