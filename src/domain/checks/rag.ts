import {
  Money,
  formatPounds,
  parseAmount,
  parsePercent,
  roundHalfAwayFromZero,
  type AmountErrorCode,
} from '../core/money';
import type { Issue, Result } from '../core/result';
import type { Variance } from './variance';

/*
 * Red, amber, green for a variance, by a rule the user sets.
 *
 * A variance is flagged only when it is large in BOTH senses: at least a pound floor AND at least a
 * percentage of its budget. Either test alone misleads: £200k is noise on Collaboration's £37.5m (0.5%)
 * yet 5% of a £4m line, and 346% of surplus properties' £39k budget is £135k. A line with no budget has
 * no percentage, so it is judged on the pound floor alone.
 *
 * By default only adverse variances (overspends, income shortfalls) are flagged; a board may also want
 * large underspends flagged (money that could be used elsewhere), which the rule allows.
 */

export type Rag = 'red' | 'amber' | 'green';

export interface RagThreshold {
  /** Pounds, compared with |variance|. */
  pounds: Money;
  /** Percent of budget, compared with |variance %|. */
  percent: Money;
}

export interface RagRule {
  amber: RagThreshold;
  red: RagThreshold;
  /** Flag favourable variances too (large underspends). */
  underspends: boolean;
}

export const DEFAULT_RAG_RULE: RagRule = {
  amber: { pounds: new Money(50_000), percent: new Money(1) },
  red: { pounds: new Money(250_000), percent: new Money(5) },
  underspends: false,
};

function passes(v: Variance, t: RagThreshold): boolean {
  if (v.amount.abs().lessThan(t.pounds)) return false;
  return v.percent === null || v.percent.abs().greaterThanOrEqualTo(t.percent);
}

/** The status of a variance under a rule; null when there is no variance (a figure is missing). */
export function ragOf(v: Variance | null, rule: RagRule): Rag | null {
  if (!v) return null;
  if (v.direction === 'on-budget') return 'green';
  if (v.direction === 'favourable' && !rule.underspends) return 'green';
  if (passes(v, rule.red)) return 'red';
  if (passes(v, rule.amber)) return 'amber';
  return 'green';
}

const pct = (p: Money): string => `${roundHalfAwayFromZero(p, 2).toString()}%`;

/** The rule in words, as it is stated on screen. */
export function describeRagRule(rule: RagRule): string {
  const which = rule.underspends
    ? 'A variance (over or under budget)'
    : 'An adverse variance (overspend or income shortfall)';
  return (
    `${which} is red when it is at least ${formatPounds(rule.red.pounds, { decimals: 0 })} and at least ${pct(rule.red.percent)} of budget, ` +
    `amber when it is at least ${formatPounds(rule.amber.pounds, { decimals: 0 })} and at least ${pct(rule.amber.percent)}; otherwise green. ` +
    'A line with no budget is judged on the pound figure alone.'
  );
}

export type RagRuleIssueCode = AmountErrorCode | 'not-a-percentage' | 'missing' | 'negative' | 'red-below-amber';

/** What is wrong with one field of a typed rule. */
export interface RagRuleIssue extends Issue<RagRuleIssueCode> {
  readonly field: 'amber.pounds' | 'amber.percent' | 'red.pounds' | 'red.percent';
}

/** What is wrong with a rule a user typed: negative thresholds, or red below amber. */
function ragRuleProblems(rule: RagRule): RagRuleIssue[] {
  const problems: RagRuleIssue[] = [];
  for (const level of ['amber', 'red'] as const) {
    if (rule[level].pounds.isNegative())
      problems.push({
        field: `${level}.pounds`,
        code: 'negative',
        message: `The ${level} pound floor cannot be negative.`,
      });
    if (rule[level].percent.isNegative())
      problems.push({
        field: `${level}.percent`,
        code: 'negative',
        message: `The ${level} percentage cannot be negative.`,
      });
  }
  if (rule.red.pounds.lessThan(rule.amber.pounds))
    problems.push({
      field: 'red.pounds',
      code: 'red-below-amber',
      message: 'The red pound floor is below the amber one: red would never be reached before amber.',
    });
  if (rule.red.percent.lessThan(rule.amber.percent))
    problems.push({
      field: 'red.percent',
      code: 'red-below-amber',
      message: 'The red percentage is below the amber one.',
    });
  return problems;
}

/** A rule as typed into a form: pounds ("50,000", "£50k" is refused) and percentages ("1", "1%"). */
export interface RagRuleText {
  amberPounds: string;
  amberPercent: string;
  redPounds: string;
  redPercent: string;
  underspends: boolean;
}

export function ragRuleText(rule: RagRule): RagRuleText {
  return {
    amberPounds: rule.amber.pounds.toString(),
    amberPercent: rule.amber.percent.toString(),
    redPounds: rule.red.pounds.toString(),
    redPercent: rule.red.percent.toString(),
    underspends: rule.underspends,
  };
}

/** Reads a typed rule exactly (the money and percentage parsers), or says what is wrong with which field. */
export function readRagRule(text: RagRuleText): Result<RagRule, RagRuleIssue> {
  const problems: RagRuleIssue[] = [];
  const pounds = (field: RagRuleIssue['field'], raw: string): Money => {
    const r = parseAmount(raw);
    if (r.ok && r.value.amount) return r.value.amount;
    if (r.ok) problems.push({ field, code: 'missing', message: 'Give a pound figure (0 for none).' });
    else for (const i of r.issues) problems.push({ field, ...i });
    return new Money(0);
  };
  const percent = (field: RagRuleIssue['field'], raw: string): Money => {
    const r = parsePercent(raw);
    if (r.ok && r.value) return r.value;
    if (r.ok) problems.push({ field, code: 'missing', message: 'Give a percentage (0 for none).' });
    else for (const i of r.issues) problems.push({ field, ...i });
    return new Money(0);
  };
  const rule: RagRule = {
    amber: { pounds: pounds('amber.pounds', text.amberPounds), percent: percent('amber.percent', text.amberPercent) },
    red: { pounds: pounds('red.pounds', text.redPounds), percent: percent('red.percent', text.redPercent) },
    underspends: text.underspends,
  };
  if (problems.length > 0) return { ok: false, issues: problems };
  const more = ragRuleProblems(rule);
  return more.length > 0 ? { ok: false, issues: more } : { ok: true, value: rule };
}
