// A table exported from a finance system, not transcribed from a paper: no Row type column (its total rows are
// the ones the import kept out of the data) and headings that do not print their unit.
import { describe, expect, it } from 'vitest';
import { printedTableFromRows } from '../../../src/import/printed-table';

describe('printedTableFromRows for an export', () => {
  const head = ['Reserve', 'Balance 1/4/18', 'Balance 31/3/19'];
  const body = [
    { line: 2, cells: ['Insurance', '862000', '900000'], rowType: 'item' as const },
    { line: 3, cells: ['General', '7198000', '7198000'], rowType: 'item' as const },
    { line: 4, cells: ['Total', '8060000', '8098000'], rowType: 'total' as const },
  ];

  it('takes the total row as the import read it, and the mapped columns as amounts in pounds', () => {
    const table = printedTableFromRows('t5', head, body, {
      amounts: { 'Balance 1/4/18': 'pounds', 'Balance 31/3/19': 'pounds' },
    });
    expect(table.rows.map((r) => r.rowType)).toEqual(['item', 'item', 'total']);
    expect(table.rows[2]!.values['Balance 31/3/19']?.toFixed(2)).toBe('8098000.00');
    expect(table.issues).toEqual([]);
  });

  it('in thousands where the import read the column so', () => {
    const table = printedTableFromRows('t5', head, [{ line: 2, cells: ['Insurance', '862', '900'] }], {
      amounts: { 'Balance 1/4/18': 'thousands' },
    });
    expect(table.rows[0]!.values['Balance 1/4/18']?.toFixed(2)).toBe('862000.00');
    // A column nobody mapped stays text, as before.
    expect(table.rows[0]!.values['Balance 31/3/19']).toBeUndefined();
  });

  it("without the import's reading, an unlabelled total row is an item (as a transcribed table without Row type)", () => {
    const table = printedTableFromRows(
      't5',
      head,
      body.map(({ line, cells }) => ({ line, cells })),
    );
    expect(table.rows.map((r) => r.rowType)).toEqual(['item', 'item', 'item']);
  });
});
