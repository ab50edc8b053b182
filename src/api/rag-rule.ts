import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { DEFAULT_RAG_RULE, readRagRule, type RagRule } from '../domain/checks/rag';
import { getSetting, putSetting } from '../storage/datasets';

/*
 * The status (RAG) rule the user has set, kept in this browser with the data. Stored as strings, so the
 * thresholds stay exact decimals. A stored rule that cannot be read (damaged, or one the form would refuse)
 * is not used: the defaults are, and the page says so (useRagRuleProblem), never silently.
 *
 * A board sets its thresholds for a year, so a rule belongs to a financial year: the rule of a year is the one
 * set for it, else the one of the latest earlier year that has one (a rule carries forward until changed),
 * else the rule set before rules had years (the setting 'rag-rule', kept as it was), else the defaults. A rule
 * changed for 2018/19 never re-rates 2017/18.
 */

const SETTING = 'rag-rule';
const BY_YEAR = 'rag-rules-by-year';

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

/** The rule in use for a year, and where it came from: set for that year, carried from an earlier one, or not set. */
export interface YearRagRule extends StoredRagRule {
  /** The year whose rule this is (the year asked for, or an earlier one); null: the browser-wide rule or the defaults. */
  from: number | null;
}

/** The rule for `year` from the stored rules by year and the browser-wide rule (both as stored, unchecked). */
export function ragRuleOfYear(byYear: unknown, browserWide: unknown, year: number | null): YearRagRule {
  const years =
    typeof byYear === 'object' && byYear !== null
      ? Object.keys(byYear)
          .map(Number)
          .filter((y) => Number.isInteger(y) && (year === null || y <= year))
          .sort((a, b) => b - a)
      : [];
  const from = years[0];
  if (from !== undefined) return { ...readStoredRagRule(field(byYear, String(from))), from };
  return { ...readStoredRagRule(browserWide), from: null };
}

const ragRuleQuery = (year: number | null) =>
  queryOptions({
    queryKey: ['settings', SETTING, year],
    queryFn: async (): Promise<YearRagRule> =>
      ragRuleOfYear(await getSetting<unknown>(BY_YEAR), await getSetting<unknown>(SETTING), year),
    staleTime: Infinity,
  });

/** The status rule of the chosen year (null: no year chosen, the browser-wide rule). */
export function useRagRule(year: number | null = null) {
  return useQuery({ ...ragRuleQuery(year), select: (d) => d.rule });
}

/** The rule of the year with where it came from, for the form that changes it. */
export function useYearRagRule(year: number | null) {
  return useQuery(ragRuleQuery(year));
}

/** Why the stored rule is not the one in use, to be said on screen; null when it is. */
export function useRagRuleProblem(year: number | null = null): string | null {
  return useQuery({ ...ragRuleQuery(year), select: (d) => d.problem }).data ?? null;
}

/** Saves the rule for a year (null: the browser-wide rule, for a page with no year). */
export function useSaveRagRule(year: number | null = null) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (rule: RagRule) => {
      if (year === null) await putSetting(SETTING, toStored(rule));
      else {
        const byYear = await getSetting<unknown>(BY_YEAR);
        const kept = typeof byYear === 'object' && byYear !== null ? (byYear as Record<string, StoredRule>) : {};
        await putSetting(BY_YEAR, { ...kept, [String(year)]: toStored(rule) });
      }
      return rule;
    },
    // Every year's rule may change (a later year without its own rule carries this one): read them again.
    onSuccess: () => client.invalidateQueries({ queryKey: ['settings', SETTING] }),
  });
}
