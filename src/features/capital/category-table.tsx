import type { CapitalProgramme, CategoryBudgetLine } from '../../domain/capital/capital-programme';
import { formatPercent } from '../../domain/core/percent';
import { CastingNotes } from '../../components/casting-notes';
import { CheckedAmount } from '../../components/checked-amount';
import { DataTable } from '../../components/data-table';
import { Thousands } from '../../components/money-cell';
import { rowAnchorId } from '../../components/row-links';

const COLUMN_LABELS: Record<string, string> = {
  bfwd: 'B/Fwd',
  original: 'Original programme',
  amendments: 'Amendments',
  revised: 'Revised budget',
  outturn: 'Outturn',
  percent: '% as printed',
};

/** Table 4 by category: the printed budget and outturn, the worked variance and the share of the revised budget spent. */
export function CategoryTable({
  programme,
  target,
  yearLabel,
}: {
  programme: CapitalProgramme;
  target: string | null;
  /** "2018/19" */
  yearLabel: string;
}) {
  const rows = [...programme.categories, ...(programme.categoryTotal ? [programme.categoryTotal] : [])];
  const labelOf = (key: string) => rows.find((r) => r.key === key)?.label ?? key;
  const anchor = (l: CategoryBudgetLine) => rowAnchorId('t4p', l.key);
  const amount = (column: keyof CategoryBudgetLine) => (l: CategoryBudgetLine) => (
    <CheckedAmount value={l[column] as CategoryBudgetLine['revised']} checks={l.checks} column={column} />
  );
  return (
    <DataTable
      caption={`Table 4: capital programme by category, ${yearLabel} (£'000)`}
      columns={[
        { key: 'category', header: 'Category', cell: (l: CategoryBudgetLine) => l.label },
        { key: 'bfwd', header: 'B/Fwd', numeric: true, cell: amount('bfwd') },
        { key: 'original', header: 'Original programme', numeric: true, cell: amount('original') },
        { key: 'amendments', header: 'Amendments', numeric: true, cell: amount('amendments') },
        { key: 'revised', header: 'Revised budget', numeric: true, cell: amount('revised') },
        { key: 'outturn', header: 'Outturn', numeric: true, cell: amount('outturn') },
        {
          key: 'variance',
          header: 'Variance (outturn − revised, worked out)',
          numeric: true,
          cell: (l) => <Thousands value={l.variance} />,
        },
        {
          key: 'spent',
          header: '% of revised budget spent',
          numeric: true,
          cell: (l) => formatPercent(l.percentSpent),
        },
        {
          key: 'printed',
          header: '% as printed',
          numeric: true,
          cell: (l) => (
            <>
              {l.checks.some((c) => c.column === 'percent') && (
                <a
                  className="check-flag check-flag-link"
                  href={`#check-${l.checks.find((c) => c.column === 'percent')!.id}`}
                  aria-label="Rounding difference or failure: see the note"
                >
                  †
                </a>
              )}
              {l.printedPercent === null ? 'n/s' : formatPercent(l.printedPercent)}
            </>
          ),
        },
      ]}
      rows={rows}
      rowKey={(l) => l.key}
      rowId={anchor}
      rowClass={(l) =>
        [l.rowType === 'item' ? '' : `row-${l.rowType}`, target === anchor(l) ? 'row-target' : ''].join(' ').trim() ||
        undefined
      }
      footer={
        <CastingNotes checks={programme.categoryChecks} labelOf={labelOf} columnLabel={(c) => COLUMN_LABELS[c] ?? c} />
      }
    />
  );
}
