import { formatSignedPercent } from '../core/percent';
import {
  amountCell,
  countCell,
  percentCell,
  statusCell,
  textCell,
  type PackCell,
  type PackPage,
  type PackRow,
  type PackStatus,
  type PackTable,
} from './board-pack';
import type { CheckResult, CheckStatus } from '../checks/casting';
import type { Money } from '../core/money';
import { countStatuses, type Reconciliation } from '../checks/reconciliation';
import { TIE_OUT_GROUPS, type TieOutGroup, type TieOutResult } from '../checks/tie-outs';

/*
 * The pack's reconciliation pages: how many checks each table and each group of tie-outs passes, as
 * counts with a status in words; then every check that fails, with both figures and the difference.
 * A failure is red, a rounding difference amber, a pass green, a check that cannot be made neutral.
 */

/**
 * How many printed lines of the failures table one page holds whole under its heading, caption and footnote (no
 * table is cut across pages). A failure takes one line, or more where its check or rule is longer than its column
 * holds on one line (at 8.5pt, about CHECK_CHARS and RULE_CHARS): measured on the printed 2017/18 pack, where the
 * paper's 22 failures (some wrapping to a second line) fill about two thirds of a page.
 */
const FAILURE_LINES_PER_PAGE = 34;
const CHECK_CHARS = 84;
const RULE_CHARS = 60;

/** The printed lines a failure takes: its longer wrapped cell. */
const linesOf = (f: { label: string; rule: string }): number =>
  Math.max(Math.ceil(f.label.length / CHECK_CHARS), Math.ceil(f.rule.length / RULE_CHARS), 1);

/**
 * The failures shared into pages: all on one page when they fit (a short list is never split, leaving two pages
 * half empty), else as few pages as hold them, each filled to about the same number of lines.
 */
export function failurePages<T extends { label: string; rule: string }>(failures: readonly T[]): T[][] {
  if (failures.length === 0) return [];
  const total = failures.reduce((n, f) => n + linesOf(f), 0);
  const parts = Math.ceil(total / FAILURE_LINES_PER_PAGE);
  const target = total / parts;
  const pages: T[][] = [[]];
  let used = 0;
  for (const f of failures) {
    const lines = linesOf(f);
    const page = pages[pages.length - 1]!;
    const full = used + lines > FAILURE_LINES_PER_PAGE || (used >= target && pages.length < parts);
    if (page.length > 0 && full) {
      pages.push([f]);
      used = lines;
    } else {
      page.push(f);
      used += lines;
    }
  }
  return pages;
}

const LEVEL = { fail: 'red', rounding: 'amber', pass: 'green', incomplete: 'neutral' } as const;

const CHECK_STATUS: Readonly<Record<CheckStatus, PackStatus>> = {
  pass: { icon: '✓', text: 'Casts', level: LEVEL.pass },
  rounding: { icon: '≈', text: 'Rounding difference', level: LEVEL.rounding },
  fail: { icon: '✗', text: 'Does not cast', level: LEVEL.fail },
  incomplete: { icon: '?', text: 'Cannot check', level: LEVEL.incomplete },
};

const TIE_OUT_STATUS: Readonly<Record<CheckStatus, PackStatus>> = {
  ...CHECK_STATUS,
  pass: { icon: '✓', text: 'Ties out', level: LEVEL.pass },
  fail: { icon: '✗', text: 'Does not tie out', level: LEVEL.fail },
};

/** The status of a group of checks: the worst of them, with how many. */
function groupStatus(counts: Record<CheckStatus, number>, failWords: readonly [string, string]): PackStatus {
  if (counts.fail > 0)
    return { icon: '✗', text: `${counts.fail} ${failWords[counts.fail === 1 ? 0 : 1]}`, level: 'red' };
  if (counts.rounding > 0)
    return {
      icon: '≈',
      text: `${counts.rounding} rounding ${counts.rounding === 1 ? 'difference' : 'differences'}`,
      level: 'amber',
    };
  if (counts.pass > 0) return { icon: '✓', text: 'All that can be checked pass', level: 'green' };
  return { icon: '?', text: 'Nothing could be checked', level: 'neutral' };
}

const CAST_WORDS = ['does not cast', 'do not cast'] as const;
const TIE_WORDS = ['does not tie out', 'do not tie out'] as const;

const COUNT_COLUMNS = [
  { key: 'checks', header: 'Checks', kind: 'count' as const },
  { key: 'pass', header: '✓ Pass', kind: 'count' as const },
  { key: 'rounding', header: '≈ Rounding', kind: 'count' as const },
  { key: 'fail', header: '✗ Fail', kind: 'count' as const },
  { key: 'incomplete', header: '? Cannot check', kind: 'count' as const },
];

function countRow(
  key: string,
  label: string,
  statuses: readonly { status: CheckStatus }[],
  failWords: readonly [string, string],
  rowType: PackRow['rowType'] = 'item',
): PackRow {
  const c = countStatuses(statuses);
  return {
    key,
    label,
    rowType,
    cells: {
      name: textCell(label),
      checks: countCell(statuses.length),
      pass: countCell(c.pass),
      rounding: countCell(c.rounding),
      fail: countCell(c.fail),
      incomplete: countCell(c.incomplete),
      status: statusCell(groupStatus(c, failWords)),
    },
  };
}

const shortName = (title: string): string => title.split(':')[0]!.trim();
const columnName = (column: string): string => column.replace(/\s*\(£'000\)/, '').replace(/\s*\[[^\]]*\]/, '');

function figureCell(value: Money | null, unit: 'amount' | 'percent'): PackCell {
  if (unit === 'amount') return amountCell(value);
  return percentCell(value, value === null ? 'n/s' : formatSignedPercent(value, 2));
}

interface Failure {
  key: string;
  label: string;
  rule: string;
  status: PackStatus;
  unit: 'amount' | 'percent';
  printed: Money | null;
  computed: Money | null;
  difference: Money | null;
}

export function reconciliationPages(reconciliation: Reconciliation): PackPage[] {
  const { tables, tieOuts } = reconciliation;
  const inTables = tables.flatMap((t) => t.checks);
  const all = [...inTables, ...tieOuts];
  const total = countStatuses(all);

  const byTable: PackTable = {
    id: 'reconciliation-tables',
    caption: 'Within each table: totals and column formulas',
    columns: [
      { key: 'name', header: 'Table', kind: 'text' },
      ...COUNT_COLUMNS,
      { key: 'status', header: 'Status', kind: 'status' },
    ],
    rows: [
      ...tables.map((t) => countRow(t.spec.id, t.spec.title, t.checks, CAST_WORDS)),
      countRow('all-tables', 'All tables', inTables, CAST_WORDS, 'total'),
    ],
    rounding: 'none',
    footnotes: [],
  };
  const groups = Object.keys(TIE_OUT_GROUPS) as TieOutGroup[];
  const byGroup: PackTable = {
    id: 'reconciliation-tie-outs',
    caption: 'Between the tables: tie-outs',
    columns: [
      { key: 'name', header: 'Tie-outs', kind: 'text' },
      ...COUNT_COLUMNS,
      { key: 'status', header: 'Status', kind: 'status' },
    ],
    rows: [
      ...groups
        .filter((g) => tieOuts.some((t) => t.group === g))
        .map((g) =>
          countRow(
            g,
            TIE_OUT_GROUPS[g].title,
            tieOuts.filter((t) => t.group === g),
            TIE_WORDS,
          ),
        ),
      countRow('all-tie-outs', 'All tie-outs', tieOuts, TIE_WORDS, 'total'),
    ],
    rounding: 'none',
    footnotes: [
      'A rounding difference is within half a printed unit (£500) per figure: the paper was printed in £\u2019000. A check that needs a figure the source does not show cannot be made, and is never read as nil.',
    ],
  };

  const labelIn = (t: (typeof tables)[number], key: string) => t.rows.find((r) => r.key === key)?.label ?? key;
  const failures: Failure[] = [
    ...tables.flatMap((t) =>
      t.checks
        .filter((c: CheckResult) => c.status === 'fail')
        .map((c): Failure => ({
          key: c.id,
          label: `${shortName(t.spec.title)} · ${labelIn(t, c.row)} · ${columnName(c.column)}`,
          rule: c.kind === 'total' ? 'Rows above add to it' : c.description,
          status: CHECK_STATUS.fail,
          unit: c.kind === 'percentage' ? 'percent' : 'amount',
          printed: c.printed,
          computed: c.computed,
          difference: c.difference,
        })),
    ),
    ...tieOuts
      .filter((t: TieOutResult) => t.status === 'fail')
      .map((t): Failure => ({
        key: t.id,
        label: t.description,
        rule: TIE_OUT_GROUPS[t.group].title,
        status: TIE_OUT_STATUS.fail,
        unit: t.unit,
        printed: t.printed,
        computed: t.computed,
        difference: t.difference,
      })),
  ];
  const failureTable = (part: readonly Failure[], index: number, parts: number): PackTable => ({
    id: `reconciliation-failures-${index + 1}`,
    caption: `Checks that fail${parts > 1 ? ` (${index + 1} of ${parts})` : ''}: the figure, what it is checked against, and the difference (£'000 or %)`,
    columns: [
      { key: 'check', header: 'Check', kind: 'text' },
      { key: 'rule', header: 'Rule', kind: 'text' },
      { key: 'status', header: 'Status', kind: 'status' },
      { key: 'printed', header: 'Figure', kind: 'amount' },
      { key: 'computed', header: 'Against', kind: 'amount' },
      { key: 'difference', header: 'Difference', kind: 'amount' },
    ],
    rows: part.map((f) => ({
      key: f.key,
      label: f.label,
      rowType: 'item',
      cells: {
        check: textCell(f.label),
        rule: textCell(f.rule),
        status: statusCell(f.status),
        printed: figureCell(f.printed, f.unit),
        computed: figureCell(f.computed, f.unit),
        difference: figureCell(f.difference, f.unit),
      },
    })),
    rounding: 'none',
    footnotes:
      index === parts - 1
        ? [
            "Figures as printed in the paper (whole £'000); percentages to two decimals. Every check, with links to its rows, is on the app's Reconciliation page.",
          ]
        : [],
  });
  const shared = failurePages(failures);
  const pages: PackPage[] = shared.map((part, i) => ({
    id: `reconciliation-failures-${i + 1}`,
    section: 'Reconciliation',
    heading: `Checks that fail${shared.length > 1 ? ` (${i + 1} of ${shared.length})` : ''}`,
    blocks: [{ kind: 'table' as const, table: failureTable(part, i, shared.length) }],
  }));
  return [
    {
      id: 'reconciliation',
      section: 'Reconciliation',
      heading: 'Reconciliation: does each table cast, and do the tables agree?',
      blocks: [
        {
          kind: 'figures',
          items: [
            { label: 'Checks made', cell: countCell(all.length) },
            { label: '✓ Pass', cell: countCell(total.pass) },
            { label: '≈ Rounding differences', cell: countCell(total.rounding) },
            { label: '✗ Failures', cell: countCell(total.fail) },
            { label: '? Cannot be made (a figure is not shown)', cell: countCell(total.incomplete) },
          ],
        },
        { kind: 'table', table: byTable },
        { kind: 'table', table: byGroup },
      ],
    },
    ...pages,
  ];
}
