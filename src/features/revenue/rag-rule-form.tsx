import { useId, useState } from 'react';
import { useSaveRagRule, useYearRagRule } from '../../api/rag-rule';
import { yearLabel } from '../../api/year-choice';
import {
  DEFAULT_RAG_RULE,
  describeRagRule,
  ragRuleText,
  readRagRule,
  type RagRule,
  type RagRuleIssue,
  type RagRuleText,
} from '../../domain/checks/rag';

/**
 * The status rule, stated in words where the statuses are shown, and a form to change it. A variance is
 * red or amber only when it passes both the pound floor and the percentage; the defaults are stated.
 */
export function RagRuleForm({ rule, year }: { rule: RagRule; year: number }) {
  const save = useSaveRagRule(year);
  const from = useYearRagRule(year).data?.from ?? null;
  const [text, setText] = useState<RagRuleText>(() => ragRuleText(rule));
  const [problems, setProblems] = useState<readonly RagRuleIssue[]>([]);
  const id = useId();
  const field = (key: keyof Omit<RagRuleText, 'underspends'>, label: string, problemKey: RagRuleIssue['field']) => {
    const problem = problems.find((p) => p.field === problemKey);
    return (
      <span className="field">
        <label>
          {label}
          <input
            type="text"
            inputMode="decimal"
            value={text[key]}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? `${id}-${problemKey}` : undefined}
            onChange={(e) => setText({ ...text, [key]: e.target.value })}
          />
        </label>
        {problem && (
          <span id={`${id}-${problemKey}`} className="error">
            {problem.message}
          </span>
        )}
      </span>
    );
  };
  const apply = (next: RagRuleText) => {
    const read = readRagRule(next);
    if (!read.ok) {
      setProblems(read.issues);
      return;
    }
    setProblems([]);
    save.mutate(read.value);
  };
  return (
    <div className="rag-rule">
      <p id={`${id}-rule`}>
        <strong>Status rule for {yearLabel(year)}.</strong> {describeRagRule(rule)}{' '}
        {from === null
          ? 'No rule has been set for a year yet: a rule changed here applies from this year on.'
          : from === year
            ? `Set for ${yearLabel(year)}; later years without a rule of their own use it.`
            : `Carried from ${yearLabel(from)}; a rule changed here applies from ${yearLabel(year)} on, and ${yearLabel(from)} keeps its own.`}
      </p>
      <details>
        <summary>Change the status rule for {yearLabel(year)}</summary>
        <form
          aria-label="Status rule"
          onSubmit={(e) => {
            e.preventDefault();
            apply(text);
          }}
        >
          <p className="hint">
            Defaults: amber at £50,000 and 1% of budget, red at £250,000 and 5%, adverse variances only. Both the pound
            floor and the percentage must be passed.
          </p>
          <fieldset>
            <legend>Amber</legend>
            {field('amberPounds', 'Pound floor (£)', 'amber.pounds')}
            {field('amberPercent', 'Percentage of budget (%)', 'amber.percent')}
          </fieldset>
          <fieldset>
            <legend>Red</legend>
            {field('redPounds', 'Pound floor (£)', 'red.pounds')}
            {field('redPercent', 'Percentage of budget (%)', 'red.percent')}
          </fieldset>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={text.underspends}
              onChange={(e) => setText({ ...text, underspends: e.target.checked })}
            />{' '}
            Flag large underspends too
          </label>
          {problems.length > 0 && (
            <p role="alert" className="error">
              The rule was not changed: {problems.map((p) => p.message).join(' ')}
            </p>
          )}
          <div className="actions">
            <button type="submit" className="primary">
              Apply the rule
            </button>
            <button
              type="button"
              onClick={() => {
                const defaults = ragRuleText(DEFAULT_RAG_RULE);
                setText(defaults);
                apply(defaults);
              }}
            >
              Restore the defaults
            </button>
          </div>
        </form>
      </details>
    </div>
  );
}
