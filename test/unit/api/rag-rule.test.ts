// Issue 15: a stored status rule that cannot be read is set aside with a reason for the page to show,
// never silently replaced by the defaults; a sound one is read back exactly.
import { describe, expect, it } from 'vitest';
import { readStoredRagRule } from '../../../src/api/rag-rule';
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
