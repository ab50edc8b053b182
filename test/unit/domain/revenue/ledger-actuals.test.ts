// Actuals from ledger lines: exact sums by cost centre, subjective and period; a period exported twice
// is taken once (from the later export); a closed period with no ledger is unknown, not nil.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesSource } from '../../../../src/import/byte-sources';
import { planOf } from '../../../../src/import/preview';
import { importRows, preview, scan } from '../../../../src/import/run-import';
import {
  actualToDatePence,
  actualsByPeriod,
  checkLinesAgainstActual,
  closedPeriods,
  combineLedgers,
  isPosted,
  lineKey,
  missingPeriods,
  type LedgerSource,
} from '../../../../src/domain/revenue/ledger-actuals';
import { Money } from '../../../../src/domain/core/money';
import { pence } from '../../../../src/domain/core/units';
import { ledgerSumRows } from '../../../../src/storage/ledger-sums';

const source = (id: string, order: number, aggregates: LedgerSource['aggregates']): LedgerSource => ({
  id,
  name: `${id}.csv`,
  order,
  aggregates,
});

async function aggregatesOf(csv: string) {
  const src = bytesSource('ledger.csv', new TextEncoder().encode(csv));
  const s = await scan(src);
  if (!s.verdict.ok) throw new Error('unreadable');
  const plan = planOf(await preview(src, s.verdict.value));
  return ledgerSumRows((await importRows(src, plan, () => undefined)).ledgerSums);
}

describe('ledger lines aggregated by the import', () => {
  it('sums exactly in pence by cost centre, subjective and period: 0.10 + 0.20 = 0.30, never 0.30000000000000004', async () => {
    const aggregates = await aggregatesOf(
      [
        'Posting date,Period,Cost centre,Subjective,Description,Amount',
        '03/04/2017,1,01234,4100,a,0.10',
        '04/04/2017,1,01234,4100,b,0.20',
        '05/05/2017,2,01234,4100,c,"1,000.01"',
        '05/05/2017,2,01234,4100,d,(1000.00)',
        '06/05/2017,2,00456,4100,e,12.5',
      ].join('\n'),
    );
    // Leading zeros kept; P1: 10 + 20 = 30p; P2: 100,001 - 100,000 = 1p; 00456 P2: 1,250p.
    expect([...aggregates].sort()).toEqual([
      ['00456', '4100', 2, pence(1250)],
      ['01234', '4100', 1, pence(30)],
      ['01234', '4100', 2, pence(1)],
    ]);
  });
});

describe('combineLedgers: each period from one export', () => {
  // Export A (P1-P2) and a later export B that re-runs P2 and adds P3.
  const a = source('a', 0, [
    ['100', '1', 1, pence(12_345)],
    ['100', '1', 2, pence(500)],
    ['200', '9', 2, pence(-4_000)],
  ]);
  const b = source('b', 1, [
    ['100', '1', 2, pence(700)],
    ['100', '1', 3, pence(300)],
  ]);
  const ledger = combineLedgers([b, a]); // the order of the list does not matter; import order does

  it('takes P2 from the later export only (700, not 500 + 700)', () => {
    expect(ledger.periodSource.get(1)?.id).toBe('a');
    expect(ledger.periodSource.get(2)?.id).toBe('b');
    // 12,345 (P1 from A) + 700 (P2 from B) + 300 (P3) = 13,345 pence.
    expect(actualToDatePence(ledger, lineKey('100', '1'), 3)).toBe(13_345);
    // Cost centre 200 posted only in A's P2, which B replaced: nothing for it in P2 any more.
    expect(actualToDatePence(ledger, lineKey('200', '9'), 3)).toBe(0);
  });

  it('says which closed months no export has: after P4, P4', () => {
    expect(missingPeriods(ledger, 3)).toEqual([]);
    expect(missingPeriods(ledger, 4)).toEqual([4]);
    // A closed month with no ledger: the actual to date is unknown, not the sum of the others.
    expect(actualToDatePence(ledger, lineKey('100', '1'), 4)).toBeNull();
  });

  it('gives each period an actual only when it is closed, and nil (not missing) for a closed period with no postings', () => {
    const byPeriod = actualsByPeriod(ledger, lineKey('100', '1'), 2);
    // In pence: £123.45 and £7.00.
    expect(byPeriod[1]).toBe(12_345);
    expect(byPeriod[2]).toBe(700);
    expect(byPeriod[3]).toBeNull(); // P3 not closed after P2
    const other = actualsByPeriod(ledger, lineKey('999', '1'), 2);
    expect(other[1]).toBe(0); // closed, ledger loaded, no postings: nil
  });

  it('knows which lines have entries in the closed periods', () => {
    expect(isPosted(ledger, lineKey('100', '1'), 1)).toBe(true);
    expect(isPosted(ledger, lineKey('200', '9'), 3)).toBe(false);
  });

  it('reads a line by period, to date and as posted over exactly the closed periods, for any month', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -2, max: 14 }),
        fc.subarray(Array.from({ length: 16 }, (_, i) => i + 1)),
        fc.array(fc.integer({ min: -1e9, max: 1e9 }), { minLength: 17, maxLength: 17 }),
        (month, periods, amounts) => {
          const sums = periods.map((p) => ['7', '8', p, pence(amounts[p]!)] as const);
          // Every period supplied (nil where the line has none), so nothing is missing.
          const all = Array.from({ length: 16 }, (_, i) => ['0', '0', i + 1, pence(1)] as const);
          const actuals = combineLedgers([source('l', 0, [...all, ...sums])]);
          const closed = new Set(closedPeriods(month));
          const byPeriod = actualsByPeriod(actuals, lineKey('7', '8'), month);
          for (let p = 0; p <= 16; p++) expect(byPeriod[p] !== null).toBe(closed.has(p));
          const expected = periods.filter((p) => closed.has(p)).reduce((t, p) => t + amounts[p]!, 0);
          expect(actualToDatePence(actuals, lineKey('7', '8'), month)).toBe(expected);
          expect(isPosted(actuals, lineKey('7', '8'), month)).toBe(periods.some((p) => closed.has(p)));
        },
      ),
    );
  });

  it('closes the year-end adjustment periods with P12', () => {
    expect(closedPeriods(3)).toEqual([1, 2, 3]);
    expect(closedPeriods(12)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]);
  });
});

describe('checkLinesAgainstActual', () => {
  it('agrees to the penny, or gives the difference', () => {
    const lines = [new Money('149552.86'), new Money('12400.00'), new Money('-0.01')];
    // 149,552.86 + 12,400.00 - 0.01 = 161,952.85.
    expect(checkLinesAgainstActual(lines, new Money('161952.85'))).toMatchObject({ agrees: true });
    const off = checkLinesAgainstActual(lines, new Money('149552.85'));
    expect(off.agrees).toBe(false);
    expect(off.difference?.toString()).toBe('12400');
    expect(checkLinesAgainstActual(lines, null).difference).toBeNull();
  });
});
