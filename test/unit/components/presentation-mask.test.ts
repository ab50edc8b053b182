// Presentation mode hides amounts and keeps indices, statuses, years and codes: the rule for one text.
import { describe, expect, it } from 'vitest';
import { MASK, maskText } from '../../../src/components/presentation';

describe('anywhere on a page: a sum of money with a £ sign is hidden', () => {
  it.each([
    [
      'Outturn £1.79m (1.4%) over budget; largest adverse: Constabulary £1.79m.',
      `Outturn ${MASK} (1.4%) over budget; largest adverse: Constabulary ${MASK}.`,
    ],
    ['Floor £145k', `Floor ${MASK}`],
    ['(£1,234.50)', MASK],
    ['-£0.10m', MASK],
    ['between £350k–£500k', `between ${MASK}–${MASK}`],
    ["figures in £'000", "figures in £'000"],
    ['2017/18 provisional outturn, period 12', '2017/18 provisional outturn, period 12'],
    ['379 checks', '379 checks'],
    [
      'TOTAL, outturn: the paper prints 132,811; its lines add to 132,746.',
      `TOTAL, outturn: the paper prints ${MASK}; its lines add to ${MASK}.`,
    ],
    ['OPCC (96) below budget', `OPCC ${MASK} below budget`],
    ['9 datasets (1,091 rows)', `9 datasets (${MASK} rows)`],
  ])('%j -> %j', (text, masked) => {
    expect(maskText(text, false)).toBe(masked);
  });
});

describe('in a figure (a numeric cell, a chart axis): every number that is not an index, a year or a code', () => {
  it.each([
    ['(1,547)', MASK],
    ['126,252', MASK],
    ['-2,194', MASK],
    ['0', MASK],
    ['2.05%', '2.05%'],
    ['1,003 in 2019/20', `${MASK} in 2019/20`],
    ['P12', 'P12'],
    ['C8010', 'C8010'],
    ['n/s', 'n/s'],
    ['-', '-'],
    ["Budget £'000", "Budget £'000"],
    ['Left at 31 March 2020', `Left at ${MASK} March 2020`],
  ])('%j -> %j', (text, masked) => {
    expect(maskText(text, true)).toBe(masked);
  });
});
