// Checks in words a finance officer reads: labels, not keys; negatives in brackets, percentages too.
import { describe, expect, it } from 'vitest';
import { checkTable } from '../../../src/domain/checks/casting';
import { Money } from '../../../src/domain/core/money';
import { formatSignedPercent } from '../../../src/domain/core/percent';
import { checkSentence } from '../../../src/components/check-words';
import { isReserveTransfer } from '../../../src/domain/checks/reserve-transfer';
import { plainNote } from '../../../src/components/transcription-notes';

const LABELS: Record<string, string> = {
  'total-expenditure': 'Total Expenditure',
  income: 'Income',
  'total-constabulary-budget': 'TOTAL CONSTABULARY BUDGET',
  reserves: 'Reserves',
};
const labelOf = (key: string) => LABELS[key] ?? key;

describe('a check in words', () => {
  const checks = checkTable(
    {
      id: 'cs',
      title: 'Constabulary',
      printedUnit: new Money(1000),
      rows: [
        { key: 'total-expenditure', label: 'Total Expenditure', values: { variance: null, budget: new Money(1) } },
        { key: 'income', label: 'Income', values: { variance: new Money(-759_000), budget: new Money(-1_435_000) } },
        { key: 'total-constabulary-budget', label: 'TOTAL', values: { variance: new Money(1_788_000) } },
        {
          key: 'reserves',
          label: 'Reserves',
          values: { variance: new Money(-326_000), budget: new Money(0), percent: new Money(100) },
        },
      ],
    },
    [
      {
        kind: 'total',
        id: 'cs.total',
        description: 'Lines add to total-constabulary-budget',
        total: 'total-constabulary-budget',
        parts: ['total-expenditure', 'income'],
        columns: ['variance'],
      },
      {
        kind: 'percentage',
        id: 'cs.pct',
        description: 'Printed variance % = variance / budget',
        target: 'percent',
        numerator: 'variance',
        denominator: 'budget',
        rows: ['reserves'],
        absolute: true,
      },
    ],
  );

  it('names a missing figure by its row and column, never by the checker’s keys', () => {
    expect(checkSentence(checks[0]!, labelOf)).toBe(
      'TOTAL CONSTABULARY BUDGET, variance: the lines above add to TOTAL CONSTABULARY BUDGET; cannot be checked: Total Expenditure’s variance is not printed.',
    );
  });

  it('says why a percentage of a nil budget cannot be checked', () => {
    expect(checkSentence(checks[1]!, labelOf)).toBe(
      'Reserves, variance %: printed variance % = variance / budget; cannot be checked: Reserves’ budget is nil, so no percentage follows from the figures.',
    );
  });
});

describe('a signed percentage', () => {
  it.each([
    ['-0.08', '(0.08)%'],
    ['-0.0849', '(0.08)%'],
    ['-0.085', '(0.09)%'],
    ['2.68', '2.68%'],
    ['2.6', '2.6%'],
    ['0', '0%'],
    ['-0.001', '0%'],
  ])('%s -> %s', (value, text) => {
    expect(formatSignedPercent(new Money(value), 2)).toBe(text);
  });
});

describe('a transfer to or from reserves', () => {
  it.each([
    ['Transfer to Reserves', true],
    ['Reserves', true],
    ['Reserves (Constabulary)', true],
    ['40800 Constabulary reserve transfers', true],
    ['TOTAL OPCC', false],
    ['Total reserves', false],
    ['Local Policing', false],
    ['Income', false],
  ])('%s: %s', (label, transfer) => {
    expect(isReserveTransfer(label)).toBe(transfer);
  });
});

describe('a transcription note in plain words', () => {
  it.each([
    'label printed apart from its figures in the extract (placed by inference)',
    "the lone '-' cells of columns F, I and N placed on this total row by inference",
    "label printed apart from its figures in the extract (placed by inference; the word 'surplus' is displaced)",
    'label placed by inference; printed variance disagrees',
    'the lone printed 0 placed here by inference (it may belong to Applied, or to Borrowing)',
    "Actual usage '-' placed here by inference (see Capital Receipts Reserve)",
  ])('%s', (note) => {
    const plain = plainNote(note);
    expect(plain).not.toMatch(/inference|extract/);
    expect(plain).toMatch(/the paper prints|printed apart/);
  });
});
