import type { CheckResult } from '../domain/checks/casting';
import { formatThousands } from '../domain/core/money';
import { formatSignedPercent } from '../domain/core/percent';

/*
 * A check said in words a finance officer reads: rows by their printed labels and columns by their headings,
 * never by the keys the checker uses inside ("total-constabulary-budget", "variance"), and negatives in
 * brackets, percentages too ("(0.08)%").
 */

/** A figure of a check: £'000 with brackets, or a percentage with brackets; "not printed" when missing. */
export function checkFigure(check: CheckResult, value: CheckResult['printed']): string {
  if (value === null) return 'n/s';
  return check.kind === 'percentage' ? formatSignedPercent(value, 2) : formatThousands(value, { zero: '0' });
}

const COLUMN_WORDS: Readonly<Record<string, string>> = {
  budget: 'budget',
  outturn: 'outturn',
  variance: 'variance',
  percent: 'variance %',
};

/** A column's words: the known keys of the outturn tables, or the heading itself. */
const columnWords = (column: string): string => COLUMN_WORDS[column] ?? column;

/** What the check asks, with the row's label for a total ("the lines above add to TOTAL OPCC"). */
function ruleWords(check: CheckResult, labelOf: (rowKey: string) => string): string {
  if (check.kind === 'total') return `the lines above add to ${labelOf(check.row)}`;
  const d = check.description;
  return d.charAt(0).toLowerCase() + d.slice(1);
}

/** "Income’s", "Reserves’". */
const possessive = (label: string): string => (/s$/i.test(label) ? `${label}’` : `${label}’s`);

/**
 * Why a check cannot be made, in words: "Total Expenditure's variance is not printed"; "Reserves' budget is
 * nil, so no percentage follows from the figures". The checker names a missing figure "row-key / column".
 */
export function missingWords(
  check: CheckResult,
  labelOf: (rowKey: string) => string,
  columnLabel: (column: string) => string = columnWords,
): string {
  const notPrinted: string[] = [];
  const other: string[] = [];
  for (const entry of check.missing) {
    const at = entry.indexOf(' / ');
    if (at < 0) {
      other.push(entry);
      continue;
    }
    const row = entry.slice(0, at);
    const rest = entry.slice(at + 3);
    const tail = /^(.*?)( is nil.*)$/.exec(rest);
    if (tail) other.push(`${possessive(labelOf(row))} ${columnLabel(tail[1]!)}${tail[2]!}`);
    else notPrinted.push(`${possessive(labelOf(row))} ${columnLabel(rest)}`);
  }
  const parts = [...other];
  if (notPrinted.length > 0)
    parts.push(`${notPrinted.join(', ')} ${notPrinted.length === 1 ? 'is' : 'are'} not printed`);
  return parts.join('; ');
}

/** One check in a sentence: what it asks, and the two figures and their difference, or why it cannot be made. */
export function checkSentence(
  check: CheckResult,
  labelOf: (rowKey: string) => string,
  columnLabel: (column: string) => string = columnWords,
): string {
  const head = `${labelOf(check.row)}, ${columnLabel(check.column)}: ${ruleWords(check, labelOf)}`;
  if (check.status === 'incomplete') return `${head}; cannot be checked: ${missingWords(check, labelOf, columnLabel)}.`;
  return `${head}: printed ${checkFigure(check, check.printed)}, its terms give ${checkFigure(check, check.computed)} (difference ${checkFigure(check, check.difference)}).`;
}
