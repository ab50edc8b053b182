import { describe, expect, it } from 'vitest';
import { niceTicks, thousandsLabel, thousandsTooltip } from '../../../src/components/chart-axis';

describe("thousandsLabel: £'000 on a chart as the papers print it", () => {
  it.each([
    [0, '0'],
    [-0, '0'],
    [1547, '1,547'],
    [-1547, '(1,547)'],
    [1234567, '1,234,567'],
    [1546.5, '1,547'],
    [-1546.5, '(1,547)'],
    [0.4, '0'],
    [-0.4, '0'],
    [0.30000000000000004, '0'],
  ])('%s -> %s', (value, label) => {
    expect(thousandsLabel(value)).toBe(label);
  });

  it('reads a tooltip value recharts hands over untyped', () => {
    expect(thousandsTooltip(-96)).toBe('(96)');
    expect(thousandsTooltip('2500')).toBe('2,500');
  });
});

describe('round, evenly spaced ticks', () => {
  it.each([
    // The waterfall's axis from 128,000 to 135,000: by 2,000 (7,000 / 6 = 1,167, rounded up to 2,000).
    [128_000, 135_000, [128_000, 130_000, 132_000, 134_000, 136_000]],
    [0, 4_394, [0, 1_000, 2_000, 3_000, 4_000, 5_000]],
    [-2_000, 6_000, [-2_000, 0, 2_000, 4_000, 6_000]],
    [130_200, 133_000, [130_000, 130_500, 131_000, 131_500, 132_000, 132_500, 133_000]],
  ])('%d to %d', (lo, hi, ticks) => {
    const got = niceTicks(lo, hi);
    expect(got).toEqual(ticks);
    const steps = new Set(got.slice(1).map((t, i) => t - got[i]!));
    expect(steps.size).toBe(1);
  });
});
