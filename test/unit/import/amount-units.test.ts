// The unit of an amount column (src/import/amount-units.ts): its header's, else the rows above the header's, else
// pounds. Cases from the layouts public bodies publish: the unit in the header ("Budget (£'000)"), in a title
// ("Reserves forecast 2019/20 (£000)"), alone above each figure of a board table ("£'000"), or nowhere.
import { describe, expect, it } from 'vitest';
import { amountUnit, chosenUnits, UNIT_CHOSEN, unitOfHeader } from '../../../src/import/amount-units';

describe('unitOfHeader', () => {
  it.each([
    ["Budget (£'000)", 'thousands'],
    ['Outturn £000', 'thousands'],
    ['Forecast £000s', 'thousands'],
    ['Variance £k', 'thousands'],
    ['Spend (k)', 'thousands'],
    ["Actual '000", 'thousands'],
    ['Budget £ thousands', 'thousands'],
    ['Amount (£)', 'pounds'],
    ['Net amount £', 'pounds'],
    ['£', 'pounds'],
  ] as const)('%s: %s', (header, scale) => {
    expect(unitOfHeader(header)).toBe(scale);
  });

  it.each(['Amount', 'Balance b/fwd', 'Over £25,000', 'Cost £1000 or more', 'Net £25k threshold code'])(
    '%s says no unit (or not of the column)',
    (header) => {
      // "£25k" is a figure, not a unit: only "£k" says thousands.
      expect(unitOfHeader(header)).toBe(null);
    },
  );
});

describe('amountUnit', () => {
  const title = [
    ['Earmarked reserves forecast 2019/20 (£000)', '', ''],
    ['', '', ''],
  ];

  it("takes the header's unit before anything above it", () => {
    expect(amountUnit('Opening (£)', title, 2)).toEqual({ scale: 'pounds', reason: 'from its header “Opening (£)”' });
    expect(amountUnit("Opening £'000", [], 2)).toEqual({
      scale: 'thousands',
      reason: "from its header “Opening £'000”",
    });
  });

  it('takes a title above the header where the header says nothing', () => {
    expect(amountUnit('Balance b/fwd', title, 2)).toEqual({
      scale: 'thousands',
      reason: 'from row 1, above the header: “Earmarked reserves forecast 2019/20 (£000)”',
    });
  });

  it('takes a unit alone above the column before a title, the nearest row first', () => {
    const above = [
      ['Budget monitoring (£000)', '', ''],
      ['', '£', "£'000"],
      ['', '', '£'],
    ];
    expect(amountUnit('Budget', above, 1)).toEqual({ scale: 'pounds', reason: 'from row 2, above its header: “£”' });
    expect(amountUnit('Actual', above, 2)).toEqual({ scale: 'pounds', reason: 'from row 3, above its header: “£”' });
    expect(amountUnit('Forecast', [['', "(£'000)"]], 1)).toEqual({
      scale: 'thousands',
      reason: "from row 1, above its header: “(£'000)”",
    });
  });

  it('reads pounds where nothing says a unit, or a title only names a threshold or a list item', () => {
    const pounds = { scale: 'pounds', reason: 'no unit said in the file: read as pounds' };
    expect(amountUnit('Amount', [], 0)).toEqual(pounds);
    expect(amountUnit('Amount', [['Payments over £25,000'], ['Appendix (k)'], ['Orders over £25k']], 0)).toEqual(
      pounds,
    );
  });

  it('shortens a long title it quotes', () => {
    const long = `${'Revenue budget monitoring '.repeat(5)}(£000)`;
    const { reason } = amountUnit('Budget', [[long]], 0);
    expect(reason).toBe(`from row 1, above the header: “${long.slice(0, 80)}…”`);
  });
});

describe('chosenUnits', () => {
  it('keeps only the units the user set, for a saved mapping', () => {
    expect(
      chosenUnits(
        { opening: 'pounds', closing: 'thousands', added: 'thousands' },
        { opening: UNIT_CHOSEN, closing: 'from its header “Closing £000”', added: UNIT_CHOSEN },
      ),
    ).toEqual({ opening: 'pounds', added: 'thousands' });
    expect(chosenUnits({ opening: 'thousands' }, { opening: 'from its header “Opening £000”' })).toBe(null);
  });
});
