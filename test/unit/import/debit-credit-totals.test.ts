// A Debit/Credit ledger (no Amount column), issue 15: its control totals are its Debit and Credit columns'
// sums (debits, credits and net, by period and overall), on the receipt and in check-file, and the file's
// own total row is checked column by column, as a real export prints it (the Debit total, the Credit total).
// Every expected figure is added by hand from the rows written in each test.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytesSource } from '../../../src/import/byte-sources';
import { addAccepted, checkTotalRow, controlTotalsOf, newControlTotals } from '../../../src/import/control-totals';
import { runCli } from '../helpers/hostile-harness';
import { receiptOf } from '../helpers/receipt-of';

const FIXTURE = join(import.meta.dirname, '../../fixtures/ledger-debit-credit.csv');
const HEADER = 'Posting Date,Period,Cost Centre,Subjective,Description,Debit,Credit';
const ROWS = [
  '03/04/2017,1,C100,5000,Fuel,"1,234.56",',
  '10/04/2017,1,C100,5100,Refund,,234.56',
  '05/05/2017,2,C200,5000,Repairs,89.10,',
  '06/05/2017,2,C200,5000,Journal,100.00,40.00',
];

const receiptOfText = (text: string) =>
  receiptOf(bytesSource('dc.csv', new TextEncoder().encode(text), 7), { kind: 'ledger' });

describe('a Debit/Credit ledger: control totals from its two columns (issue 15)', () => {
  it('debits, credits and net, overall and by period, on the receipt', async () => {
    const receipt = await receiptOfText([HEADER, ...ROWS].join('\n'));
    expect(receipt.rows).toMatchObject({ read: 4, accepted: 4, rejected: 0, skipped: 0 });
    // Debit column: 1,234.56 + 89.10 + 100.00 = 1,423.66. Credit column: 234.56 + 40.00 = 274.56.
    // Net 1,149.10. P1: 1,234.56 and 234.56 (net 1,000.00); P2: 189.10 and 40.00 (net 149.10).
    expect(receipt.controlTotals).toEqual([
      {
        column: 'amount',
        rows: 4,
        debit: '1423.66',
        credit: '-274.56',
        net: '1149.10',
        byPeriod: [
          { period: 1, debit: '1234.56', credit: '-234.56', net: '1000.00' },
          { period: 2, debit: '189.10', credit: '-40.00', net: '149.10' },
        ],
      },
    ]);
  });

  // The file's total row against the columns: the net of the last two (1,500.00 - 350.90 = 1,149.10) equals
  // the rows' net, so a check of the net alone passes them; each column is 76.34 out.
  it.each([
    [
      'the file agrees',
      '"1,423.66",274.56',
      [
        ['debit', '1423.66', '1423.66', 'pass'],
        ['credit', '274.56', '274.56', 'pass'],
      ],
    ],
    [
      'both columns wrong, net right',
      '"1,500.00",350.90',
      [
        ['debit', '1500.00', '1423.66', 'fail'],
        ['credit', '350.90', '274.56', 'fail'],
      ],
    ],
    ['only the Debit total printed', '"1,149.10",', [['debit', '1149.10', '1423.66', 'fail']]],
  ])('checks the total row column by column: %s', async (_, totals, checks) => {
    const receipt = await receiptOfText([HEADER, ...ROWS, `,,,,Total,${totals}`].join('\n'));
    expect(receipt.rows).toMatchObject({ read: 5, accepted: 4, skipped: 1 });
    expect(receipt.totalRowChecks.map((c) => [c.column, c.printed, c.computed, c.status])).toEqual(checks);
  });

  it('a subtotal per period, then a grand total: each column checked against its own rows', async () => {
    const text = [
      HEADER,
      ...ROWS.slice(0, 2),
      ',,,,Total P1,"1,234.56",234.56',
      ...ROWS.slice(2),
      ',,,,Total P2,189.10,40.00',
      ',,,,Grand total,"1,423.66",274.56',
    ];
    const receipt = await receiptOfText(text.join('\n'));
    expect(receipt.rows).toMatchObject({ read: 7, accepted: 4, skipped: 3 });
    expect(receipt.totalRowChecks.map((c) => [c.row, c.column, c.computed, c.status])).toEqual([
      [4, 'debit', '1234.56', 'pass'],
      [4, 'credit', '234.56', 'pass'],
      [7, 'debit', '189.10', 'pass'],
      [7, 'credit', '40.00', 'pass'],
      [8, 'debit', '1423.66', 'pass'],
      [8, 'credit', '274.56', 'pass'],
    ]);
  });

  it('a negative credit lessens the credits as the file writes them (the Credit column total)', async () => {
    const receipt = await receiptOfText([HEADER, ROWS[0], '10/04/2017,1,C100,5100,Reversal,,-4.00'].join('\n'));
    // Debits 1,234.56; Credit column -4.00, so credits +4.00 (a negative credit); net 1,238.56.
    expect(receipt.controlTotals.map((t) => [t.debit, t.credit, t.net])).toEqual([['1234.56', '4.00', '1238.56']]);
    expect(receipt.issues.map((i) => [i.row, i.code])).toEqual([[3, 'negative-credit']]);
  });
});

describe('control totals with sides, on their own', () => {
  it('keeps each column of a Debit/Credit row, and refuses a row that would take a column past 2^53 pence', () => {
    const MAX = Number.MAX_SAFE_INTEGER;
    const t = newControlTotals(1, true);
    expect(addAccepted(t, [700], 1, [1000, 300])).toBe(-1);
    expect(addAccepted(t, [-50], 0, [null, 50])).toBe(-1);
    // A row whose net is nil but whose Debit cell would take the Debit column past 2^53: refused, nothing added.
    expect(addAccepted(t, [0], 1, [MAX, MAX])).toBe(0);
    expect(controlTotalsOf(t, ['amount'])).toEqual([
      {
        column: 'amount',
        debit: 1000,
        credit: -350,
        net: 650,
        byPeriod: [
          { period: 0, debit: 0, credit: -50, net: -50 },
          { period: 1, debit: 1000, credit: -300, net: 700 },
        ],
      },
    ]);
    checkTotalRow(t, 9, 'Total', [650], ['amount'], [1000, 350]);
    expect(t.checks.map((c) => [c.column, c.printed, c.computed, c.status])).toEqual([
      ['debit', 1000, 1000, 'pass'],
      ['credit', 350, 350, 'pass'],
    ]);
  });
});

describe('check-file on a Debit/Credit ledger (issue 15: printed no totals)', () => {
  // The command's own answer, in this process (check-file-cli.test.ts runs it once as a real process).
  const run = (...args: string[]) => runCli(args);

  it('prints its debits, credits and net, and checks its total row by column', async () => {
    const r = await run(FIXTURE, '--kind', 'ledger');
    expect(r.stdout).toContain('totals    amount: debits 1423.66, credits -274.56, net 1149.10');
    expect(r.stdout).toContain('totals    amount P1: debits 1234.56, credits -234.56, net 1000.00');
    expect(r.stdout).toContain('totals    amount P2: debits 189.10, credits -40.00, net 149.10');
    expect(r.stdout).toContain('check     row 6 "Total" debit: file says 1423.66, rows add to 1423.66: agrees');
    expect(r.stdout).toContain('check     row 6 "Total" credit: file says 274.56, rows add to 274.56: agrees');
    const j = JSON.parse((await run(FIXTURE, '--kind', 'ledger', '--json')).stdout) as {
      totals: unknown;
    };
    expect(j.totals).toEqual({ column: 'amount', debit: '1423.66', credit: '-274.56', net: '1149.10' });
  }, 30_000);
});
