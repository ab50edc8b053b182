import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Money } from '../domain/core/money';
import { DEFAULT_RAG_RULE, type RagRule } from '../domain/checks/rag';
import { getSetting, putSetting } from '../storage/datasets';

/*
 * The status (RAG) rule the user has set, kept in this browser with the data. Stored as strings, so the
 * thresholds stay exact decimals; a stored rule that cannot be read falls back to the defaults.
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

function fromStored(s: StoredRule | undefined): RagRule {
  if (!s) return DEFAULT_RAG_RULE;
  try {
    return {
      amber: { pounds: new Money(s.amber.pounds), percent: new Money(s.amber.percent) },
      red: { pounds: new Money(s.red.pounds), percent: new Money(s.red.percent) },
      underspends: Boolean(s.underspends),
    };
  } catch {
    return DEFAULT_RAG_RULE;
  }
}

const ragRuleQuery = queryOptions({
  queryKey: ['settings', SETTING],
  queryFn: async () => fromStored(await getSetting<StoredRule>(SETTING)),
  staleTime: Infinity,
});

export function useRagRule() {
  return useQuery(ragRuleQuery);
}

export function useSaveRagRule() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (rule: RagRule) => {
      await putSetting(SETTING, toStored(rule));
      return rule;
    },
    onSuccess: (rule) => client.setQueryData(ragRuleQuery.queryKey, rule),
  });
}
