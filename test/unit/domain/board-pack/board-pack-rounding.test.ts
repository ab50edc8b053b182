// The pack's tables in £'000 when the figures are not whole thousands (a user's file in pounds and pence):
// rounded as a whole so that rows and columns cast, each figure within a unit of its exact value.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  movedFigures,
  roundWithRowTotal,
  roundingFootnote,
  shownText,
} from '../../../../src/domain/board-pack/board-pack';
import { revenueTable } from '../../../../src/domain/board-pack/board-pack-revenue';
import { Money } from '../../../../src/domain/core/money';
import { buildOutturnTable, type OutturnInputRow } from '../../../../src/domain/revenue/outturn-table';

const pounds = (s: string) => new Money(s);
const line = (
  key: string,
  budget: string,
  outturn: string,
  rowType: OutturnInputRow['rowType'] = 'item',
): OutturnInputRow => ({
  key,
  label: key,
  rowType,
  budget: pounds(budget),
  outturn: pounds(outturn),
  printedVariance: null,
  printedPercent: null,
});

describe('a hand-worked table: budgets 1,400, 2,400, 3,400; outturns 1,600, 2,600, 3,600 (£)', () => {
  // In £'000: budgets 1.4 + 2.4 + 3.4 = 7.2; outturns 1.6 + 2.6 + 3.6 = 7.8; variances 0.2 each, 0.6 in all.
  // Each figure rounded on its own gives budgets 1 + 2 + 3 = 6 against a total of 7: it would not cast.
  const source = buildOutturnTable('t', 'Test', [
    line('a', '1400', '1600'),
    line('b', '2400', '2600'),
    line('c', '3400', '3600'),
    line('total', '7200', '7800', 'total'),
  ]);
  const { table } = revenueTable(source, 'test');
  const figures = table.rows.map((r) => ['budget', 'outturn', 'variance'].map((c) => shownText(r.cells[c]!)));

  it('rounds the grand total half away from zero (7.8 -> 8) and the budget column to its nearer whole (7.2 -> 7), so the variances total 1', () => {
    expect(figures[3]).toEqual(['7', '8', '1']);
  });
  it('casts down every column and across every row (budget + variance = outturn)', () => {
    const n = (s: string) => (s === '-' ? 0 : Number(s));
    const items = figures.slice(0, 3);
    for (let c = 0; c < 3; c++) expect(items.reduce((t, r) => t + n(r[c]!), 0)).toBe(n(figures[3]![c]!));
    for (const r of figures) expect(n(r[0]!) + n(r[2]!)).toBe(n(r[1]!));
  });
  it('keeps every figure within one unit of its exact value, and names in a footnote the ones moved off their own rounding', () => {
    const moved = movedFigures(table);
    expect(moved.length).toBeGreaterThan(0);
    expect(roundingFootnote(table)).toMatch(/moved by one unit to make it cast/);
    for (const m of moved) expect(new Money(m.shown).minus(new Money(m.exact).dividedBy(1000)).abs().lt(1)).toBe(true);
  });
});

describe('any table of pence amounts (fast-check)', () => {
  const penceAmount = fc.integer({ min: -5_000_000_00, max: 5_000_000_00 }).map((p) => new Money(p).dividedBy(100));
  const rowsArb = fc.array(fc.tuple(penceAmount, penceAmount), { minLength: 1, maxLength: 9 });

  it('a budget table: rows and columns cast, items within one unit of exact', () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const items = rows.map(([b, o], i) => ({ ...line(`r${i}`, '0', '0'), budget: b, outturn: o }));
        const total = { ...line('total', '0', '0', 'total') };
        const { table } = revenueTable(buildOutturnTable('t', 'T', [...items, total]), 't');
        const value = (r: number, c: string) => {
          const cell = table.rows[r]!.cells[c]!;
          return cell.kind === 'amount' && cell.shown !== null ? new Money(cell.shown) : new Money(NaN);
        };
        const last = table.rows.length - 1;
        for (const c of ['budget', 'outturn', 'variance']) {
          let sum = new Money(0);
          for (let r = 0; r < last; r++) {
            sum = sum.plus(value(r, c));
            const cell = table.rows[r]!.cells[c]!;
            if (cell.kind === 'amount')
              expect(value(r, c).minus(new Money(cell.exact!).dividedBy(1000)).abs().lt(1)).toBe(true);
          }
          expect(value(last, c).equals(sum)).toBe(true);
        }
        for (let r = 0; r <= last; r++)
          expect(value(r, 'budget').plus(value(r, 'variance')).equals(value(r, 'outturn'))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('roundWithRowTotal: each row total is the sum of its parts and within one unit of its exact total', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(penceAmount, penceAmount, penceAmount), { minLength: 1, maxLength: 12 }),
        (rows) => {
          const input = rows.map(([opening, added, usage]) => ({ opening, added, usage }));
          const { shown } = roundWithRowTotal(input, ['opening', 'added', 'usage'], 'closing');
          shown.forEach((s, i) => {
            expect(s.opening!.plus(s.added!).plus(s.usage!).equals(s.closing!)).toBe(true);
            const exact = input[i]!.opening.plus(input[i]!.added).plus(input[i]!.usage).dividedBy(1000);
            expect(s.closing!.minus(exact).abs().lt(1)).toBe(true);
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});
