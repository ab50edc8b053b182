import type { CapitalFinancing, FinancingBySource, FinancingLine } from '../../domain/capital/capital-financing';
import { CastingNotes } from '../../components/casting-notes';
import { CheckedAmount } from '../../components/checked-amount';
import { DataTable } from '../../components/data-table';
import { Thousands } from '../../components/money-cell';
import { rowAnchorId } from '../../components/row-links';

type Row =
  | { kind: 'line'; line: FinancingLine }
  | { kind: 'source'; source: FinancingBySource }
  | { kind: 'total'; line: FinancingLine };
type Amounts = Pick<
  FinancingLine,
  'bfwd' | 'original' | 'amendments' | 'revised' | 'totalSpend' | 'applied' | 'transfer'
>;

const COLUMNS: readonly { column: keyof Amounts; header: string }[] = [
  { column: 'bfwd', header: 'B/Fwd' },
  { column: 'original', header: 'Original programme' },
  { column: 'amendments', header: 'Amendments' },
  { column: 'revised', header: 'Revised budget' },
  { column: 'totalSpend', header: 'Total spend' },
  { column: 'applied', header: 'Applied' },
  { column: 'transfer', header: 'Transfer to Capital Carry Forward Reserve' },
];

const keyOfRow = (r: Row): string => (r.kind === 'source' ? `source-${r.source.source}` : r.line.key);

/**
 * Table 4's capital financing, line by line under its source (grants, reserves, capital receipts, revenue
 * contributions, borrowing), with the sums of each source of more than one line worked out (the paper prints
 * none) and its TOTAL as printed.
 */
export function FinancingTable({
  financing,
  target,
  yearLabel,
}: {
  financing: CapitalFinancing;
  target: string | null;
  /** "2018/19" */
  yearLabel: string;
}) {
  const rows: Row[] = [
    ...financing.bySource.flatMap((s): Row[] => [
      ...s.lines.map((line): Row => ({ kind: 'line', line })),
      ...(s.lines.length > 1 ? [{ kind: 'source' as const, source: s }] : []),
    ]),
    ...financing.unclassified.map((line): Row => ({ kind: 'line', line })),
    ...(financing.total ? [{ kind: 'total' as const, line: financing.total }] : []),
  ];
  const anchor = (r: Row) => (r.kind === 'source' ? undefined : rowAnchorId('t4f', r.line.key));
  const amount = (column: keyof Amounts) => (r: Row) =>
    r.kind === 'source' ? (
      <Thousands value={r.source[column]} />
    ) : (
      <CheckedAmount value={r.line[column]} checks={r.line.checks} column={column} />
    );
  const labelOf = (key: string) => financing.lines.find((l) => l.key === key)?.label ?? key;
  return (
    <DataTable
      caption={`Table 4: capital financing by source, ${yearLabel} (£'000)`}
      columns={[
        {
          key: 'line',
          header: 'Financing',
          cell: (r: Row) => (r.kind === 'source' ? `${r.source.label} total (worked out)` : r.line.label),
        },
        ...COLUMNS.map(({ column, header }) => ({ key: column, header, numeric: true, cell: amount(column) })),
      ]}
      rows={rows}
      rowKey={keyOfRow}
      rowId={anchor}
      groupKey={(r) =>
        r.kind === 'total' ? 'total' : r.kind === 'source' ? r.source.source : (r.line.source ?? 'unclassified')
      }
      groupOf={(r) =>
        r.kind === 'total'
          ? 'All sources'
          : r.kind === 'source'
            ? r.source.label
            : (financing.bySource.find((s) => s.source === r.line.source)?.label ?? 'Source not named')
      }
      rowClass={(r) =>
        [
          r.kind === 'source' ? 'row-subtotal row-worked' : r.kind === 'total' ? 'row-total' : '',
          anchor(r) !== undefined && target === anchor(r) ? 'row-target' : '',
        ]
          .join(' ')
          .trim() || undefined
      }
      footer={
        <CastingNotes
          checks={financing.checks}
          labelOf={labelOf}
          columnLabel={(c) => COLUMNS.find((x) => x.column === c)?.header ?? c}
        />
      }
    />
  );
}
