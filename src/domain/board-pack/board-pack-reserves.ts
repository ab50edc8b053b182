import {
  amountCell,
  percentCell,
  roundWithRowTotal,
  roundedCell,
  roundingFootnote,
  statusCell,
  sumExact,
  sumShown,
  textCell,
  thousandsString,
  type PackBlock,
  type PackCell,
  type PackPage,
  type PackRow,
  type PackStatus,
  type PackTable,
} from './board-pack';
import { formatThousands, type Money } from '../core/money';
import { formatPercent } from '../core/percent';
import {
  GENERAL_RESERVE_LINE,
  RESERVE_GROUPS,
  type GeneralReserveShare,
  type ReserveLine,
  type ReservesPosition,
} from '../reserves/reserves-position';
import { summariseReserveBalances, summariseReserveMovements } from '../reserves/reserves-summary';

/*
 * The pack's reserves page: every usable reserve under its group (earmarked, contingency, capital,
 * general), with the balance at the start, what was added, what was used (in brackets, as the paper
 * prints it) and the balance at the end, in £'000 rounded as one two-way table (closing = opening + added
 * + usage) so that it casts; group sums and the total worked out from the reserves shown; the general
 * reserve against the net revenue budget; a chart of the balances and one sentence.
 */

const COLUMNS = ['opening', 'added', 'usage', 'closing', 'net'] as const;
type Column = (typeof COLUMNS)[number];
const WORDS: Readonly<Record<string, string>> = {
  opening: 'opening balance',
  added: 'added',
  used: 'used',
  closing: 'closing balance',
};

const ABOVE_LINE: PackStatus = { icon: '▲', text: 'Above the 5% line: a justification is expected', level: 'amber' };
const WITHIN_LINE: PackStatus = { icon: '✓', text: 'At or below the 5% line', level: 'green' };

export function reservesPages(position: ReservesPosition, share: GeneralReserveShare): PackPage[] {
  const items = RESERVE_GROUPS.flatMap((g) => position.reserves.filter((r) => r.group === g.id)).concat(
    position.reserves.filter((r) => r.group === null),
  );
  const rounded = roundWithRowTotal(
    items.map((r) => ({ opening: r.opening, added: r.added, usage: r.usage })),
    ['opening', 'added', 'usage'],
    'closing',
  );
  type Figures = { exact: Record<Column, Money | null>; shown: Record<Column, Money | null> };
  const net = (added: Money | null, usage: Money | null) =>
    added === null || usage === null ? null : added.plus(usage);
  const figures = new Map<ReserveLine, Figures>(
    items.map((r, i) => {
      const s = rounded.shown[i]!;
      const closing =
        r.opening !== null && r.added !== null && r.usage !== null ? r.opening.plus(r.added).plus(r.usage) : null;
      return [
        r,
        {
          exact: { opening: r.opening, added: r.added, usage: r.usage, closing, net: net(r.added, r.usage) },
          shown: {
            opening: s.opening ?? null,
            added: s.added ?? null,
            usage: s.usage ?? null,
            closing: s.closing ?? null,
            net: net(s.added ?? null, s.usage ?? null),
          },
        },
      ];
    }),
  );
  const sumOf = (of: readonly ReserveLine[]): Figures => {
    const f = of.map((r) => figures.get(r)!);
    const exact = {} as Record<Column, Money | null>;
    const shown = {} as Record<Column, Money | null>;
    for (const c of COLUMNS) {
      exact[c] = sumExact(f.map((x) => x.exact[c]));
      shown[c] = sumShown(f.map((x) => x.shown[c]));
    }
    return { exact, shown };
  };
  const row = (key: string, label: string, rowType: PackRow['rowType'], group: string, f: Figures): PackRow => ({
    key,
    label,
    rowType,
    group,
    cells: Object.fromEntries<PackCell>([
      ['reserve', textCell(label)],
      ...COLUMNS.map((c): [string, PackCell] => [c, roundedCell(f.exact[c], f.shown[c])]),
    ]),
  });
  const rows: PackRow[] = [];
  for (const g of RESERVE_GROUPS) {
    const of = items.filter((r) => r.group === g.id);
    if (of.length === 0) continue;
    for (const r of of) rows.push(row(r.key, r.name.replace(/\s*\(\*\)$/, ''), 'item', g.label, figures.get(r)!));
    if (of.length > 1) rows.push(row(`group-${g.id}`, `${g.label}: together`, 'subtotal', g.label, sumOf(of)));
  }
  const ungrouped = items.filter((r) => r.group === null);
  for (const r of ungrouped) rows.push(row(r.key, r.name, 'item', 'Group not named', figures.get(r)!));
  const all = sumOf(items);
  rows.push(row('total-usable', 'Total usable reserves', 'total', '', all));

  const table: PackTable = {
    id: 'reserves-position',
    caption: "Table 5: reserves position (£'000)",
    columns: [
      { key: 'reserve', header: 'Reserve', kind: 'text' },
      { key: 'opening', header: 'Opening balance', kind: 'amount' },
      { key: 'added', header: 'Added', kind: 'amount' },
      { key: 'usage', header: 'Used', kind: 'amount' },
      { key: 'closing', header: 'Closing balance', kind: 'amount' },
      { key: 'net', header: 'Net movement', kind: 'amount' },
    ],
    rows,
    rounding: 'controlled',
    footnotes: [],
  };
  const labelOf = (key: string) => [...position.reserves, ...position.totals].find((l) => l.key === key)?.name ?? key;
  const differing = position.checks.filter((c) => c.status === 'fail' || c.status === 'rounding');
  const paperNotes = differing.map(
    (c) =>
      `${labelOf(c.row)}, ${WORDS[c.column] ?? c.column}: the paper prints ${c.printed === null ? 'n/s' : formatThousands(c.printed, { zero: '0' })}; the figures give ${c.computed === null ? 'n/s' : formatThousands(c.computed, { zero: '0' })}, as shown here.`,
  );
  const earmarkedPrinted = position.totals.find((t) => t.rowType === 'subtotal');
  const footnotes = [
    'Closing balance = opening balance + added + used (used is drawn from the reserve, in brackets). Net movement = added + used.',
    ...(earmarkedPrinted
      ? [
          `The paper's ${earmarkedPrinted.name} adds the earmarked, contingency and capital reserves together; here each group is summed on its own.`,
        ]
      : []),
    ...paperNotes,
    roundingFootnote(table),
  ];

  const workedPosition: ReservesPosition = position.usable
    ? {
        ...position,
        usable: {
          ...position.usable,
          opening: all.exact.opening,
          added: all.exact.added,
          used: all.exact.usage === null ? null : all.exact.usage.negated(),
          closing: all.exact.closing,
        },
      }
    : position;
  const status = share.aboveLine === null ? null : share.aboveLine ? ABOVE_LINE : WITHIN_LINE;
  const figuresBlock: PackBlock = {
    kind: 'figures',
    items: [
      { label: "General reserve at the year end (£'000)", cell: amountCell(share.balance) },
      { label: "Net revenue budget (£'000, Table 1's total as printed)", cell: amountCell(share.netRevenueBudget) },
      {
        label: 'General reserve as a share of the budget',
        cell: percentCell(share.percent, formatPercent(share.percent)),
      },
      {
        label: `Against the ${formatPercent(GENERAL_RESERVE_LINE, 0)} line`,
        cell: status ? statusCell(status) : textCell('cannot be worked out: a figure is missing'),
      },
    ],
  };
  return [
    {
      id: 'reserves',
      section: 'Reserves',
      heading: 'Reserves position',
      blocks: [{ kind: 'table', table: { ...table, footnotes } }, figuresBlock],
    },
    {
      id: 'reserves-balances',
      section: 'Reserves',
      heading: 'Reserves: how each balance moved',
      blocks: [
        { kind: 'text', tone: 'summary', text: summariseReserveMovements(workedPosition) },
        {
          kind: 'chart',
          chart: {
            id: 'reserves-chart',
            kind: 'bars',
            orientation: 'rows',
            title: 'Opening and closing balance of each reserve',
            summary: summariseReserveBalances(workedPosition),
            series: [
              { key: 'opening', name: 'Opening' },
              { key: 'closing', name: 'Closing' },
            ],
            points: items.map((r) => ({
              label: r.name.replace(/\s*\(\*\)$/, ''),
              values: {
                opening: thousandsString(figures.get(r)!.exact.opening),
                closing: thousandsString(figures.get(r)!.exact.closing),
              },
            })),
          },
        },
      ],
    },
  ];
}
