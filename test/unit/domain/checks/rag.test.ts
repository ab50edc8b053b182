// The status rule: red or amber only when a variance passes BOTH the pound floor and the percentage.
import { describe, expect, it } from 'vitest';
import { Money } from '../../../../src/domain/core/money';
import { DEFAULT_RAG_RULE, describeRagRule, ragOf, readRagRule, type RagRule } from '../../../../src/domain/checks/rag';
import { variance, type LineType } from '../../../../src/domain/checks/variance';

const k = (thousands: string) => new Money(thousands).times(1000);
const rag = (budget: string, outturn: string, rule: RagRule = DEFAULT_RAG_RULE, lineType: LineType = 'expenditure') =>
  ragOf(variance(k(budget), k(outturn), lineType), rule);

describe('ragOf with the defaults (amber £50,000 and 1%; red £250,000 and 5%; adverse only)', () => {
  it.each([
    // Organisational Support: +4,394 on 15,984 = 27.5%: past both red tests.
    ['Organisational Support', '15984', '20378', 'red'],
    // Constabulary: +1,788 on 126,252 = 1.42%: past £250k but not 5%; past amber's £50k and 1%.
    ['Constabulary', '126252', '128040', 'amber'],
    // Collaboration: +23 on 37,535: under the £50k floor.
    ['Collaboration', '37535', '37558', 'green'],
    // Supplies and Services: +25 on 302 = 8.3%: past 5%, but £25k is under every floor.
    ['Supplies and Services', '302', '327', 'green'],
    // Costs of surplus properties: +135 on 39 = 346%: past 5% but under £250k; past amber.
    ['Costs of surplus properties', '39', '174', 'amber'],
    // A large favourable variance is not flagged by default: Local Policing (1,547).
    ['Local Policing', '75259', '73712', 'green'],
  ])('%s: %s -> %s is %s', (_label, budget, outturn, expected) => {
    expect(rag(budget, outturn)).toBe(expected);
  });

  it('judges a line with no budget on the pound floor alone: Transfer to Reserves 0 -> 96 is amber', () => {
    expect(rag('0', '96')).toBe('amber');
    expect(rag('0', '300')).toBe('red');
  });

  it('is green on budget, and null where there is no variance', () => {
    expect(rag('100', '100')).toBe('green');
    expect(ragOf(null, DEFAULT_RAG_RULE)).toBeNull();
  });

  it('flags income shortfalls (a credit less negative than budgeted) as adverse', () => {
    // Income budget -1,435, outturn -1,000: 435 less income = +435 (30.3%): red.
    expect(rag('-1435', '-1000', DEFAULT_RAG_RULE, 'income')).toBe('red');
    // Income -2,194 against -1,435: more income, favourable, green.
    expect(rag('-1435', '-2194', DEFAULT_RAG_RULE, 'income')).toBe('green');
  });
});

describe('a rule the user sets', () => {
  it('flags underspends when asked: Local Policing (1,547) on 75,259 is 2.06%: amber, not red', () => {
    expect(rag('75259', '73712', { ...DEFAULT_RAG_RULE, underspends: true })).toBe('amber');
  });

  it('moves a line between statuses as the thresholds move: Constabulary +1,788 (1.42%) is red at 1%', () => {
    const strict = { ...DEFAULT_RAG_RULE, red: { pounds: new Money(1_000_000), percent: new Money(1) } };
    expect(rag('126252', '128040', strict)).toBe('red');
  });

  it('reads a typed rule exactly, and refuses one that cannot be read or where red sits below amber', () => {
    const ok = readRagRule({
      amberPounds: '£75,000',
      amberPercent: '2%',
      redPounds: '300000',
      redPercent: '7.5',
      underspends: true,
    });
    expect(
      ok.ok && [
        ok.value.amber.pounds.toString(),
        ok.value.amber.percent.toString(),
        ok.value.red.pounds.toString(),
        ok.value.red.percent.toString(),
      ],
    ).toEqual(['75000', '2', '300000', '7.5']);
    const bad = readRagRule({
      amberPounds: 'lots',
      amberPercent: '1',
      redPounds: '250000',
      redPercent: '5',
      underspends: false,
    });
    expect(!bad.ok && bad.issues.map((p) => p.field)).toEqual(['amber.pounds']);
    const inverted = readRagRule({
      amberPounds: '300000',
      amberPercent: '1',
      redPounds: '250000',
      redPercent: '5',
      underspends: false,
    });
    expect(!inverted.ok && inverted.issues.map((p) => p.field)).toEqual(['red.pounds']);
  });

  it('states the defaults in words', () => {
    expect(describeRagRule(DEFAULT_RAG_RULE)).toBe(
      'An adverse variance (overspend or income shortfall) is red when it is at least £250,000 and at least 5% of budget, amber when it is at least £50,000 and at least 1%; otherwise green. A line with no budget is judged on the pound figure alone.',
    );
  });
});
