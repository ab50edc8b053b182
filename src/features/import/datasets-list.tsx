import { useState, type ReactNode } from 'react';
import {
  useChooseDataset,
  useDatasetStatuses,
  useDatasets,
  useDeleteDataset,
  useReceipts,
  useReloadSample,
  useSetDatasetYear,
} from '../../api/datasets';
import type { DatasetStatus } from '../../api/dataset-status';
import { monthLabel, yearLabel } from '../../api/year-choice';
import { DataTable } from '../../components/data-table';
import { QueryState } from '../../components/query-state';
import type { DatasetMeta } from '../../api/datasets';
import { ChangeYearForm } from './change-year-form';
import { periodsText, slotText } from './periods-text';
import { ReceiptView } from './receipt-view';

/** Newest year first, the datasets without a year (which need one) at the top; then by role, then oldest import first. */
function ordered(
  list: readonly DatasetMeta[],
  statuses: ReadonlyMap<string, DatasetStatus> | undefined,
): DatasetMeta[] {
  const yearKey = (d: DatasetMeta) => (d.year === null ? Number.POSITIVE_INFINITY : d.year);
  const role = (d: DatasetMeta) => statuses?.get(d.id)?.roleLabel ?? d.kind;
  return [...list].sort(
    (a, b) =>
      yearKey(b) - yearKey(a) ||
      role(a).localeCompare(role(b)) ||
      (a.month ?? 0) - (b.month ?? 0) ||
      a.createdAt.localeCompare(b.createdAt),
  );
}

/** What is loaded, kept in this browser: each dataset with its year, what it holds, whether it counts, its receipt. */
export function DatasetsList() {
  const datasets = useDatasets();
  const statuses = useDatasetStatuses().data;
  const receipts = useReceipts();
  const remove = useDeleteDataset();
  const reload = useReloadSample();
  const choose = useChooseDataset();
  const setYear = useSetDatasetYear();
  const [open, setOpen] = useState<string | null>(null);
  const [changing, setChanging] = useState<string | null>(null);
  const receipt = receipts.data?.find((r) => r.id === open);
  const moved = setYear.data;
  const chooseButton = (d: DatasetMeta) => (
    <button type="button" disabled={choose.isPending} onClick={() => choose.mutate(d.id)}>
      Use this one<span className="visually-hidden"> ({d.name})</span>
    </button>
  );
  return (
    <section aria-labelledby="datasets-title">
      <h3 id="datasets-title">Loaded in this browser</h3>
      <p className="note">
        Every page reads the datasets that count for the year and month chosen above. Of two files for the same year,
        month and kind (a ledger: the same periods), one counts; the other stays listed with its receipt, and you can
        choose it back.
      </p>
      <QueryState query={datasets}>
        {(list) => (
          <>
            <DataTable
              caption={`${list.length} datasets, kept in this browser until you delete them`}
              groupOf={(d: DatasetMeta) => (d.year === null ? 'No year set' : yearLabel(d.year))}
              groupKey={(d) => String(d.year)}
              columns={[
                { key: 'name', header: 'File', cell: (d: DatasetMeta) => d.name },
                { key: 'role', header: 'Holds', cell: (d) => statuses?.get(d.id)?.roleLabel ?? d.kind },
                { key: 'year', header: 'Year', cell: (d) => (d.year === null ? 'No year' : yearLabel(d.year)) },
                {
                  key: 'month',
                  header: 'Month or periods',
                  cell: (d) => {
                    const periods = statuses?.get(d.id)?.periods ?? [];
                    if (d.kind === 'ledger') return periods.length > 0 ? periodsText(periods) : 'No periods';
                    if (d.year !== null && d.month !== null) return monthLabel(d.year, d.month);
                    return 'Whole year';
                  },
                },
                {
                  key: 'counts',
                  header: 'Counts?',
                  cell: (d) => <CountCell d={d} status={statuses?.get(d.id)} chooseButton={chooseButton} />,
                },
                { key: 'rows', header: 'Rows', numeric: true, cell: (d) => d.rowCount.toLocaleString('en-GB') },
                {
                  key: 'source',
                  header: 'Source',
                  cell: (d) =>
                    d.source === 'upload'
                      ? 'Your upload'
                      : d.illustrative
                        ? 'Sample: illustrative, generated'
                        : 'Sample: the 2017/18 paper',
                },
                { key: 'when', header: 'Imported (UTC)', cell: (d) => d.createdAt.replace('T', ' ').slice(0, 16) },
                {
                  key: 'actions',
                  header: 'Actions',
                  cell: (d) => (
                    <span className="row-actions">
                      <button
                        type="button"
                        aria-expanded={open === d.receiptId}
                        onClick={() => setOpen(open === d.receiptId ? null : d.receiptId)}
                      >
                        {open === d.receiptId ? 'Hide' : 'Show'} receipt
                        <span className="visually-hidden"> of {d.name}</span>
                      </button>
                      <button
                        type="button"
                        aria-expanded={changing === d.id}
                        onClick={() => setChanging(changing === d.id ? null : d.id)}
                      >
                        Change year<span className="visually-hidden"> of {d.name}</span>
                      </button>
                      <button
                        type="button"
                        onClick={() => {
                          if (window.confirm(`Delete ${d.name} (${d.rowCount} rows)? Its receipt is kept.`))
                            remove.mutate(d.id);
                        }}
                      >
                        Delete<span className="visually-hidden"> {d.name}</span>
                      </button>
                    </span>
                  ),
                },
              ]}
              rows={ordered(list, statuses)}
              rowKey={(d) => d.id}
            />
            {changing !== null &&
              list
                .filter((d) => d.id === changing)
                .map((d) => (
                  <ChangeYearForm
                    key={d.id}
                    dataset={d}
                    monthly={statuses?.get(d.id)?.role === 'monitoring-return'}
                    saving={setYear.isPending}
                    onCancel={() => setChanging(null)}
                    onSave={(year, month) =>
                      setYear.mutate({ id: d.id, year, month }, { onSuccess: () => setChanging(null) })
                    }
                  />
                ))}
            {moved &&
              list
                .filter((d) => d.id === moved.id)
                .map((d) => (
                  <MovedNote key={d.id} d={d} moved={moved} status={statuses?.get(d.id)} chooseButton={chooseButton} />
                ))}
            <button type="button" onClick={() => reload.mutate()} disabled={reload.isPending}>
              {reload.isPending ? 'Loading the sample…' : 'Load the 2017/18 sample again (files not loaded)'}
            </button>
            {[remove.error, reload.error, choose.error, setYear.error].map(
              (e, i) =>
                e && (
                  <p key={i} role="alert" className="error">
                    {e.message}
                  </p>
                ),
            )}
          </>
        )}
      </QueryState>
      {receipt && <ReceiptView receipt={receipt} />}
    </section>
  );
}

/** Whether a dataset counts, in words (never by colour alone), with the way to make it count. */
function CountCell({
  d,
  status,
  chooseButton,
}: {
  d: DatasetMeta;
  status: DatasetStatus | undefined;
  chooseButton: (d: DatasetMeta) => ReactNode;
}) {
  if (!status) return null;
  const { count } = status;
  if (count.state === 'no-year')
    return <>No year: set it with &ldquo;Change year&rdquo;; no page reads it until then.</>;
  if (count.state === 'counts') return <>Counts</>;
  const where = d.year !== null ? slotText(d.year, d.month) : '';
  const instead = count.instead
    .map((h) => `${h.name} counts for ${where}${h.periods.length > 0 ? ` ${periodsText(h.periods)}` : ''}`)
    .join('; ');
  if (count.state === 'partly')
    return (
      <>
        Counts for {periodsText(count.counting)}; {instead}. {chooseButton(d)}
      </>
    );
  return (
    <>
      Kept, not counting{instead ? `: ${instead}` : ''}. {chooseButton(d)}
    </>
  );
}

/** What a change of year did: the dataset counts in its new year, or another already does and it waits. */
function MovedNote({
  d,
  moved,
  status,
  chooseButton,
}: {
  d: DatasetMeta;
  moved: { year: number; month: number | null; displaced: { name: string; periods: number[] }[] };
  status: DatasetStatus | undefined;
  chooseButton: (d: DatasetMeta) => ReactNode;
}) {
  const count = status?.count;
  const holders =
    moved.displaced.length > 0
      ? moved.displaced
      : count && (count.state === 'kept' || count.state === 'partly')
        ? count.instead
        : [];
  return (
    <div role="status" className="note">
      {d.name} is now {slotText(moved.year, moved.month)}.
      {count?.state === 'counts' ? (
        ' It counts for it.'
      ) : holders.length === 0 ? (
        <> It is kept, not counting. {chooseButton(d)}</>
      ) : (
        <>
          {' '}
          {holders.map((o) => o.name).join(' and ')} already {holders.length === 1 ? 'counts' : 'count'} for it
          {d.kind === 'ledger' ? ` (${periodsText(holders.flatMap((o) => o.periods))})` : ''}, so {d.name} is kept, not
          counting. {chooseButton(d)}
        </>
      )}
    </div>
  );
}
