// The variance chart's axis and rows: every bar from nil, round evenly spaced ticks with nil among them, and
// the two sides told apart by series. Expected ticks worked by hand from the figures.
import { describe, expect, it } from 'vitest';
import type { PackChart } from '../../../../src/domain/board-pack/board-pack';
import { toPackReferences, toVarianceAxis } from '../../../../src/features/board-pack/to-chart-pack';

const chart = (values: (string | null)[]): PackChart => ({
  id: 'c',
  kind: 'variance',
  orientation: 'rows',
  title: 't',
  summary: 's',
  series: [{ key: 'variance', name: 'Variance' }],
  points: values.map((v, i) => ({ label: `line ${i}`, values: { variance: v } })),
});

describe('toVarianceAxis', () => {
  it('Table 1: 1,788, (96), 94 on an axis of (500) to 2,000 by 500, nil on it', () => {
    const axis = toVarianceAxis(chart(['1788', '-96', '94']));
    expect(axis.ticks).toEqual([-500, 0, 500, 1000, 1500, 2000]);
    expect(axis.domain).toEqual([-500, 2000]);
    expect(axis.points).toEqual([
      { label: 'line 0', over: 1788, under: null },
      { label: 'line 1', over: null, under: -96 },
      { label: 'line 2', over: 94, under: null },
    ]);
  });
  it('the Constabulary summary: (1,547) to 4,394, a span of 5,941 in at most five steps: by 2,000 from (2,000) to 6,000', () => {
    const { ticks } = toVarianceAxis(chart(['-1547', '4394', '23', '-759', '2', '-326']));
    expect(ticks).toEqual([-2000, 0, 2000, 4000, 6000]);
  });
  it('only underspends: the axis ends at nil; a line not shown draws no bar', () => {
    const axis = toVarianceAxis(chart(['-120', null]));
    // 120 / 5 = 24: a step of 50.
    expect(axis.ticks).toEqual([-150, -100, -50, 0]);
    expect(axis.domain[1]).toBe(0);
    expect(axis.points[1]).toEqual({ label: 'line 1', over: null, under: null });
  });
});

describe('toPackReferences', () => {
  it('puts the higher reference (the £145k floor) above its level and nil below, whatever the order given', () => {
    const refs = toPackReferences({
      ...chart([]),
      kind: 'lines',
      references: [
        { label: 'Zero', value: '0' },
        { label: 'Floor £145k', value: '145' },
      ],
    });
    expect(refs).toEqual([
      { label: 'Floor £145k', y: 145, side: 'above' },
      { label: 'Zero', y: 0, side: 'below' },
    ]);
  });
});
