// The revenue monitoring of one year from two years of small datasets imported through the real pipeline:
// a 2018/19 figure never includes a 2017/18 ledger line or return (and the other way), each ledger period comes
// from the export that counts for it, and an export not confirmed is never read. Expected sums are worked out
// by hand from the fixture files (test/fixtures/years/), not from the code.
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { fileSource } from '../../../src/cli/node-source';
import { planOf } from '../../../src/import/preview';
import { importRows, preview, scan } from '../../../src/import/run-import';
import type { StoredChunk } from '../../../src/import/stored-chunk';
import type { DatasetMeta } from '../../../src/storage/datasets';
import { periodsOfSums, type LedgerSums } from '../../../src/storage/ledger-sums';
import { ledgerSourcesOfYear, monitoringOfYear, type StoredReads } from '../../../src/api/revenue-monitoring';
import { LedgerLinesReader } from '../../../src/worker/ledger-lines-query';
import { memoryLedgerStore } from '../helpers/memory-ledger-store';
import { revenueYearsTable } from '../../../src/domain/revenue/revenue-years';
import { tableOneAreas } from '../../../src/domain/revenue/revenue-model';
import { Money } from '../../../src/domain/core/money';

const DIR = join(import.meta.dirname, '../../fixtures/years');
const chunks = new Map<string, StoredChunk[]>();
const sums = new Map<string, LedgerSums>();
const read: StoredReads = {
  chunks: (id) => Promise.resolve(chunks.get(id) ?? []),
  sums: (d) => Promise.resolve(sums.get(d.id)!),
};

async function dataset(
  name: string,
  year: number,
  month: number | null,
  options: { countsFrom?: string | null; illustrative?: boolean } = {},
): Promise<DatasetMeta> {
  const source = fileSource(join(DIR, name));
  const s = await scan(source);
  if (!s.verdict.ok) throw new Error(name);
  const plan = planOf(await preview(source, s.verdict.value));
  const stored: StoredChunk[] = [];
  const result = await importRows(source, plan, (c) => void stored.push(c));
  expect(result.rows.rejected).toBe(0);
  chunks.set(name, stored);
  const packed = result.ledgerSums;
  sums.set(name, packed);
  return {
    schema: 6,
    id: name,
    name,
    kind: plan.kind,
    sha256: name,
    size: 0,
    createdAt: '2026-12-01T00:00:00.000Z',
    source: 'upload',
    rowCount: result.rows.accepted,
    chunkCount: stored.length,
    receiptId: name,
    headers: [],
    plan,
    skippedRows: [],
    periods: plan.kind === 'ledger' ? periodsOfSums(packed) : [],
    year,
    month,
    yearEvidence: [],
    countsFrom: options.countsFrom === undefined ? '2026-12-01T00:00:00.000Z' : options.countsFrom,
    illustrative: options.illustrative ?? false,
    labels: [],
  };
}

async function twoYears(): Promise<DatasetMeta[]> {
  return [
    await dataset('budget-2017-18.csv', 2017, null, { illustrative: true }),
    await dataset('p03-2017-18.csv', 2017, 3, { illustrative: true }),
    await dataset('ledger-2017-18.csv', 2017, null, { illustrative: true }),
    await dataset('budget-2018-19.csv', 2018, null),
    await dataset('p03-2018-19.csv', 2018, 3),
    await dataset('p06-2018-19.csv', 2018, 6),
    await dataset('ledger-2018-19.csv', 2018, null),
    // A re-export of P3 confirmed later: it supplies P3 of 2018/19.
    await dataset('ledger-2018-19-p03-rerun.csv', 2018, null, { countsFrom: '2026-12-02T00:00:00.000Z' }),
    // A re-export not confirmed: kept, never read.
    await dataset('ledger-2018-19-p03-unconfirmed.csv', 2018, null, { countsFrom: null }),
  ];
}

const pounds = (m: Money | null | undefined): string | null => (m ? m.toFixed(2) : null);

describe('the monitoring of one year', () => {
  it('2018/19 reads only 2018/19: budget, returns and the ledger periods that count', async () => {
    const all = await twoYears();
    const data = await monitoringOfYear(2018, all, read);
    expect(data.models.map((m) => m.month)).toEqual([3, 6]);
    expect(data.datasets.every((d) => d.year === 2018)).toBe(true);
    expect(data.datasets.map((d) => d.id)).not.toContain('ledger-2018-19-p03-unconfirmed.csv');
    expect(data.inputs.returns.every((r) => r.year === 2018)).toBe(true);
    expect(data.illustrative).toBe(false);
    expect(data.missing).toEqual([]);
    // P1-P2 from the first export, P3 from the confirmed re-run.
    expect(data.sources.ledgers).toEqual([
      { name: 'ledger-2018-19.csv', periods: [1, 2] },
      { name: 'ledger-2018-19-p03-rerun.csv', periods: [3] },
    ]);

    const p3 = data.models.find((m) => m.month === 3)!;
    expect(p3.year).toBe(2018);
    expect(p3.actualSource).toBe('ledger');
    // Budget 1,800 + 3,600 = 5,400 (2017/18's 1,200 + 2,400 nowhere).
    expect(pounds(p3.root.budget)).toBe('5400.00');
    // Ledger P1-P3: 10100: 150 + 150 + (150 + 10) = 460; 20500: 300 + 300 + 305 = 905; 460 + 905 = 1,365.
    expect(pounds(p3.root.actual)).toBe('1365.00');
    // Forecast from the 2018/19 P3 return: 1,700 + 3,650 = 5,350.
    expect(pounds(p3.root.forecast)).toBe('5350.00');
    const lp = tableOneAreas(p3).find((a) => a.label === 'Local Policing')!;
    expect([pounds(lp.budget), pounds(lp.actual), pounds(lp.forecast)]).toEqual(['1800.00', '460.00', '1700.00']);
    // Budget to date at P3, in even twelfths: 5,400 x 3 / 12 = 1,350.
    expect(pounds(p3.root.ytdBudget)).toBe('1350.00');

    // P6: the ledgers have P1-P3 only, so the actual is the return's: 920 + 1,810 = 2,730.
    const p6 = data.models.find((m) => m.month === 6)!;
    expect(p6.actualSource).toBe('return');
    expect(pounds(p6.root.actual)).toBe('2730.00');
    expect(pounds(p6.root.forecast)).toBe('5450.00'); // 1,750 + 3,700
  });

  it('2017/18 reads only 2017/18, and says its figures are illustrative', async () => {
    const all = await twoYears();
    const data = await monitoringOfYear(2017, all, read);
    expect(data.models.map((m) => m.month)).toEqual([3]);
    expect(data.illustrative).toBe(true);
    const p3 = data.models[0]!;
    expect(pounds(p3.root.budget)).toBe('3600.00'); // 1,200 + 2,400
    expect(pounds(p3.root.actual)).toBe('910.00'); // 100 + 100 + 110 + 200 + 200 + 200
    expect(pounds(p3.root.forecast)).toBe('3750.00'); // 1,250 + 2,500
    expect(data.sources.ledgers).toEqual([{ name: 'ledger-2017-18.csv', periods: [1, 2, 3] }]);
    // The ledger check, built with the year: P3's return against P1-P3 of the ledger, 10100 310.00 (100 + 100 +
    // 110) and 20500 600.00 (3 x 200) on both sides.
    expect(
      data.ledgerChecks?.map((m) => [m.month, m.status, m.agreed, m.differences.length, pounds(m.ledgerTotal)]),
    ).toEqual([[3, 'compared', 2, 0, '910.00']]);
  });

  it("builds one month's model only where asked (the page's first figures), the same as the whole year's", async () => {
    const all = await twoYears();
    const whole = await monitoringOfYear(2018, all, read);
    const p6 = await monitoringOfYear(2018, all, read, undefined, 6);
    expect(p6.models.map((m) => m.month)).toEqual([6]);
    expect(p6.months).toEqual([3, 6]);
    expect(whole.months).toEqual([3, 6]);
    const sixth = whole.models.find((m) => m.month === 6)!;
    expect(pounds(sixth.root.forecast)).not.toBeNull();
    expect(p6.models[0]).toEqual(sixth);
    // The ledger check is the year's: not built for the first figures.
    expect(p6.ledgerChecks).toBeNull();
    expect(whole.ledgerChecks?.map((m) => m.month)).toEqual([3, 6]);
    // A month without a return: no model, and the months that have one.
    const p5 = await monitoringOfYear(2018, all, read, undefined, 5);
    expect(p5.models).toEqual([]);
    expect(p5.months).toEqual([3, 6]);
  });

  it("asks for every dataset the year's monitoring reads at once, not one after the other", async () => {
    const all = await twoYears();
    // Each read held until released: asked one after the other, only the first would ever be asked.
    const asked: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const held: StoredReads = {
      chunks: async (id) => (asked.push(id), await gate, read.chunks(id)),
      sums: async (d) => (asked.push(`sums of ${d.id}`), await gate, read.sums(d)),
    };
    const pending = monitoringOfYear(2018, all, held);
    // 2018/19: the budget, the P3 and P6 returns, and the sums of the two ledger exports that count.
    await vi.waitFor(() => expect(asked).toHaveLength(5));
    expect([...asked].sort()).toEqual([
      'budget-2018-19.csv',
      'p03-2018-19.csv',
      'p06-2018-19.csv',
      'sums of ledger-2018-19-p03-rerun.csv',
      'sums of ledger-2018-19.csv',
    ]);
    release();
    const data = await pending;
    expect(pounds(data.models.find((m) => m.month === 3)!.root.actual)).toBe('1365.00'); // as worked out above
  });

  it('a year with nothing says which kinds are missing', async () => {
    const data = await monitoringOfYear(2019, await twoYears(), read);
    expect(data.models).toEqual([]);
    expect(data.missing).toEqual(['budget', 'monitoring-return']);
  });

  it("the drill-down's ledger lines are the year's, of the closed periods, each period from its export", async () => {
    const all = await twoYears();
    const reader = new LedgerLinesReader(await memoryLedgerStore(read.chunks));
    const ask = async (month: number) =>
      (
        await reader.page({
          sources: ledgerSourcesOfYear(2018, all, month),
          costCentre: '10100',
          subjective: '1001',
          search: '',
          period: null,
          sort: { key: 'period', descending: false },
          offset: 0,
          limit: 100,
        })
      ).lines;
    const lines = await ask(3);
    expect(lines.map((l) => [l.dataset, l.reference])).toEqual([
      ['ledger-2018-19.csv', 'PAY-01'],
      ['ledger-2018-19.csv', 'PAY-02'],
      ['ledger-2018-19-p03-rerun.csv', 'PAY-03'],
      ['ledger-2018-19-p03-rerun.csv', 'JNL-P03-1'],
    ]);
    expect(lines.every((l) => String(l.date).startsWith('2018'))).toBe(true);
    // P2 closed only: two lines.
    expect(await ask(2)).toHaveLength(2);
  });
});

describe('years side by side', () => {
  it('matches areas across years by name and leaves an area a year lacks as not given, never nil', () => {
    const m = (s: string) => new Money(s);
    const table = revenueYearsTable([
      {
        year: 2018,
        source: 'p12-return',
        datasets: ['p12'],
        illustrative: false,
        areas: [
          { label: 'Local Policing', budget: m('1800'), outturn: m('1700') },
          { label: 'Estates', budget: m('50'), outturn: m('40') },
        ],
      },
      {
        year: 2017,
        source: 'outturn-summary',
        datasets: ['summary'],
        illustrative: false,
        areas: [{ label: 'LOCAL POLICING', budget: m('1200'), outturn: m('1250') }],
      },
      { year: 2016, source: 'none', datasets: [], illustrative: false, areas: [] },
    ]);
    expect(table.years.map((y) => y.year)).toEqual([2017, 2018]);
    expect(table.without).toEqual([2016]);
    expect(table.rows.map((r) => r.label)).toEqual(['LOCAL POLICING', 'Estates']);
    expect(table.rows[0]!.figures.map((f) => [pounds(f?.budget), pounds(f?.outturn)])).toEqual([
      ['1200.00', '1250.00'],
      ['1800.00', '1700.00'],
    ]);
    expect(table.rows[1]!.figures[0]).toBeNull();
  });
});
