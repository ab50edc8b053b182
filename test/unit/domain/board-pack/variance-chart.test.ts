import { describe, expect, it } from 'vitest';
import { varianceChart, type PackRow, type PackTable } from '../../../../src/domain/board-pack/board-pack';

const row = (label: string, group: string, shown: string): PackRow => ({
  key: `${group}/${label}`,
  label,
  rowType: 'item',
  group,
  cells: { variance: { kind: 'amount', exact: null, shown } },
});

const table = (rows: PackRow[]): PackTable => ({
  id: 't',
  caption: 'Forecast variance by area',
  columns: [{ key: 'variance', header: 'Variance', kind: 'amount' }],
  rows,
  rounding: 'each',
  footnotes: [],
});

describe('varianceChart', () => {
  it('names a line that shares its name with another by its heading, and leaves the others as they are', () => {
    // A month's return lists "Reserves" under the Constabulary and again under the OPCC (the P6 pack showed two
    // bars and two table rows both reading "Reserves").
    const chart = varianceChart({
      id: 'c',
      title: 'Forecast variance by area',
      summary: '',
      name: 'Variance',
      column: 'variance',
      table: table([
        row('Local Policing', 'Constabulary', '-1835'),
        row('Reserves', 'Constabulary', '0'),
        row('Commissioner and Staff', 'OPCC', '-94'),
        row('Reserves', 'OPCC', '0'),
      ]),
    });
    expect(chart.points.map((p) => p.label)).toEqual([
      'Local Policing',
      'Reserves (Constabulary)',
      'Commissioner and Staff',
      'Reserves (OPCC)',
    ]);
    expect(chart.points.map((p) => p.values.variance)).toEqual(['-1835', '0', '-94', '0']);
  });
});
