// Issue 15: a stored status rule that cannot be read is set aside with a reason for the page to show,
// never silently replaced by the defaults; a sound one is read back exactly.
import { describe, expect, it } from 'vitest';
import { ragRuleOfYear, readStoredRagRule } from '../../../src/api/rag-rule';
import { DEFAULT_RAG_RULE } from '../../../src/domain/checks/rag';

const sound = {
  amber: { pounds: '100000', percent: '2' },
  red: { pounds: '250000', percent: '5' },
  underspends: true,
};

describe('readStoredRagRule', () => {
  it('nothing stored: the defaults, and nothing to say', () => {
    expect(readStoredRagRule(undefined)).toEqual({ rule: DEFAULT_RAG_RULE, problem: null });
  });

  it('a sound rule is read back exactly', () => {
    const { rule, problem } = readStoredRagRule(sound);
    expect(problem).toBeNull();
    expect([rule.amber.pounds, rule.amber.percent, rule.red.pounds, rule.red.percent].map(String)).toEqual([
      '100000',
      '2',
      '250000',
      '5',
    ]);
    expect(rule.underspends).toBe(true);
  });

  it.each([
    ['not an object', 'rag', /it is not a rule/],
    ['null', null, /it is not a rule/],
    ['no underspends flag', { amber: sound.amber, red: sound.red }, /it is not a rule/],
    ['an amount that is not a number', { ...sound, amber: { pounds: 'lots', percent: '2' } }, /amber\.pounds: /],
    ['a field missing', { ...sound, red: { pounds: '250000' } }, /red\.percent: /],
    [
      'red below amber',
      { ...sound, red: { pounds: '1000', percent: '5' } },
      /red\.pounds: The red pound floor is below/,
    ],
  ])('%s: the defaults, and the reason to show', (_, stored, why) => {
    const { rule, problem } = readStoredRagRule(stored);
    expect(rule).toBe(DEFAULT_RAG_RULE);
    expect(problem).toMatch(/^The status rule saved in this browser could not be read \(/);
    expect(problem).toMatch(why);
    expect(problem).toMatch(/so the default rule is used\. Set the rule again to replace it\.$/);
  });
});

describe('ragRuleOfYear: a rule belongs to a year and carries forward until changed (issue 14)', () => {
  const strict = { ...sound, amber: { pounds: '10000', percent: '0.5' } };
  const byYear = { '2018': sound, '2020': strict };
  const amberPounds = (y: number | null, wide?: unknown) => String(ragRuleOfYear(byYear, wide, y).rule.amber.pounds);

  it('the rule set for the year itself', () => {
    expect(amberPounds(2018)).toBe('100000');
    expect(ragRuleOfYear(byYear, undefined, 2018).from).toBe(2018);
  });

  it("a later year without its own rule uses the latest earlier year's, and says which", () => {
    expect(amberPounds(2019)).toBe('100000');
    expect(ragRuleOfYear(byYear, undefined, 2019).from).toBe(2018);
    expect(amberPounds(2023)).toBe('10000');
  });

  it('a rule set for 2020/21 never re-rates an earlier year', () => {
    expect(amberPounds(2019)).toBe('100000');
    // 2017/18 comes before any year's rule: the browser-wide rule (set before rules had years), else the defaults.
    expect(ragRuleOfYear(byYear, undefined, 2017)).toEqual({ rule: DEFAULT_RAG_RULE, problem: null, from: null });
    expect(amberPounds(2017, strict)).toBe('10000');
  });

  it("a damaged year's rule is set aside with its reason, not replaced silently", () => {
    const r = ragRuleOfYear({ '2018': { amber: 'x' } }, undefined, 2018);
    expect(r.rule).toBe(DEFAULT_RAG_RULE);
    expect(r.problem).toMatch(/could not be read/);
  });
});
