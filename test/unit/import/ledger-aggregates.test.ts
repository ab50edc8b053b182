// The ledger's sums by cost centre, subjective and period look all-digit codes up by number: the sums,
// and their order, must be exactly those of plain text keys, with leading zeros still telling codes apart.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codeKey } from '../../../src/import/code-key';
import { LedgerAggregates } from '../../../src/import/ledger-aggregates';
import { ledgerSumRows, packLedgerSums } from '../../../src/storage/ledger-sums';

function byText(rows: [string, string, number, number][]): [string, string, number, number][] {
  const sums = new Map<string, Map<string, number[]>>();
  for (const [cc, subjective, period, pence] of rows) {
    const bySubjective = sums.get(cc) ?? new Map<string, number[]>();
    sums.set(cc, bySubjective);
    const byPeriod = bySubjective.get(subjective) ?? new Array<number>(17).fill(0);
    bySubjective.set(subjective, byPeriod);
    byPeriod[period]! += pence;
  }
  return [...sums].flatMap(([cc, bySubjective]) =>
    [...bySubjective].flatMap(([subjective, byPeriod]) =>
      byPeriod.flatMap((pence, period) =>
        pence === 0 ? [] : [[cc, subjective, period, pence] as [string, string, number, number]],
      ),
    ),
  );
}

const codeArb = fc.oneof(
  fc.constantFrom(
    '',
    '0',
    '00',
    '01234',
    '1234',
    '001234',
    '99999999',
    '199999999',
    '123456789',
    'C8010',
    '1e3',
    '0x1',
    '12.0',
    '١٢',
  ),
  fc.stringMatching(/^[0-9]{0,10}$/),
);

describe('ledger aggregates', () => {
  it('codeKey: the same key exactly when the same text', () => {
    fc.assert(
      fc.property(codeArb, codeArb, (a, b) => {
        expect(codeKey(a) === codeKey(b)).toBe(a === b);
      }),
      { numRuns: 2000 },
    );
  });

  it('the same sums, in the same order, as text keys', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(codeArb, codeArb, fc.integer({ min: 0, max: 16 }), fc.integer({ min: -1e9, max: 1e9 })), {
          maxLength: 200,
        }),
        (rows) => {
          const aggregates = new LedgerAggregates();
          for (const [cc, subjective, period, pence] of rows) aggregates.add(cc, subjective, period, pence);
          expect(aggregates.list()).toEqual(byText(rows));
          // Packed as storage keeps them: the same sums in the same order, each code once in the order first named.
          expect(ledgerSumRows(aggregates.packed())).toEqual(byText(rows));
          expect(aggregates.packed()).toEqual(packLedgerSums(byText(rows)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('many codes and pairs (the tables grow): the same as text keys', () => {
    const rows: [string, string, number, number][] = [];
    for (let i = 0; i < 20_000; i++)
      rows.push([
        String((i * 7919) % 1500).padStart(5, '0'),
        i % 3 === 0 ? `S${(i * 31) % 90}` : String((i * 13) % 70),
        i % 17,
        (i % 1000) - 400,
      ]);
    const aggregates = new LedgerAggregates();
    for (const [cc, subjective, period, pence] of rows) aggregates.add(cc, subjective, period, pence);
    expect(aggregates.list()).toEqual(byText(rows));
    expect(aggregates.packed()).toEqual(packLedgerSums(byText(rows)));
  });
});

describe('a part of the sums taken in (split-import.ts)', () => {
  const rowsArb = fc.array(
    fc.tuple(codeArb, codeArb, fc.integer({ min: 0, max: 16 }), fc.integer({ min: -1e9, max: 1e9 })),
    { maxLength: 150 },
  );

  it('the rows before the cut added, the part after it taken in (copied as a message is): the sums and order of one reading', () => {
    fc.assert(
      fc.property(rowsArb, rowsArb, (before, after) => {
        const first = new LedgerAggregates();
        for (const [cc, subjective, period, pence] of before) first.add(cc, subjective, period, pence);
        const second = new LedgerAggregates();
        for (const [cc, subjective, period, pence] of after) second.add(cc, subjective, period, pence);
        first.absorb(structuredClone(second.part()));
        expect(first.list()).toEqual(byText([...before, ...after]));
      }),
      { numRuns: 300 },
    );
  });

  it('a part whose sum left the exact range is never handed on', () => {
    const part = new LedgerAggregates();
    part.add('C1', 'S1', 1, Number.MAX_SAFE_INTEGER);
    part.add('C1', 'S1', 1, 2);
    part.add('C1', 'S1', 1, -2);
    expect(() => part.part()).toThrow(RangeError);
  });

  it('a part taken in that takes a sum past 2^53 is never listed', () => {
    const first = new LedgerAggregates();
    first.add('C1', 'S1', 1, Number.MAX_SAFE_INTEGER);
    const second = new LedgerAggregates();
    second.add('C1', 'S1', 1, 2);
    second.add('C2', 'S1', 1, -2);
    first.absorb(second.part());
    expect(() => first.list()).toThrow(RangeError);
  });
});

describe('LedgerAggregates beyond 2^53 pence (issue 15)', () => {
  it('a sum that left the exact range is never listed, even when it comes back into it', () => {
    const MAX = Number.MAX_SAFE_INTEGER; // 2^53 - 1
    const a = new LedgerAggregates();
    a.add('C1', 'S1', 1, MAX);
    a.add('C1', 'S1', 1, 2); // 2^53 + 1 cannot be held: it is 2^53 as a float
    a.add('C1', 'S1', 1, -2); // back in range, as 2^53 - 2: one penny out, silently, before
    expect(() => a.list()).toThrow(RangeError);
  });

  it('sums up to 2^53 - 1 either side of zero are listed exactly', () => {
    const MAX = Number.MAX_SAFE_INTEGER;
    const a = new LedgerAggregates();
    a.add('C1', 'S1', 1, MAX - 1);
    a.add('C1', 'S1', 1, 1);
    a.add('C2', 'S1', 1, -MAX);
    expect(a.list()).toEqual([
      ['C1', 'S1', 1, MAX],
      ['C2', 'S1', 1, -MAX],
    ]);
  });
});
