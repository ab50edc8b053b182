import { useState } from 'react';
import { useDatasets, useDeleteDataset, useReceipts, useReloadSample } from '../../api/datasets';
import { DataTable } from '../../components/data-table';
import { QueryState } from '../../components/query-state';
import type { DatasetMeta } from '../../api/datasets';
import { ReceiptView } from './receipt-view';

/** What is loaded, kept in this browser: each dataset with its receipt, and a way to delete it. */
export function DatasetsList() {
  const datasets = useDatasets();
  const receipts = useReceipts();
  const remove = useDeleteDataset();
  const reload = useReloadSample();
  const [open, setOpen] = useState<string | null>(null);
  const receipt = receipts.data?.find((r) => r.id === open);
  return (
    <section aria-labelledby="datasets-title">
      <h3 id="datasets-title">Loaded in this browser</h3>
      <QueryState query={datasets}>
        {(list) => (
          <>
            <DataTable
              caption={`${list.length} datasets, kept in this browser until you delete them`}
              columns={[
                { key: 'name', header: 'File', cell: (d: DatasetMeta) => d.name },
                { key: 'kind', header: 'Kind', cell: (d) => d.kind },
                { key: 'rows', header: 'Rows', numeric: true, cell: (d) => d.rowCount.toLocaleString('en-GB') },
                {
                  key: 'source',
                  header: 'Source',
                  cell: (d) =>
                    d.source === 'upload'
                      ? 'Your upload'
                      : d.name.startsWith('illustrative-')
                        ? '2017/18 sample: illustrative, generated'
                        : '2017/18 sample: the paper',
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
              rows={list}
              rowKey={(d) => d.id}
            />
            <button type="button" onClick={() => reload.mutate()} disabled={reload.isPending}>
              {reload.isPending ? 'Loading the sample…' : 'Load the 2017/18 sample again (files not loaded)'}
            </button>
            {remove.error && (
              <p role="alert" className="error">
                {remove.error.message}
              </p>
            )}
            {reload.error && (
              <p role="alert" className="error">
                {reload.error.message}
              </p>
            )}
          </>
        )}
      </QueryState>
      {receipt && <ReceiptView receipt={receipt} />}
    </section>
  );
}
