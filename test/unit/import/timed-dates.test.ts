// Payment dates with a time of day (issue 15): an ordinary export of a date-time column. The line is read on the
// day the file wrote, never moved by a time zone, and the cell is kept as the file wrote it for drill-down.
// Expected days and periods worked by hand from the file's text.
import { describe, expect, it } from 'vitest';
import { penceToPounds } from '../../../src/domain/core/units';
import { bytesSource } from '../../../src/import/byte-sources';
import { importWhole } from '../helpers/receipt-of';

const importLedger = (text: string, year: number) =>
  importWhole(bytesSource('payments.csv', new TextEncoder().encode(text)), {}, { year });

describe('payment dates with a time of day', () => {
  const text = [
    'Payment Date,Cost Centre,Account,Supplier,Amount',
    '20/04/2017 14:32,10100,4001,Fuel Co,100.00',
    '2017-05-02T09:15:00,10100,4001,Fuel Co,20.00',
    // 23:30 UTC on 31 March 2018 is 00:30 BST on 1 April: the file says 31 March, the last day of 2017/18.
    '2018-03-31T23:30:00Z,10100,4001,Fuel Co,3.00',
    // 00:30 BST on 1 April 2018 is 23:30 UTC on 31 March: the file says 1 April, the first day of 2018/19.
    '2018-04-01T00:30:00+01:00,10100,4001,Fuel Co,4000.00',
    // An offset other than UTC or UK time: refused with its reason, not guessed.
    '2017-06-01T20:00:00-05:00,10100,4001,Fuel Co,50000.00',
    '',
  ].join('\n');

  it('reads each on the day it is written, refuses the one in another zone, and keeps every cell as written', async () => {
    const { result, chunks } = await importLedger(text, 2017);
    expect(result.rows).toMatchObject({ read: 5, accepted: 3, rejected: 2 });
    const outside = result.issues.find((i) => i.code === 'date-outside-year');
    expect(outside).toMatchObject({ row: 5, value: '2018-04-01T00:30:00+01:00' });
    const zone = result.issues.find((i) => i.code === 'time-zone');
    expect(zone).toMatchObject({ row: 6, column: 'Payment Date', value: '2017-06-01T20:00:00-05:00' });
    expect(zone!.message).toContain('-05:00');
    // P1 (April), P2 (May), P12 (March): 100.00, 20.00, 3.00.
    const byPeriod = result.controlTotals[0]!.byPeriod.map((b) => [b.period, penceToPounds(b.net)]);
    expect(byPeriod).toEqual([
      [1, '100.00'],
      [2, '20.00'],
      [12, '3.00'],
    ]);
    const [chunk] = chunks;
    expect(Object.values(chunk!.dates)[0]).toEqual(new Uint32Array([20170420, 20170502, 20180331]));
    expect(chunk!.raw[0]).toEqual(['20/04/2017 14:32', '2017-05-02T09:15:00', '2018-03-31T23:30:00Z']);
  });

  it('counts a timed date as evidence of the file year', async () => {
    const { preview } = await importLedger(text, 2017);
    expect(preview.yearGuess.year).toBe(2017);
  });
});
