// The pack of a year and month: its title and period come from the year and month, a month's pack shows the
// monitoring position by area (casting in £'000), and a snapshot frozen by the version before years (tables named
// by file, a typed title and period; test/fixtures/snapshot-before-years.json, written by that version's code at
// bc3331d) still reads, opens and is drawn again the same.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPackFromInputs, packInputs } from '../../../../src/api/board-pack-inputs';
import { sampleFrozenTables } from '../../helpers/sample-pack';
import { packTables } from '../../../../src/domain/board-pack/board-pack-build';
import {
  packHeading,
  positionTable,
  type FrozenPosition,
  type FrozenPositionRow,
} from '../../../../src/domain/board-pack/board-pack-monitoring';
import { shownText, type PackTable } from '../../../../src/domain/board-pack/board-pack';
import { readSnapshot, sameFigures, type PackInputs } from '../../../../src/domain/board-pack/pack-snapshot';

const STAMP = { producedAt: '2018-10-19T09:00:00.000Z', appVersion: 'test' };

const item = (label: string, figures: Partial<FrozenPositionRow>): FrozenPositionRow => ({
  key: label,
  label,
  rowType: 'item',
  lineType: 'expenditure',
  budget: '0',
  ytdBudget: '0',
  actual: null,
  forecast: null,
  rag: null,
  ...figures,
});

/** Two areas of one group, the group, the total: figures in pounds, chosen so that rounding matters. */
const POSITION: FrozenPosition = {
  year: 2018,
  month: 6,
  actualSource: 'ledger',
  rule: 'the default rule',
  summary: 'Forecast outturn £0.25m under budget.',
  illustrative: false,
  sources: [
    { file: 'my-p06.csv', title: 'a monthly monitoring return, P6', datasetId: 'd1', sha256: 'a'.repeat(64), rows: 2 },
  ],
  rows: [
    item('Local Policing', {
      budget: '1800400',
      ytdBudget: '900200',
      actual: '880600',
      forecast: '1700300',
      rag: 'green',
    }),
    item('Income', {
      lineType: 'income',
      budget: '-600400',
      ytdBudget: '-300200',
      actual: '-310000',
      forecast: '-650600',
      rag: 'green',
    }),
    item('Estates', { budget: '0', ytdBudget: '0', actual: null, forecast: null, rag: null }),
    {
      ...item('Constabulary', {
        budget: '1200000',
        ytdBudget: '600000',
        actual: '570600',
        forecast: '1049700',
        rag: 'green',
      }),
      rowType: 'subtotal',
    },
    {
      ...item('TOTAL', { budget: '1200000', ytdBudget: '600000', actual: '570600', forecast: '1049700', rag: 'green' }),
      rowType: 'total',
    },
  ],
};

const row = (table: PackTable, label: string) => {
  const r = table.rows.find((x) => x.label === label)!;
  return table.columns.filter((c) => c.key !== 'line').map((c) => shownText(r.cells[c.key]!));
};

describe("a month's pack", () => {
  it('says the year once in its running header (title · period)', () => {
    for (const [year, month, kind] of [
      [2018, 6, 'month'],
      [2017, 12, 'year-end'],
    ] as const) {
      const h = packHeading(year, month, kind);
      expect(`${h.title} · ${h.period}`.match(/20\d\d\/\d\d/g)).toHaveLength(1);
    }
  });

  it('takes its title and period from the year and month, never from typed text', () => {
    expect(packHeading(2018, 6, 'month')).toEqual({
      title: 'Revenue monitoring 2018/19',
      period: 'P6 (September 2018): in-year monitoring',
    });
    expect(packHeading(2017, 12, 'year-end')).toEqual({
      title: 'Revenue and capital outturn 2017/18',
      period: 'provisional outturn (year end, period 12)',
    });
    const inputs: PackInputs = {
      tables: [],
      // A title and period typed by hand (as an older version allowed) are not printed over the figures.
      settings: {
        title: '2017/18 outturn',
        organisation: 'My OPCC',
        period: '2017/18 P12',
        subtitle: 'Board, October',
        roadCasualtyScenarioId: null,
      },
      roadCasualty: { source: 'paper' },
      year: 2018,
      month: 6,
      position: POSITION,
    };
    const pack = buildPackFromInputs(inputs, STAMP);
    expect([pack.title, pack.period, pack.organisation, pack.subtitle, pack.year, pack.month]).toEqual([
      'Revenue monitoring 2018/19',
      'P6 (September 2018): in-year monitoring',
      'My OPCC',
      'Board, October',
      2018,
      6,
    ]);
    expect(pack.pages.map((p) => p.id)).toEqual([
      'cover',
      'revenue-position',
      'revenue-position-charts',
      'revenue-position-to-date-chart',
      'notes-1',
    ]);
    // The cover names the dataset the position came from, by id and SHA-256.
    expect(pack.sources).toEqual(POSITION.sources);
  });

  it('shows budget, budget to date, actual to date, forecast, variance and status by area, casting in £000', () => {
    const table = positionTable(POSITION);
    // Local Policing: 1,800.4k -> 1,800; 900.2 -> 900; 880.6 -> 881; variance 1,700.3 - 1,800.4 = (100.1) -> (100);
    // forecast shown 1,800 + (100) = 1,700; 100.1 / 1,800.4 = 5.56% -> 5.6%.
    expect(row(table, 'Local Policing')).toEqual([
      '1,800',
      '900',
      '881',
      '1,700',
      '(100)',
      '5.6%',
      '● Green, favourable',
    ]);
    // Income, a credit: -650.6 - (-600.4) = (50.2): more income than budgeted, favourable; 50.2 / 600.4 = 8.36% -> 8.4%.
    // The row casts: (600) + (50) = (650), one unit off the forecast's own rounding (651), and the footnote says so.
    expect(row(table, 'Income')).toEqual(['(600)', '(300)', '(310)', '(650)', '(50)', '8.4%', '● Green, favourable']);
    // An area with no forecast shows none, and no status.
    expect(row(table, 'Estates').slice(3)).toEqual(['n/s', 'n/s', 'n/s', 'n/s']);
    // The group adds the areas shown: budget 1,800 + (600) + 0 = 1,200; actual: Estates has none, so not shown.
    expect(row(table, 'Constabulary').slice(0, 2)).toEqual(['1,200', '600']);
    expect(row(table, 'TOTAL').slice(0, 2)).toEqual(['1,200', '600']);
    expect(table.footnotes.at(-1)).toMatch(
      /Income, Forecast outturn: \(£650,600\.00\) shown \(650\) \(its own rounding \(651\)\)/,
    );
    expect(table.caption).toBe("Revenue position by area, P6 (September 2018) (£'000)");
  });
});

describe('a snapshot frozen before years', () => {
  const stored = JSON.parse(
    readFileSync(join(import.meta.dirname, '../../../fixtures/snapshot-before-years.json'), 'utf8'),
  ) as unknown;

  it('still reads as sound, with its seal', () => {
    const read = readSnapshot(stored);
    expect(read.ok).toBe(true);
  });

  it('is drawn again from its inputs the same: its tables found by their file names, its own title and period', () => {
    const read = readSnapshot(stored);
    if (!read.ok) throw new Error('unreadable');
    const snapshot = read.value;
    expect(snapshot.inputs.year).toBeUndefined();
    expect(snapshot.inputs.tables.every((t) => t.key === undefined)).toBe(true);
    const again = buildPackFromInputs(snapshot.inputs, { producedAt: snapshot.pack.producedAt, appVersion: 'now' });
    // The same figures in every table (the pack's wording and charts may have changed since it was frozen: the
    // frozen pack itself is drawn as it was, from the snapshot).
    expect(sameFigures(again, snapshot.pack)).toBe(true);
    expect([again.title, again.period, again.organisation]).toEqual([
      'BCB 19 July 2018: revenue and capital outturn',
      '2017/18 provisional outturn (year end)',
      'Cambridgeshire OPCC',
    ]);
    // Table 1 as the paper prints it: 126,252 + 1,194 + 3,514 = 130,960 budget.
    const t1 = packTables(again).get('revenue-table-1')!;
    expect(row(t1, 'TOTAL').slice(0, 3)).toEqual(['130,960', '132,746', '1,786']);
  });
});

describe("a month's pack agrees with the year's position", () => {
  const areas = (total: { budget: string; forecast: string }): FrozenPosition => ({
    ...POSITION,
    rows: [
      item('Local Policing', {
        budget: '1000000',
        ytdBudget: '500000',
        actual: '480000',
        forecast: '1100000',
        rag: 'red',
      }),
      { ...item('Constabulary', { budget: '1000000', ytdBudget: '500000', forecast: '1100000' }), rowType: 'subtotal' },
      { ...item('TOTAL', { ytdBudget: '500000', ...total }), rowType: 'total' },
    ],
  });
  it('says nothing more when the areas add to the return’s whole position: 1,100 − 1,000 = 100', () => {
    const table = positionTable(areas({ budget: '1000000', forecast: '1100000' }));
    expect(row(table, 'TOTAL')[4]).toBe('100');
    expect(table.footnotes.join(' ')).not.toMatch(/the sentence above/);
  });
  it('says by how much and why where the return’s whole position differs: (1,098.4 − 1,000) = 98 against the areas’ 100', () => {
    const table = positionTable(areas({ budget: '1000000', forecast: '1098400' }));
    expect(row(table, 'TOTAL')[4]).toBe('100');
    expect(table.footnotes).toContain(
      "The position in the sentence above, a variance of 98, is the whole return's; the areas shown add to 100, 2 more, because the return has lines outside the board's areas. The headline is the return's.",
    );
  });
});

describe("a month's pack: the year's capital and reserves, where the year has them", () => {
  const monthInputs = (tables: ReturnType<typeof sampleFrozenTables>, month = 6) =>
    packInputs({
      year: 2017,
      month,
      tables,
      position: { ...POSITION, year: 2017, month },
      organisation: 'OPCC',
      preferences: { subtitle: '', roadCasualtyScenarioId: null },
      scenarios: [],
    });
  it('adds the capital programme and the reserves of the year: Table 4 revised 11,451; Table 5 closing 24,231', () => {
    // Month 6, so not the year-end pack, though the year's Table 1 is loaded.
    const pack = buildPackFromInputs(monthInputs(sampleFrozenTables()), STAMP);
    expect(pack.pages.map((p) => p.id)).toEqual([
      'cover',
      'revenue-position',
      'revenue-position-charts',
      'revenue-position-to-date-chart',
      'capital',
      'reserves',
      'reserves-balances',
      'notes-1',
      'notes-2',
    ]);
    const text = JSON.stringify(pack);
    expect(text).toContain('"shown":"11451"');
    expect(text).toContain('"shown":"24231"');
    // Whole-year tables under a month's heading say so, with their dates, before the first figure.
    const lede = (id: string) => {
      const first = pack.pages.find((p) => p.id === id)?.blocks[0];
      return first?.kind === 'text' ? first.text : null;
    };
    expect(lede('capital')).toBe(
      "The capital programme for 2017/18 as loaded: the whole year's budget and outturn to 31 March 2018, not the position at P6 (September 2017). Outturn keeps capital by year, not by month.",
    );
    expect(lede('reserves')).toBe(
      "Reserves for 2017/18 as loaded: balances at 1 April 2017 and 31 March 2018 and the year's movements between them, not the position at P6 (September 2017). Outturn keeps reserves by year, not by month.",
    );
    expect(lede('reserves-balances')).not.toMatch(/^Reserves for/);
  });
  it('at P12, the year end, a month pack (no Table 1 loaded) needs no such sentence', () => {
    const noTable1 = sampleFrozenTables().filter((t) => !JSON.stringify(t).includes('table-1-revenue-outturn'));
    const pack = buildPackFromInputs(monthInputs(noTable1, 12), STAMP);
    expect(pack.period).toMatch(/^P12/);
    expect(pack.pages.find((p) => p.id === 'capital')?.blocks[0]?.kind).toBe('table');
  });
  it('says plainly when the year has no capital programme or reserves loaded, and shows no other year’s', () => {
    const pack = buildPackFromInputs(monthInputs([]), STAMP);
    expect(pack.pages.map((p) => p.id)).toEqual([
      'cover',
      'revenue-position',
      'revenue-position-charts',
      'revenue-position-to-date-chart',
      'capital',
      'reserves',
      'notes-1',
    ]);
    const words = pack.pages.flatMap((p) => p.blocks.flatMap((b) => (b.kind === 'text' ? [b.text] : [])));
    expect(words).toContain(
      "No capital programme is loaded for 2017/18, so this pack shows none (never another year's). Import the year's capital programme on the Import page to add it.",
    );
    expect(words.some((w) => w.startsWith('No reserves position is loaded for 2017/18'))).toBe(true);
  });
});

describe("a month's pack charts: no two bars read the same", () => {
  // The 2017/18 board structure (data/board-structure-2017-18.csv) has an area "Reserves" under the Constabulary
  // (full label "Reserves (Constabulary)") and another under corporate costs ("Reserves (corporate)"). The P6
  // pack printed two bars and two chart-table rows both reading "Reserves".
  const twoReserves = (fullLabels: boolean): FrozenPosition => ({
    ...POSITION,
    rows: [
      item('Local Policing', { key: 'lp', budget: '1000000', ytdBudget: '500000', forecast: '1100000' }),
      item('Reserves', {
        key: 'cr',
        budget: '0',
        forecast: '0',
        ...(fullLabels ? { fullLabel: 'Reserves (Constabulary)' } : {}),
      }),
      {
        ...item('Constabulary', { key: 'c', budget: '1000000', ytdBudget: '500000', forecast: '1100000' }),
        rowType: 'subtotal',
      },
      item('Reserves', {
        key: 'gr',
        budget: '0',
        forecast: '0',
        ...(fullLabels ? { fullLabel: 'Reserves (corporate)' } : {}),
      }),
      { ...item('Corporate costs', { key: 'g', budget: '0', forecast: '0' }), rowType: 'subtotal' },
      { ...item('TOTAL', { key: 't', budget: '1000000', ytdBudget: '500000', forecast: '1100000' }), rowType: 'total' },
    ],
  });
  const barLabels = (position: FrozenPosition) => {
    const pack = buildPackFromInputs(
      packInputs({
        year: 2018,
        month: 6,
        tables: [],
        position,
        organisation: 'OPCC',
        preferences: { subtitle: '', roadCasualtyScenarioId: null },
        scenarios: [],
      }),
      STAMP,
    );
    return pack.pages.flatMap((p) =>
      p.blocks.flatMap((b) => (b.kind === 'chart' ? [b.chart.points.map((pt) => pt.label)] : [])),
    );
  };
  it('names each by its full name from the board structure', () => {
    const charts = barLabels(twoReserves(true));
    expect(charts).toHaveLength(2);
    for (const labels of charts)
      expect(labels).toEqual(['Local Policing', 'Reserves (Constabulary)', 'Reserves (corporate)']);
  });
  it('in a pack frozen before full names were kept, by the group that closes its block', () => {
    for (const labels of barLabels(twoReserves(false)))
      expect(labels).toEqual(['Local Policing', 'Reserves (Constabulary)', 'Reserves (Corporate costs)']);
  });
});
