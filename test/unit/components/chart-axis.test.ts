import { describe, expect, it } from 'vitest';
import { thousandsLabel, thousandsTooltip } from '../../../src/components/chart-axis';

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
