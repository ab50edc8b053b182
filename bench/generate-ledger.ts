// A realistic ledger export, generated deterministically from a seed: about 10 columns, quoted fields,
// thousands separators, negatives in brackets and with a minus, some non-ASCII text. As in a force's
// ledger, postings concentrate: 500 cost centres, each posting to its own 40 of 200 subjectives
// (20,000 cost centre and subjective pairs), rather than every pair being equally likely.

import { seededRandom } from '../src/cli/seeded-random';

const SUPPLIERS = [
  'Total Gas & Power',
  'Chiltern Transport Consortium',
  'Café Nero Ltd',
  'Bean & Co',
  '"Smith, Jones & Partners"',
  'Office Depot',
  'Zürich Insurance plc',
  'Anglian Water',
  'BT plc',
  'Motorola Solutions',
];
const DESCRIPTIONS = [
  'Diesel for fleet',
  'Refund – overcharge',
  'Overtime, March',
  'Stationery',
  'Rates: Parkside',
  'Uniform (PCSO)',
  'Body-worn video licences',
  'Café supplies, HQ',
  'Vehicle repairs',
  'Training course',
];

export function generateLedger(rows: number, seed: number): { text: string; amounts: string[] } {
  const next = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const quote = (s: string): string => (/[",\n]/.test(s) && !s.startsWith('"') ? `"${s.replace(/"/g, '""')}"` : s);
  const lines: string[] = [
    'Posting Date,Period,Cost Centre,Subjective,Description,Supplier,Amount,Reference,Job Code,VAT Code',
  ];
  const amounts: string[] = [];
  for (let i = 0; i < rows; i++) {
    const period = 1 + Math.floor(next() * 12);
    const month = ((period + 2) % 12) + 1;
    const year = period <= 9 ? 2017 : 2018;
    const day = 1 + Math.floor(next() * 28);
    const costCentreIndex = Math.floor(next() * 500);
    const costCentre = String(costCentreIndex * 37 + 1).padStart(5, '0');
    const pence = Math.floor(next() * 500_000_00) - (next() < 0.15 ? 600_000_00 : 0);
    const abs = Math.abs(pence);
    const pounds = `${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
    const grouped = pounds.replace(/\B(?=(\d{3})+(?!\d))(?=.*\.)/g, ',');
    const style = next();
    const written =
      pence >= 0
        ? grouped.includes(',')
          ? `"${grouped}"`
          : grouped
        : style < 0.5
          ? `"(${grouped})"`
          : `"-${grouped}"`;
    amounts.push(pence < 0 ? `-${pounds}` : pounds);
    lines.push(
      [
        `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`,
        String(period),
        costCentre,
        String(4000 + ((costCentreIndex * 7 + Math.floor(next() * 40)) % 200) * 4),
        quote(pick(DESCRIPTIONS)),
        pick(SUPPLIERS),
        written,
        `INV-${String(i).padStart(7, '0')}`,
        next() < 0.3 ? `C${8000 + Math.floor(next() * 200)}` : '',
        pick(['S', 'Z', 'E']),
      ].join(','),
    );
  }
  return { text: `${lines.join('\r\n')}\r\n`, amounts };
}

/**
 * A ledger whose codes are many: `costCentres` cost centres and `subjectives` subjectives, a pair a row at random
 * (so that each code is met one by one early on), for the line index's table of pairs (bench/import-bench.ts).
 */
export function manyCodesLedger(rows: number, costCentres: number, subjectives: number): string {
  const next = seededRandom(rows + costCentres + subjectives);
  const lines = ['Posting Date,Period,Cost Centre,Subjective,Description,Supplier,Amount,Reference'];
  for (let i = 0; i < rows; i++) {
    const period = 1 + Math.floor(next() * 12);
    const costCentre = `CC${String(Math.floor(next() * costCentres)).padStart(5, '0')}`;
    const subjective = String(10_000 + Math.floor(next() * subjectives));
    lines.push(`01/04/2017,${period},${costCentre},${subjective},Diesel,Fuel Co,${i % 9_973}.25,R${i}`);
  }
  return `${lines.join('\r\n')}\r\n`;
}
