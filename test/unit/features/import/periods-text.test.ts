// How the Import page says a ledger's periods and a dataset's place: runs of periods, the role as a noun.
import { describe, expect, it } from 'vitest';
import { periodsText, roleNoun, slotText } from '../../../../src/features/import/periods-text';

describe('periodsText', () => {
  it.each([
    [[], ''],
    [[6], 'P6'],
    [[1, 2, 3, 4, 5, 6], 'P1–P6'],
    [[3, 1, 2, 5], 'P1–P3, P5'],
    [[1, 1, 2], 'P1–P2'],
    [[1, 3, 5, 12, 13, 14], 'P1, P3, P5, P12–P14'],
  ])('%j -> %s', (periods, text) => expect(periodsText(periods)).toBe(text));
});

describe('roleNoun and slotText', () => {
  it.each([
    ['a reserves position', 'reserves position'],
    ['a monthly monitoring return (by cost centre, with a period)', 'monthly monitoring return'],
    ['an outturn summary (budget and outturn by area)', 'outturn summary'],
    ['capital financing', 'capital financing'],
  ])('%s -> %s', (label, noun) => expect(roleNoun(label)).toBe(noun));

  it('names the year, and the month as its period and calendar month', () => {
    expect(slotText(2018, null)).toBe('2018/19');
    expect(slotText(2018, 6)).toBe('2018/19 P6 (September 2018)');
    expect(slotText(2018, 12)).toBe('2018/19 P12 (March 2019)');
  });
});
