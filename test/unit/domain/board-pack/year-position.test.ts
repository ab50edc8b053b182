// The year's position, said once: what Table 1's lines add to, and where the printed total differs, by how
// much and why. Figures are the 19 July 2018 paper's Table 1 (£'000), worked by hand.
import { describe, expect, it } from 'vitest';
import { Money } from '../../../../src/domain/core/money';
import { positionFromOutturn } from '../../../../src/domain/board-pack/year-position';
import { buildOutturnTable, type OutturnInputRow } from '../../../../src/domain/revenue/outturn-table';

const k = (n: number | null) => (n === null ? null : new Money(n).times(1000));
const line = (
  key: string,
  label: string,
  rowType: OutturnInputRow['rowType'],
  budget: number,
  outturn: number,
  printedVariance: number,
): OutturnInputRow => ({
  key,
  label,
  rowType,
  budget: k(budget),
  outturn: k(outturn),
  printedVariance: k(printedVariance),
  printedPercent: null,
});

const TABLE_1 = buildOutturnTable('t1', 'Table 1', [
  line('constabulary', 'Constabulary', 'item', 126_252, 128_040, 1_788),
  line('opcc', 'OPCC', 'item', 1_194, 1_098, -96),
  line('grants', 'Grants, Capital Financing and costs of surplus properties', 'item', 3_514, 3_608, -94),
  line('total', 'TOTAL', 'total', 130_959, 132_811, 1_852),
]);

describe('the year’s position from Table 1', () => {
  const p = positionFromOutturn(TABLE_1, '2017/18', 'The paper’s Table 1')!;

  it('is what the lines add to: 132,746 − 130,960 = 1,786 over (1.36%), never the printed 1,852', () => {
    expect(p.variance.toString()).toBe('1786000');
    expect(p.sentence).toBe('2017/18 outturn: £1.79m (1.4%) over a budget of £130.96m.');
  });

  it('says by how much the printed total differs (1,852 − 1,786 = 66) and why (outturn 65 above, budget 1 below)', () => {
    expect(p.printedNote).toBe(
      'The paper’s Table 1 prints a total variance of £1.852m, £66k more than the £1.786m its lines add to: ' +
        "its printed total outturn of £132.811m is £65k above the lines' £132.746m and its printed total budget " +
        "of £130.959m is £1k below the lines' £130.960m. The figure above is the sum of the lines.",
    );
  });

  it('says nothing more when the printed total agrees with its lines', () => {
    const casting = buildOutturnTable('t', 'T', [
      line('a', 'A', 'item', 100, 110, 10),
      line('b', 'B', 'item', 50, 40, -10),
      line('total', 'TOTAL', 'total', 150, 150, 0),
    ]);
    const q = positionFromOutturn(casting, '2018/19', 'T')!;
    expect(q.sentence).toBe('2018/19 outturn: on its budget of £0.15m.');
    expect(q.printedNote).toBeNull();
  });

  it('brackets a figure in the note only when it is negative, never as an aside', () => {
    // Lines: 1,900 - 2,000 = (100); printed total 2,000 against 1,880, variance (120): (20)k less than the lines.
    const under = buildOutturnTable('t', 'T', [
      line('a', 'A', 'item', 2_000, 1_900, -100),
      line('total', 'TOTAL', 'total', 2_000, 1_880, -120),
    ]);
    expect(positionFromOutturn(under, '2018/19', 'T')!.printedNote).toBe(
      'T prints a total variance of (£0.120m), £20k less than the (£0.100m) its lines add to: its printed total ' +
        "outturn of £1.880m is £20k below the lines' £1.900m. The figure above is the sum of the lines.",
    );
  });

  it('says an underspend as under budget, without a minus sign', () => {
    const under = buildOutturnTable('t', 'T', [line('a', 'A', 'item', 2_000, 1_900, -100)]);
    // 100 / 2,000 = 5.0%.
    expect(positionFromOutturn(under, '2018/19', 'T')!.sentence).toBe(
      '2018/19 outturn: £0.10m (5.0%) under a budget of £2.00m.',
    );
  });
});
