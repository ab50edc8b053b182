import {
  CAPITAL_CATEGORIES,
  type CapitalProgramme,
  type SchemeColumn,
  type SchemeLine,
} from '../../domain/capital/capital-programme';
import { CastingNotes } from '../../components/casting-notes';
import { TranscriptionNotes } from '../../components/transcription-notes';
import { CheckedAmount } from '../../components/checked-amount';
import { DataTable, type Column } from '../../components/data-table';
import { rowAnchorId } from '../../components/row-links';

/** Appendix 3's columns, with the letters and formulas the paper prints in its headings. */
const COLUMNS: readonly { column: SchemeColumn; header: string; short: string }[] = [
  { column: 'bfwd', header: 'B/Fwd [D]', short: 'B/Fwd (D)' },
  { column: 'original', header: 'Original programme [E]', short: 'original programme (E)' },
  { column: 'amendments', header: 'Proposed amendments [F]', short: 'proposed amendments (F)' },
  { column: 'revised', header: 'Revised budget [G = D+E+F]', short: 'revised budget (G)' },
  { column: 'actual', header: 'Actual [H]', short: 'actual (H)' },
  { column: 'commitments', header: 'Commitments [I]', short: 'commitments (I)' },
  { column: 'committedAndSpent', header: 'Committed & spent [J = H+I]', short: 'committed and spent (J)' },
  { column: 'expectedOutturn', header: 'Expected outturn [K]', short: 'expected outturn (K)' },
  { column: 'variance', header: 'Variance [L = K−G]', short: 'variance (L)' },
  { column: 'carryForward', header: 'Predicted c/fwd [M]', short: 'predicted carry-forward (M)' },
  { column: 'underOverspend', header: '(Under)/ overspend [N = L+M]', short: '(under)/overspend (N)' },
];

const categoryLabel = (line: SchemeLine): string =>
  CAPITAL_CATEGORIES.find((c) => c.id === line.category)?.label ?? (line.section || 'All categories');

/**
 * Appendix 3 scheme by scheme, grouped by category as the paper prints it, every lettered formula and
 * total checked. A category whose pages are missing from the source shows its total (from Table 4) and
 * says its detail is missing: the figures not shown read "n/s", never nil.
 */
export function SchemeTable({
  programme,
  target,
  yearEnd,
}: {
  programme: CapitalProgramme;
  target: string | null;
  /** "31 March 2019" */
  yearEnd: string;
}) {
  const rows: SchemeLine[] = [
    ...programme.sections.flatMap((s) => [...s.schemes, ...(s.total ? [s.total] : [])]),
    ...(programme.grandTotal ? [programme.grandTotal] : []),
  ];
  const missing = new Set(programme.sections.filter((s) => s.detailMissing).map((s) => s.label));
  const labelOf = (key: string) => rows.find((r) => r.key === key)?.title ?? key;
  const anchor = (l: SchemeLine) => rowAnchorId('a3', l.key);
  const columns: Column<SchemeLine>[] = [
    { key: 'title', header: 'Scheme', cell: (l) => l.title },
    {
      key: 'job',
      header: 'Job code',
      cell: (l) => l.jobCode || (l.rowType === 'item' ? <span className="missing">none printed</span> : ''),
    },
    ...COLUMNS.map(({ column, header }) => ({
      key: column,
      header,
      numeric: true,
      cell: (l: SchemeLine) => <CheckedAmount value={l[column]} checks={l.checks} column={column} />,
    })),
  ];
  // The file's remarks are long; under the table they do not push eleven columns of figures apart.
  const notes = rows.filter((r) => r.note !== '' && !missing.has(r.section));
  return (
    <div className="wide-table">
      <DataTable
        caption={`Appendix 3: scheme by scheme capital report to ${yearEnd} (£'000)`}
        columns={columns}
        rows={rows}
        rowKey={(l) => l.key}
        rowId={anchor}
        groupKey={(l) => l.section || 'total'}
        groupOf={(l) =>
          missing.has(l.section) ? (
            <>
              {categoryLabel(l)}: <span className="detail-missing">scheme detail missing</span>
              <span className="group-note">
                {' '}
                The source lacks this section&rsquo;s Appendix 3 page. Its total is shown with the B/Fwd, revised budget
                and outturn that Table 4 gives; the other figures are not shown (n/s), not nil.
              </span>
            </>
          ) : (
            categoryLabel(l)
          )
        }
        rowClass={(l) =>
          [l.rowType === 'item' ? '' : `row-${l.rowType}`, target === anchor(l) ? 'row-target' : ''].join(' ').trim() ||
          undefined
        }
        footer={
          <>
            <TranscriptionNotes
              items={notes.map((r) => ({ key: r.key, title: r.title, note: r.note }))}
              label="Notes on the scheme rows"
            />
            <CastingNotes
              checks={programme.schemeChecks}
              labelOf={labelOf}
              columnLabel={(c) => COLUMNS.find((x) => x.column === c)?.short ?? c}
            />
          </>
        }
      />
    </div>
  );
}
