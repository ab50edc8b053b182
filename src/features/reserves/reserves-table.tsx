import {
  RESERVE_GROUPS,
  type ReserveGroupSubtotal,
  type ReserveLine,
  type ReservesPosition,
} from '../../domain/reserves/reserves-position';
import { CastingNotes } from '../../components/casting-notes';
import { TranscriptionNotes } from '../../components/transcription-notes';
import { CheckedAmount } from '../../components/checked-amount';
import { DataTable } from '../../components/data-table';
import { Thousands } from '../../components/money-cell';
import { rowAnchorId } from '../../components/row-links';

type Row =
  | { kind: 'reserve'; line: ReserveLine }
  | { kind: 'group'; group: ReserveGroupSubtotal }
  | { kind: 'printed'; line: ReserveLine };

const groupLabel = (id: string): string => RESERVE_GROUPS.find((g) => g.id === id)?.label ?? 'Group not named';

/**
 * Table 5 by group (earmarked, contingency, capital, general): each reserve's balance at the start, what was
 * added and used, and its balance at the end, with each group's sums worked out (the paper prints none) and
 * the paper's own totals, checked, at the end.
 */
export function ReservesTable({
  position,
  target,
  yearLabel,
  dates,
}: {
  position: ReservesPosition;
  target: string | null;
  /** "2018/19" */
  yearLabel: string;
  /** The balance dates in words, from the file's headers ("1 April 2018", "31 March 2019"). */
  dates: { opening: string; closing: string };
}) {
  const columnLabels: Record<string, string> = {
    opening: `balance at ${dates.opening}`,
    added: 'added',
    used: 'used',
    closing: `balance at ${dates.closing}`,
  };
  const rows: Row[] = [
    ...position.groups.flatMap((g): Row[] => [
      ...g.reserves.map((line): Row => ({ kind: 'reserve', line })),
      ...(g.reserves.length > 1 ? [{ kind: 'group' as const, group: g }] : []),
    ]),
    ...position.reserves.filter((r) => r.group === null).map((line): Row => ({ kind: 'reserve', line })),
    ...position.totals.map((line): Row => ({ kind: 'printed', line })),
  ];
  const anchor = (r: Row) => (r.kind === 'group' ? undefined : rowAnchorId('t5', r.line.key));
  const amount = (column: 'opening' | 'added' | 'closing') => (r: Row) =>
    r.kind === 'group' ? (
      <Thousands value={r.group[column]} />
    ) : (
      <CheckedAmount value={r.line[column]} checks={r.line.checks} column={column} />
    );
  const labelOf = (key: string) => [...position.reserves, ...position.totals].find((l) => l.key === key)?.name ?? key;
  const notes = [...position.reserves, ...position.totals].filter((l) => l.note !== '');
  return (
    <DataTable
      caption={`Table 5: reserves position, ${yearLabel} (£'000)`}
      columns={[
        {
          key: 'reserve',
          header: 'Reserve',
          cell: (r: Row) =>
            r.kind === 'group' ? `${r.group.label}: ${r.group.reserves.length} reserves (worked out)` : r.line.name,
        },
        { key: 'opening', header: `Balance ${dates.opening}`, numeric: true, cell: amount('opening') },
        { key: 'added', header: 'Added', numeric: true, cell: amount('added') },
        {
          key: 'used',
          header: 'Used',
          numeric: true,
          cell: (r) =>
            r.kind === 'group' ? (
              <Thousands value={r.group.usage} />
            ) : (
              <CheckedAmount value={r.line.usage} checks={r.line.checks} column="used" />
            ),
        },
        { key: 'closing', header: `Balance ${dates.closing}`, numeric: true, cell: amount('closing') },
        {
          key: 'net',
          header: 'Net movement (worked out)',
          numeric: true,
          cell: (r) => <Thousands value={r.kind === 'group' ? r.group.netMovement : r.line.netMovement} />,
        },
      ]}
      rows={rows}
      rowKey={(r) => (r.kind === 'group' ? `group-${r.group.group}` : r.line.key)}
      rowId={anchor}
      groupKey={(r) =>
        r.kind === 'printed' ? 'printed' : r.kind === 'group' ? r.group.group : (r.line.group ?? 'none')
      }
      groupOf={(r) =>
        r.kind === 'printed'
          ? 'Totals as printed'
          : groupLabel(r.kind === 'group' ? r.group.group : (r.line.group ?? ''))
      }
      rowClass={(r) =>
        [
          r.kind === 'group' ? 'row-subtotal row-worked' : r.kind === 'printed' ? `row-${r.line.rowType}` : '',
          anchor(r) !== undefined && target === anchor(r) ? 'row-target' : '',
        ]
          .join(' ')
          .trim() || undefined
      }
      footer={
        <>
          <p className="table-footnote">
            Used is what was drawn from the reserve, in brackets as the paper prints it. The paper&rsquo;s Total
            Earmarked Reserves includes the contingency and capital reserves; the group sums are worked out here (the
            paper prints none).
          </p>
          <TranscriptionNotes
            items={notes.map((l) => ({ key: l.key, title: l.name, note: l.note }))}
            label="Notes on the reserves"
          />
          <CastingNotes checks={position.checks} labelOf={labelOf} columnLabel={(c) => columnLabels[c] ?? c} />
        </>
      }
    />
  );
}
