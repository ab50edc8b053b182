// The board pack built from the 2017/18 sample, as the app builds it: expected figures are the paper's
// own (data/README.md) or worked by hand from them, never read back from the code.
import { describe, expect, it } from 'vitest';
import { shownText, type BoardPack, type PackTable } from '../../../../src/domain/board-pack/board-pack';
import { packTables } from '../../../../src/domain/board-pack/board-pack-build';
import { Money } from '../../../../src/domain/core/money';
import { SETTINGS, samplePack } from '../../helpers/sample-pack';

/** A table's shown figures: one line per row, label then each cell as printed. */
function shown(table: PackTable): string[][] {
  return table.rows.map((r) => table.columns.map((c) => (r.cells[c.key] ? shownText(r.cells[c.key]!) : '')));
}

const pack = samplePack();
const tables = packTables(pack);
const table = (id: string): PackTable => {
  const t = tables.get(id);
  if (!t) throw new Error(`no table ${id}`);
  return t;
};
const allText = (p: BoardPack) => JSON.stringify(p);

describe('the pages, in the order the board reads them', () => {
  it('cover, revenue (2), capital, reserves (2), reconciliation (summary, then the 22 failures on one page), Road Casualty, notes (3)', () => {
    expect(pack.pages.map((p) => p.id)).toEqual([
      'cover',
      'revenue',
      'revenue-constabulary',
      'capital',
      'reserves',
      'reserves-balances',
      'reconciliation',
      'reconciliation-failures-1',
      'road-casualty',
      'notes-1',
      'notes-2',
      'notes-3',
    ]);
  });
  it('carries the title, the period and the date it was produced', () => {
    expect([pack.title, pack.period, pack.producedAt]).toEqual([
      SETTINGS.title,
      SETTINGS.period,
      '2018-07-19T09:00:00.000Z',
    ]);
  });
});

describe('Table 1 as the pack shows it: totals worked out from the lines, the paper’s a footnote away', () => {
  it('adds the lines: 126,252 + 1,194 + 3,514 = 130,960; 128,040 + 1,098 + 3,608 = 132,746; 1,788 − 96 + 94 = 1,786', () => {
    expect(shown(table('revenue-table-1'))).toEqual([
      ['Constabulary', '126,252', '128,040', '1,788', '1.4%', '▲ Adverse'],
      ['OPCC', '1,194', '1,098', '(96)', '8.0%', '▼ Favourable'],
      ['Grants, Capital Financing and costs of surplus properties', '3,514', '3,608', '94', '2.7%', '▲ Adverse'],
      ['TOTAL', '130,960', '132,746', '1,786', '1.4%', '▲ Adverse'],
    ]);
  });
  it('says where the paper prints other figures: TOTAL outturn 132,811, budget 130,959, variance 1,852, and Grants (94)', () => {
    const notes = table('revenue-table-1').footnotes.join('\n');
    expect(notes).toContain('TOTAL, outturn: the paper prints 132,811; its lines as printed add to 132,746.');
    expect(notes).toContain('TOTAL, budget: the paper prints 130,959; its lines as printed add to 130,960.');
    expect(notes).toContain('TOTAL, variance: the paper prints 1,852');
    expect(notes).toContain('the paper prints a variance of (94); outturn − budget is 94');
  });
  it('writes its sentence from the same figures: £1.79m (1,786 / 130,960 = 1.36%) over budget', () => {
    const chart = pack.pages[1]!.blocks.find((b) => b.kind === 'chart');
    expect(chart?.kind === 'chart' && chart.chart.summary).toBe(
      'Outturn £1.79m (1.4%) over budget; largest adverse: Constabulary £1.79m; largest favourable: OPCC £0.10m.',
    );
  });
});

describe('the variance charts: a small line readable beside the Constabulary', () => {
  const chartOf = (pageId: string) => {
    const block = pack.pages.find((p) => p.id === pageId)!.blocks.find((b) => b.kind === 'chart');
    if (block?.kind !== 'chart') throw new Error(`no chart on ${pageId}`);
    return block.chart;
  };
  it('draws Table 1 as its variances from nil, the figures the table prints: 1,788, (96) and 94, never the budgets', () => {
    const chart = chartOf('revenue');
    expect(chart.kind).toBe('variance');
    expect(chart.points.map((p) => [p.label, p.values.variance])).toEqual([
      ['Constabulary', '1788'],
      ['OPCC', '-96'],
      ['Grants, Capital Financing and costs of surplus properties', '94'],
    ]);
  });
  it('draws the Constabulary summary’s lines as the table rounds them: (1,547), 4,394, 23, (759), 2, (326)', () => {
    const chart = chartOf('revenue-constabulary');
    expect(chart.kind).toBe('variance');
    // 73,712 − 75,259 = (1,547); 20,378 − 15,984 = 4,394; 37,558 − 37,535 = 23; −2,194 + 1,435 = (759);
    // −1,089 + 1,091 = 2; −326 − 0 = (326).
    expect(chart.points.map((p) => p.values.variance)).toEqual(['-1547', '4394', '23', '-759', '2', '-326']);
  });
});

describe('the Constabulary summary', () => {
  it('subtotals 75,259 + 15,984 + 37,535 = 128,778 and totals 128,778 − 1,435 − 1,091 + 0 = 126,252; outturn 131,648 − 2,194 − 1,089 − 326 = 128,039', () => {
    const rows = shown(table('revenue-constabulary'));
    expect(rows[3]).toEqual(['Total Expenditure', '128,778', '131,648', '2,870', '2.2%', '▲ Adverse']);
    expect(rows[7]).toEqual(['TOTAL CONSTABULARY BUDGET', '126,252', '128,039', '1,787', '1.4%', '▲ Adverse']);
    // A transfer from reserves is a planned movement: shown, not rated as an underspend.
    expect(rows[6]).toEqual(['Reserves', '-', '(326)', '(326)', 'n/a', '⇄ Reserve transfer, not rated']);
  });
});

describe('capital by category (Table 4)', () => {
  it('casts: revised = B/Fwd + original + amendments, variance = outturn − revised, 5,702 / 11,451 = 49.8% spent', () => {
    const rows = shown(table('capital-categories'));
    expect(rows[3]).toEqual(['Collaboration', '427', '692', '466', '1,585', '1,242', '(343)', '78.4%']);
    expect(rows[5]).toEqual(['TOTAL', '1,604', '8,301', '1,546', '11,451', '5,702', '(5,749)', '49.8%']);
    expect(table('capital-categories').footnotes.join(' ')).toContain(
      'Collaboration: the paper prints 78.3% spent; the figures give 78.4%.',
    );
  });
});

describe('reserves (Table 5)', () => {
  it('sums each group and all usable reserves: 29,680 + 4,330 − 9,779 = 24,231', () => {
    const rows = shown(table('reserves-position'));
    expect(rows.find((r) => r[0] === 'Total usable reserves')).toEqual([
      'Total usable reserves',
      '29,680',
      '4,330',
      '(9,779)',
      '24,231',
      '(5,449)',
    ]);
    // Contingency: Insurance 996 - 134 = 862, Ill-Health 398.
    expect(rows.find((r) => r[0] === 'Contingency reserves: together')).toEqual([
      'Contingency reserves: together',
      '1,394',
      '-',
      '(134)',
      '1,260',
      '(134)',
    ]);
  });
  it('puts the general reserve against the budget: 7,198 / 130,959 = 5.5%, above the 5% line (amber)', () => {
    const figures = pack.pages[4]!.blocks.find((b) => b.kind === 'figures');
    expect(figures?.kind === 'figures' && figures.items.map((i) => shownText(i.cell))).toEqual([
      '7,198',
      '130,959',
      '5.5%',
      '▲ Above the 5% line: a justification is expected',
    ]);
  });
});

describe('the Road Casualty Reserve (BCB 4 April 2019)', () => {
  it('gives the paper’s sum: 1,582 − 244 − 1,035 = 303', () => {
    const rows = shown(table('road-casualty-paper-sum'));
    expect(rows[0]).toEqual(['Balance at 31 March 2018', '1,582']);
    expect(rows[rows.length - 1]).toEqual(['Left at 31 March 2020', '303']);
  });
  it('with no new inflow: below the £145k floor in 2021/22 (amber) and below zero in 2022/23 (red), ending at (132)', () => {
    const none = table('road-casualty-cases').rows.find((r) => r.key === 'none')!;
    expect(shownText(none.cells.closing!)).toBe('(132)');
    expect(none.cells.floor).toEqual({ kind: 'status', status: { icon: '▼', text: '2021/22', level: 'amber' } });
    expect(none.cells.zero).toEqual({ kind: 'status', status: { icon: '▼', text: '2022/23', level: 'red' } });
  });
});

describe('the reconciliation', () => {
  it('lists the paper’s failures with both figures: Table 1 TOTAL outturn 132,811 against its lines’ 132,746 (65)', () => {
    const failures = [...tables.values()]
      .filter((t) => t.id.startsWith('reconciliation-failures'))
      .flatMap((t) => shown(t));
    expect(failures).toContainEqual([
      'Table 1 · TOTAL · Year-End Outturn',
      'Rows above add to it',
      '✗ Does not cast',
      '132,811',
      '132,746',
      '65',
    ]);
    // Appendix 4 ICT Consolidated Workstreams requests 410 against a variance of (2) (data/README.md).
    expect(failures.some((r) => r[0]?.includes('ICT Consolidated Workstreams') && r[3] === '410' && r[4] === '2')).toBe(
      true,
    );
  });
  it('reads Table 5 as casting throughout (all 23 of its checks pass) and Table 1 as failing', () => {
    const rows = shown(table('reconciliation-tables'));
    expect(rows.find((r) => r[0] === 'Table 5: Reserves position')?.at(-1)).toBe('✓ All that can be checked pass');
    expect(rows.find((r) => r[0] === 'Table 1: Revenue Outturn 2017/18')?.at(-1)).toMatch(/^✗ \d+ do not cast$/);
  });
});

describe('every rounded table casts, and its exact figures are in the notes', () => {
  const rounded = [...tables.values()].filter((t) => t.rounding === 'controlled');
  it.each(rounded.map((t) => [t.id, t] as const))(
    '%s: each total row is the sum of the lines above it, as shown',
    (_id, t) => {
      const amountColumns = t.columns.filter((c) => c.kind === 'amount').map((c) => c.key);
      const shownOf = (cell: PackTable['rows'][number]['cells'][string] | undefined) =>
        cell?.kind === 'amount' && cell.shown !== null ? new Money(cell.shown) : null;
      const items = t.rows.filter((r) => r.rowType === 'item');
      const total = t.rows[t.rows.length - 1]!;
      expect(total.rowType).toBe('total');
      for (const c of amountColumns) {
        const sum = items.reduce((s, r) => s.plus(shownOf(r.cells[c]) ?? 0), new Money(0));
        expect(shownOf(total.cells[c])?.toString(), `${t.id} ${c}`).toBe(sum.toString());
      }
    },
  );
  it('names every rounded table in a notes page', () => {
    const inNotes = pack.pages
      .filter((p) => p.section === 'Notes')
      .flatMap((p) => p.blocks.flatMap((b) => (b.kind === 'exact' ? b.tableIds : [])));
    expect(inNotes).toEqual(expect.arrayContaining(rounded.map((t) => t.id)));
  });
  it('moves no figure off its own rounding when the figures are whole thousands (the sample)', () => {
    expect(allText(pack)).not.toContain('moved by one unit');
  });
});
