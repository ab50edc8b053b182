// The tie-outs between the files of the 2017/18 sample, each compared with data/casting-expectations.json
// (worked out by hand from the 19 July 2018 paper; the arithmetic is in data/README.md): its status, the
// two figures and the difference, in £'000 as printed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Money } from '../../../../src/domain/core/money';
import { PAPER_2017_18 } from '../../../../src/domain/papers/paper-2017-18';
import {
  PAPER_2017_18_TIE_OUTS,
  PAPER_2017_18_TIE_OUT_NOTES,
} from '../../../../src/domain/papers/paper-2017-18-tie-outs';
import { countStatuses, reconcile } from '../../../../src/domain/checks/reconciliation';
import { checkTieOut, type TieOutTable } from '../../../../src/domain/checks/tie-outs';
import { readPrintedTable } from '../../../../src/import/printed-table';

interface Expectation {
  id: string;
  printed: number | null;
  computed: number | null;
  difference: number | null;
  status: 'pass' | 'rounding' | 'fail' | 'incomplete';
  unit: string;
}

const DATA = join(import.meta.dirname, '../../../../data');
const expectations = JSON.parse(readFileSync(join(DATA, 'casting-expectations.json'), 'utf8')) as Expectation[];
const tables = new Map(
  Object.keys(PAPER_2017_18).map((file) => [file, readPrintedTable(file, readFileSync(join(DATA, file), 'utf8'))]),
);
const { tieOuts } = reconcile(tables, PAPER_2017_18, PAPER_2017_18_TIE_OUTS);

// The two same-table checks by other terms are tie-outs of a total against its items: kept here.
const KEPT_IN_TABLE = ['a2.total.amount-from-items', 'cs.total-constabulary-budget.variance-from-items'];
const expected = expectations.filter((e) => e.id.startsWith('x.') || KEPT_IN_TABLE.includes(e.id));

/** £'000 as in the expectations, or a percent number. */
const inUnits = (v: Money | null, unit: string): number | null =>
  v === null ? null : unit === 'percent' ? v.toNumber() : v.dividedBy(1000).toNumber();

describe('tie-outs of the 2017/18 sample', () => {
  it('are exactly the cross-file checks worked out by hand, each once', () => {
    expect(tieOuts.map((t) => t.id).sort()).toEqual(expected.map((e) => e.id).sort());
  });

  it.each(expected.map((e) => [e.id, e] as const))('%s', (id, e) => {
    const t = tieOuts.find((r) => r.id === id)!;
    expect(t.status).toBe(e.status);
    expect(inUnits(t.printed, e.unit)).toBe(e.printed);
    expect(inUnits(t.computed, e.unit)).toBe(e.computed);
    expect(inUnits(t.difference, e.unit)).toBe(e.difference === null ? null : Number(e.difference.toFixed(6)));
  });

  it('count 68 pass, 4 rounding differences, 9 failures and 8 incomplete (data/README.md)', () => {
    expect(countStatuses(tieOuts)).toEqual({ pass: 68, rounding: 4, fail: 9, incomplete: 8 });
  });

  it('the tie-outs across files give the paper’s figures', () => {
    const get = (id: string) => tieOuts.find((t) => t.id === id)!;
    // Revenue carry-forwards: Appendix 2 / para 4.10 £1.012m = Table 5 addition £1.012m.
    expect([
      get('x.a2-t5.carry-forward-revenue-added').printed?.toString(),
      get('x.a2-t5.carry-forward-revenue-added').computed?.toString(),
    ]).toEqual(['1012000', '1012000']);
    // Capital slippage: Table 4 transfer £2.173m = Table 5 addition £2.173m.
    expect(get('x.t4f-t5.capital-carry-forward-added').computed?.toString()).toBe('2173000');
    // Capital spend: financing total spend 5,702 = payments outturn 5,702; applied 5,536 is 166 short.
    expect(get('x.t4p-t4f.outturn').status).toBe('pass');
    expect(get('x.t4p-t4f.applied').difference?.toString()).toBe('-166000');
  });

  it('links each figure to its table and row', () => {
    const t = tieOuts.find((r) => r.id === 'x.t4f-t5.capital-reserve-used')!;
    expect(t.printedFigures.map((f) => [f.table, f.row])).toEqual([['table-5-reserves.csv', 'capital-reserve']]);
    expect(t.againstFigures.map((f) => [f.table, f.row, f.sign])).toEqual([
      ['table-4-capital-financing.csv', 'capital-reserve', -1],
      ['table-4-capital-financing.csv', 'capital-reserve', -1],
    ]);
    const a4 = tieOuts.find((r) => r.id === 'x.a4-t4f.carry-forward')!;
    expect(a4.againstFigures).toHaveLength(19); // every Appendix 4 request
  });
});

describe('the notes on what the paper leaves untied', () => {
  const value = (file: string, row: string, column: RegExp): number => {
    const table = tables.get(file)!;
    const header = table.columns.find((c) => column.test(c.header))!.header;
    return table.rows
      .find((r) => r.label === row)!
      .values[header]!.dividedBy(1000)
      .toNumber();
  };

  it('quote the printed figures, and their sums are right', () => {
    const overspend = value('table-1-revenue-outturn.csv', 'TOTAL', /^variance.*£/i);
    const applied = value('table-4-capital-financing.csv', 'Budget Assistance Reserve', /^applied/i);
    const transfer = value('table-4-capital-financing.csv', 'Budget Assistance Reserve', /^transfer/i);
    const usage = -value('table-5-reserves.csv', 'Budget Assistance Reserve', /^actual usage/i);
    expect([overspend, applied, transfer, usage]).toEqual([1852, 1534, 807, 4354]);
    // 1,852 + 1,534 + 807 = 4,193; 4,354 - 4,193 = 161.
    expect(PAPER_2017_18_TIE_OUT_NOTES['revenue-reserve-transfers']).toContain(
      `that is ${(overspend + applied + transfer).toLocaleString('en-GB')} of its ${usage.toLocaleString('en-GB')} usage`,
    );
    expect(PAPER_2017_18_TIE_OUT_NOTES['revenue-reserve-transfers']).toContain(
      `the other ${usage - overspend - applied - transfer} is`,
    );
    expect(value('table-5-reserves.csv', 'Capital Receipts Reserve', /^added/i)).toBe(705);
    expect(value('table-4-capital-financing.csv', 'Capital Receipts', /^applied/i)).toBe(97);
  });
});

describe('checkTieOut', () => {
  const table = (id: string, rows: [string, string | null][]): TieOutTable => ({
    id,
    title: id,
    columns: ['Amount'],
    rows: rows.map(([key, v]) => ({
      key,
      label: key,
      rowType: 'item',
      values: { Amount: v === null ? null : new Money(v) },
    })),
  });
  const tables = new Map([
    [
      'a',
      table('a', [
        ['x', '1012000'],
        ['gap', null],
      ]),
    ],
    [
      'b',
      table('b', [
        ['y', '1013000'],
        ['z', '1015000'],
      ]),
    ],
  ]);
  const spec = (printed: string, against: string) => ({
    id: 't',
    group: 'paper-text' as const,
    description: 't',
    printed: [{ table: 'a', row: printed, column: /amount/i }],
    against: [{ table: 'b', row: against, column: /amount/i }],
  });

  it('a difference within half a printed unit per figure is a rounding difference; beyond it, a failure', () => {
    // Two figures in £'000: tolerance 2 x 500 = £1,000.
    expect(checkTieOut(spec('x', 'y'), tables)).toMatchObject({ status: 'rounding', tolerance: new Money(1000) });
    expect(checkTieOut(spec('x', 'z'), tables).status).toBe('fail');
  });

  it('a figure not shown makes the tie-out incomplete, never nil', () => {
    const r = checkTieOut(spec('gap', 'y'), tables);
    expect(r.status).toBe('incomplete');
    expect(r.printed).toBeNull();
    expect(r.computed?.toString()).toBe('1013000');
    expect(r.missing).toEqual(['a: gap · Amount is not shown']);
  });

  it('a table that is not loaded, or a row it lacks, is said by name', () => {
    expect(
      checkTieOut({ ...spec('x', 'y'), against: [{ table: 'c', row: 'y', column: /amount/i }] }, tables).missing,
    ).toEqual(['c is not loaded']);
    expect(checkTieOut(spec('nope', 'y'), tables).missing).toEqual(['a has no row nope']);
  });
});
