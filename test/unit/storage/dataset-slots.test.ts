// Which dataset counts: by role, year and month (a ledger: by period), the one chosen last; nothing replaced
// without the user, years never mixed.
import { describe, expect, it } from 'vitest';
import type { DatasetMeta } from '../../../src/storage/datasets';
import {
  countingDatasets,
  displacedBy,
  ledgerPeriodOwners,
  roleOf,
  yearsWithData,
} from '../../../src/storage/dataset-slots';
import type { ImportPlan } from '../../../src/import/import-plan';

let n = 0;
function dataset(over: Partial<DatasetMeta> & { mapping?: Record<string, number> }): DatasetMeta {
  n++;
  const { mapping, ...rest } = over;
  const kind = over.kind ?? 'budget';
  return {
    schema: 3,
    id: `d${n}`,
    name: `file-${n}.csv`,
    kind,
    sha256: `h${n}`,
    size: 1,
    createdAt: `2026-12-01T10:00:${String(n).padStart(2, '0')}Z`,
    source: 'upload',
    rowCount: 1,
    chunkCount: 1,
    receiptId: `r${n}`,
    headers: [],
    plan: { kind, mapping: mapping ?? { costCentre: 0 } } as unknown as ImportPlan,
    skippedRows: [],
    periods: [],
    year: 2018,
    month: null,
    yearEvidence: [],
    countsFrom: `2026-12-01T10:00:${String(n).padStart(2, '0')}Z`,
    illustrative: false,
    labels: [],
    ...rest,
  };
}
const ledger = (periods: number[], over: Partial<DatasetMeta> = {}) =>
  dataset({
    kind: 'ledger',
    mapping: { costCentre: 0, subjective: 1 },
    periods,
    ...over,
  });

describe('roleOf: the shape of a dataset, from its kind and mapped columns', () => {
  it.each<[string, Partial<DatasetMeta> & { mapping?: Record<string, number> }, string]>([
    [
      'an outturn file with cost centres and a period',
      { kind: 'outturn', mapping: { costCentre: 0, period: 1 } },
      'monitoring-return',
    ],
    ['an outturn file by area', { kind: 'outturn', mapping: { area: 0 } }, 'outturn-summary'],
    ['a capital file with categories only', { kind: 'capital', mapping: { title: 0 } }, 'capital-programme'],
    [
      'a capital file with job codes and sections',
      { kind: 'capital', mapping: { jobCode: 0, category: 1 } },
      'capital-schemes',
    ],
    [
      'a capital file with job codes and no sections',
      { kind: 'capital', mapping: { jobCode: 0 } },
      'capital-carry-forwards',
    ],
    ['a budget by cost centre', { kind: 'budget', mapping: { costCentre: 0 } }, 'budget'],
  ])('%s: %s', (_, over, role) => expect(roleOf(dataset(over))).toBe(role));
});

describe('countingDatasets', () => {
  it('of two budgets for one year, the one chosen last; a budget of another year sits beside it', () => {
    const first = dataset({});
    const second = dataset({});
    const other = dataset({ year: 2017 });
    expect(countingDatasets([first, second, other]).map((d) => d.id)).toEqual([second.id, other.id]);
    // Chosen back: the first counts again.
    const chosenBack = { ...first, countsFrom: '2026-12-02T09:00:00Z' };
    expect(countingDatasets([chosenBack, second, other]).map((d) => d.id)).toEqual([chosenBack.id, other.id]);
  });

  it('a dataset not confirmed (countsFrom null) or without a year never counts', () => {
    const waiting = dataset({ countsFrom: null });
    const yearless = dataset({ year: null });
    expect(countingDatasets([waiting, yearless])).toEqual([]);
  });

  it('returns of different months of one year all count; two of the same month, the later', () => {
    const p3 = dataset({ kind: 'outturn', mapping: { costCentre: 0, period: 1 }, month: 3 });
    const p6 = dataset({ kind: 'outturn', mapping: { costCentre: 0, period: 1 }, month: 6 });
    const p6again = dataset({ kind: 'outturn', mapping: { costCentre: 0, period: 1 }, month: 6 });
    expect(countingDatasets([p3, p6, p6again]).map((d) => d.id)).toEqual([p3.id, p6again.id]);
  });

  it('outturn summaries with other rows sit side by side; one with the same rows replaces', () => {
    const t1 = dataset({ kind: 'outturn', mapping: { area: 0 }, labels: ['Constabulary', 'OPCC'] });
    const cs = dataset({ kind: 'outturn', mapping: { area: 0 }, labels: ['Local Policing', 'Crime'] });
    const t1again = dataset({ kind: 'outturn', mapping: { area: 0 }, labels: ['OPCC ', 'constabulary'] });
    expect(countingDatasets([t1, cs, t1again]).map((d) => d.id)).toEqual([cs.id, t1again.id]);
  });
});

describe('ledgers: each period of a year from one export', () => {
  it('a later export of P4-P6 takes those periods; P1-P3 stay with the first; another year is apart', () => {
    const first = ledger([1, 2, 3, 4]);
    const later = ledger([4, 5, 6]);
    const lastYear = ledger([4], { year: 2017 });
    const owners = ledgerPeriodOwners([first, later, lastYear]);
    expect([1, 2, 3, 4, 5, 6].map((p) => owners.get(`2018/${p}`)?.id)).toEqual([
      first.id,
      first.id,
      first.id,
      later.id,
      later.id,
      later.id,
    ]);
    expect(owners.get('2017/4')?.id).toBe(lastYear.id);
  });

  it('displacedBy names the ledger and the periods a new export would take over, and nothing in another year', () => {
    const first = ledger([1, 2, 3]);
    const lastYear = ledger([1, 2, 3], { year: 2017 });
    const incoming = ledger([3, 4], { countsFrom: null });
    expect(displacedBy(incoming, [first, lastYear, incoming])).toEqual([{ dataset: first, periods: [3] }]);
    expect(displacedBy(ledger([4, 5]), [first, lastYear])).toEqual([]);
  });

  it('displacedBy for a budget names the budget that counts for its year, and not one of another year', () => {
    const counting = dataset({});
    const other = dataset({ year: 2017 });
    const incoming = dataset({ countsFrom: null });
    expect(displacedBy(incoming, [counting, other, incoming]).map((d) => d.dataset.id)).toEqual([counting.id]);
  });
});

it('yearsWithData: the years with a dataset that counts, newest first', () => {
  expect(
    yearsWithData([dataset({ year: 2017 }), dataset({ year: 2019 }), dataset({ year: 2018, countsFrom: null })]),
  ).toEqual([2019, 2017]);
});
