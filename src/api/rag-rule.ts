import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { DEFAULT_RAG_RULE, readRagRule, type RagRule } from '../domain/checks/rag';
import { getSetting, putSetting } from '../storage/datasets';

/*
 * The status (RAG) rule the user has set, kept in this browser with the data. Stored as strings, so the
 * thresholds stay exact decimals. A stored rule that cannot be read (damaged, or one the form would refuse)
 * is not used: the defaults are, and the page says so (useRagRuleProblem), never silently.
 */

const SETTING = 'rag-rule';

// A type, not an interface: it is JSON (a setting's value), which an interface cannot promise.
type StoredRule = {
  amber: { pounds: string; percent: string };
  red: { pounds: string; percent: string };
  underspends: boolean;
};

const toStored = (r: RagRule): StoredRule => ({
  amber: { pounds: r.amber.pounds.toString(), percent: r.amber.percent.toString() },
  red: { pounds: r.red.pounds.toString(), percent: r.red.percent.toString() },
  underspends: r.underspends,
});

/** A field of a value read from storage, whatever the value turned out to be. */
function field(o: unknown, key: string): unknown {
  return typeof o === 'object' && o !== null && key in o ? (o as Record<string, unknown>)[key] : undefined;
}

/** The rule in use, and why the stored one was set aside (null when it was read, or none was stored). */
export interface StoredRagRule {
  rule: RagRule;
  problem: string | null;
}

/** A stored rule read back as the form reads a typed one: every field exact and the rule sound, or the defaults and why. */
export function readStoredRagRule(s: unknown): StoredRagRule {
  if (s === undefined) return { rule: DEFAULT_RAG_RULE, problem: null };
  const text = (v: unknown): string => (typeof v === 'string' ? v : '');
  const underspends = field(s, 'underspends');
  const read =
    typeof underspends === 'boolean'
      ? readRagRule({
          amberPounds: text(field(field(s, 'amber'), 'pounds')),
          amberPercent: text(field(field(s, 'amber'), 'percent')),
          redPounds: text(field(field(s, 'red'), 'pounds')),
          redPercent: text(field(field(s, 'red'), 'percent')),
          underspends,
        })
      : null;
  if (read?.ok) return { rule: read.value, problem: null };
  const why = read ? read.issues.map((i) => `${i.field}: ${i.message}`).join(' ') : 'it is not a rule.';
  return {
    rule: DEFAULT_RAG_RULE,
    problem: `The status rule saved in this browser could not be read (${why.replace(/\.$/, '')}), so the default rule is used. Set the rule again to replace it.`,
  };
}

const ragRuleQuery = queryOptions({
  queryKey: ['settings', SETTING],
  queryFn: async (): Promise<StoredRagRule> => readStoredRagRule(await getSetting<unknown>(SETTING)),
  staleTime: Infinity,
});

export function useRagRule() {
  return useQuery({ ...ragRuleQuery, select: (d) => d.rule });
}

/** Why the stored rule is not the one in use, to be said on screen; null when it is. */
export function useRagRuleProblem(): string | null {
  return useQuery({ ...ragRuleQuery, select: (d) => d.problem }).data ?? null;
}

export function useSaveRagRule() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (rule: RagRule) => {
      await putSetting(SETTING, toStored(rule));
      return rule;
    },
    onSuccess: (rule) => client.setQueryData(ragRuleQuery.queryKey, { rule, problem: null }),
  });
}
